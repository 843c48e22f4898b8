package cn.changning.governance.assessment.domain.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * A street's survey coverage of a year against the rule of at least {@value #TARGET} respondents a year, as progress:
 * the share of the target reached, the share of the year passed (on the service's clock, in the working calendar's
 * zone), and whether the street is on track: it is when it has reached the target, or its share reached is at least
 * the share of the year passed (a street with 400 respondents on 1 June, 41% of the year passed, is on track).
 *
 * @param share      respondents / target, capped at 1
 * @param yearPassed the share of the year passed: 0 before it, 1 after it
 */
public record SurveyCoverage(String streetCode, int year, long respondents, int target, double share, double yearPassed,
                             boolean reached, boolean onTrack) {

    public static final int TARGET = 1000;

    public static SurveyCoverage of(String streetCode, int year, long respondents, Instant now, ZoneId zone) {
        ZonedDateTime start = LocalDate.of(year, 1, 1).atStartOfDay(zone);
        ZonedDateTime end = start.plusYears(1);
        double passed;
        if (!now.isAfter(start.toInstant())) {
            passed = 0;
        } else if (!now.isBefore(end.toInstant())) {
            passed = 1;
        } else {
            passed = (double) ChronoUnit.SECONDS.between(start.toInstant(), now) / ChronoUnit.SECONDS.between(start, end);
        }
        double share = Math.min(1.0, (double) respondents / TARGET);
        boolean reached = respondents >= TARGET;
        return new SurveyCoverage(streetCode, year, respondents, TARGET, share, passed, reached, reached || share >= passed);
    }
}
