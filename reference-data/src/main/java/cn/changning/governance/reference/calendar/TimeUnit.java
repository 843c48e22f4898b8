package cn.changning.governance.reference.calendar;

/** Units of a time limit; both count only time on the working calendar. */
public enum TimeUnit {
    WORKING_HOURS,
    /** One working day is the calendar's full working day (8 working hours). */
    WORKING_DAYS
}
