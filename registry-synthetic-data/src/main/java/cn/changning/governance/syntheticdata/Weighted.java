package cn.changning.governance.syntheticdata;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Picks values in proportion to integer weights (binary search over the cumulative sums). */
final class Weighted<T> {

    private final List<T> values = new ArrayList<>();
    private int[] cumulative = new int[8];
    private int total;

    Weighted<T> add(T value, int weight) {
        if (weight <= 0) {
            throw new IllegalArgumentException("weight must be positive: " + value);
        }
        if (values.size() == cumulative.length) {
            cumulative = Arrays.copyOf(cumulative, cumulative.length * 2);
        }
        total += weight;
        cumulative[values.size()] = total;
        values.add(value);
        return this;
    }

    T pick(SeededRandom random) {
        int r = random.nextInt(total);
        int index = Arrays.binarySearch(cumulative, 0, values.size(), r + 1);
        return values.get(index >= 0 ? index : -index - 1);
    }
}
