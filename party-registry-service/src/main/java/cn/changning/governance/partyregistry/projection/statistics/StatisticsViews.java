package cn.changning.governance.partyregistry.projection.statistics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/** The statistics as the API answers them. */
public final class StatisticsViews {

    private StatisticsViews() {
    }

    /** A total and its parts, e.g. members by category. */
    public record Breakdown(long total, Map<String, Long> by) {
    }

    /**
     * A share: {@code count} of {@code of}, rounded to 4 decimals (null when {@code of} is 0), against its target (null:
     * none) and whether it is met ({@code share >= target}; false when there is nothing to count).
     */
    public record Share(long count, long of, BigDecimal share, BigDecimal target, boolean met, String definition) {
    }

    /** Counts at one place (scope DISTRICT, STREET or AREA). Youth-league, union and worker figures are kept per street: 0 for an area. */
    public record PlaceCounts(String scope, String code, Breakdown organizations, Breakdown members, long buildings,
                              Breakdown residentUnits, long twoNewOrganizations, long youthLeagueOrganizations,
                              long youthLeagueMembers, long tradeUnions, long tradeUnionMembers, long fullTimeWorkers,
                              long partTimeWorkers) {
    }

    /** The "507030" target for the residential-area party secretaries in office. */
    public record Secretaries507030(String scope, String code, LocalDate on, long secretaries, Share careerEstablishment,
                                    Share workingAge, Share bornIn1970sOr1980s, boolean allMet) {
    }

    public record PoliceCoverage(String scope, String code, LocalDate on, long areas, long areasWithOfficer,
                                 long areasWithoutOfficer, long officersInPost, long officersInPostUnderFiveYears,
                                 long officersRegistered, Share partyMemberOfficers, Share areasWithCrossAppointedDeputy,
                                 long releasesWithinFiveYears) {
    }

    /** Full-time party-and-mass workers against the "two new" organisations (one worker per 150). */
    public record WorkerRatio(String scope, String code, long fullTimeWorkers, long twoNewOrganizations,
                              BigDecimal fullTimeWorkersPer150, long fullTimeWorkersRequired, boolean met) {
    }

    public record NewMembersPoliceShare(int year, Share communityPoliceShare) {
    }

    public record MonthlyTrend(String month, long membersJoined, long organizationsFounded) {
    }
}
