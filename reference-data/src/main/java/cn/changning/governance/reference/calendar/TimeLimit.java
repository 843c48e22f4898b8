package cn.changning.governance.reference.calendar;

import java.util.Objects;

/** How long handling may take, measured on the {@link WorkingCalendar}. */
public record TimeLimit(int amount, TimeUnit unit) {

    public TimeLimit {
        if (amount <= 0) {
            throw new IllegalArgumentException("time limit must be positive: " + amount);
        }
        Objects.requireNonNull(unit, "time limit unit");
    }

    public static TimeLimit workingHours(int amount) {
        return new TimeLimit(amount, TimeUnit.WORKING_HOURS);
    }

    public static TimeLimit workingDays(int amount) {
        return new TimeLimit(amount, TimeUnit.WORKING_DAYS);
    }
}
