package cn.changning.governance.syntheticdata;

import java.time.LocalDate;

final class Dates {

    private Dates() {
    }

    /** Uniform in [from, to] inclusive. */
    static LocalDate between(SeededRandom random, LocalDate from, LocalDate to) {
        long days = to.toEpochDay() - from.toEpochDay();
        if (days <= 0) {
            return from;
        }
        return LocalDate.ofEpochDay(from.toEpochDay() + (long) (random.nextDouble() * (days + 1)));
    }

    static LocalDate inYears(SeededRandom random, int fromYear, int toYear) {
        return between(random, LocalDate.of(fromYear, 1, 1), LocalDate.of(toYear, 12, 31));
    }

    /** Splits {@code total} over the weights, exactly (largest remainder, ties by position). */
    static int[] apportion(int total, double[] weights) {
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        int[] counts = new int[weights.length];
        double[] rest = new double[weights.length];
        int given = 0;
        for (int i = 0; i < weights.length; i++) {
            double exact = sum == 0 ? 0 : total * weights[i] / sum;
            counts[i] = (int) Math.floor(exact);
            rest[i] = exact - counts[i];
            given += counts[i];
        }
        while (given < total) {
            int best = 0;
            for (int i = 1; i < rest.length; i++) {
                if (rest[i] > rest[best]) {
                    best = i;
                }
            }
            counts[best]++;
            rest[best] = -1;
            given++;
        }
        return counts;
    }
}
