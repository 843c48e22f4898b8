package cn.changning.governance.syntheticdata;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * SplitMix64: a tiny generator whose output is fixed by its algorithm, so a seed gives the same files on every
 * JDK (java.util.SplittableRandom's algorithm is an implementation detail). Not thread-safe; one per stream.
 */
final class SeededRandom {

    private long state;

    SeededRandom(long seed) {
        this.state = seed;
    }

    /** An independent stream per purpose, so adding rows to one file does not shift the values of another. */
    static SeededRandom forPurpose(long seed, String purpose) {
        long h = 0xcbf29ce484222325L;
        for (byte b : purpose.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ b) * 0x100000001b3L;
        }
        return new SeededRandom(mix(seed ^ h));
    }

    long nextLong() {
        state += 0x9E3779B97F4A7C15L;
        return mix(state);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, bound). */
    int nextInt(int bound) {
        return (int) Math.floorMod(nextLong(), (long) bound);
    }

    /** Uniform in [from, to] inclusive. */
    int between(int from, int to) {
        return from + nextInt(to - from + 1);
    }

    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    boolean chance(double probability) {
        return nextDouble() < probability;
    }

    <T> T pick(List<T> values) {
        return values.get(nextInt(values.size()));
    }

    char pick(String chars) {
        return chars.charAt(nextInt(chars.length()));
    }

    String digits(int count) {
        char[] out = new char[count];
        for (int i = 0; i < count; i++) {
            out[i] = (char) ('0' + nextInt(10));
        }
        return new String(out);
    }
}
