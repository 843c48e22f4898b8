package cn.changning.governance.partyregistry.projection.statistics;

import java.util.List;

/**
 * The statistics read model: its two collections, every field name and the counters it keeps.
 *
 * <p>A counter document holds one metric at one place, e.g. {@code MEMBERS|STREET|310105001}: its counts by breakdown
 * ({@code counts.FULL}, {@code counts.PROBATIONARY}) and, per topic partition, the offset of the last record applied
 * to it ({@code offsets.0}, ...). A record changes the document only when its offset is above its partition's, so a
 * redelivered batch or a replay changes nothing; a dashboard reads a handful of documents by id, never the members.
 * Subject documents hold what a later event needs to move a count (a member's place, an area's secretary and
 * officers): ids, codes and years, no personal value.</p>
 */
public final class StatisticsFields {

    public static final String COUNTERS = "registry_statistics";
    public static final String SUBJECTS = "registry_statistics_subjects";

    public static final String ID = "_id";
    public static final String METRIC = "metric";
    public static final String SCOPE = "scope";
    public static final String PLACE = "place";
    public static final String COUNTS = "counts";
    public static final String OFFSETS = "offsets";

    // Subject documents (_id = "member:<id>" or "area:<code>"; version = the aggregate's sequence).
    public static final String STREET_CODE = "streetCode";
    public static final String AREA_CODE = "areaCode";
    public static final String CATEGORY = "category";
    public static final String SECRETARY_BIRTH_YEAR = "secretaryBirthYear";
    public static final String SECRETARY_CAREER = "secretaryCareerEstablishment";
    public static final String OFFICERS_IN_POST = "officersInPost";
    public static final String HAS_DEPUTY = "hasDeputySecretary";

    /** Where a count is kept: the district, a street (or town), a residential area. */
    public enum Scope { DISTRICT, STREET, AREA }

    /** What is counted; each metric's breakdown is named beside it. */
    public enum Metric {
        /** By organisation kind. */
        ORGANIZATIONS,
        /** By category (FULL, PROBATIONARY); a transfer moves the member's count. */
        MEMBERS,
        /** One breakdown, {@link #TOTAL}. */
        BUILDINGS,
        /** By unit category. */
        RESIDENT_UNITS,
        /** {@link #TOTAL} organisations and {@link #MEMBER_COUNT} league members. */
        YOUTH_LEAGUE_ORGANIZATIONS,
        /** {@link #TOTAL} unions and {@link #MEMBER_COUNT} union members. */
        TRADE_UNIONS,
        /** {@link #FULL_TIME} or {@link #PART_TIME}. */
        PARTY_WORKERS,
        /** Registered officers, {@link #PARTY_MEMBER} or {@link #NOT_PARTY_MEMBER}. */
        POLICE_OFFICERS,
        /** Registered officers by the year they joined the party. */
        OFFICERS_JOINED_PARTY,
        /** Members by the month they joined (yyyy-MM), at the place they were registered. */
        MEMBERS_JOINED,
        /** Organisations by the month they were founded (yyyy-MM). */
        ORGANIZATIONS_FOUNDED,
        /** Secretaries in office by birth year and career establishment ("1975:Y"). */
        SECRETARIES,
        /** Officers in post by their first day in post (yyyy-MM-dd). */
        OFFICERS_IN_POST,
        /** {@link #COVERED}: areas with an officer in post; {@link #DEPUTY}: areas with a cross-appointed deputy secretary. */
        AREAS,
        /** Officers who left an area in under 5 years, by year of release. */
        EARLY_RELEASES
    }

    public static final String TOTAL = "total";
    public static final String MEMBER_COUNT = "members";
    public static final String FULL_TIME = "fullTime";
    public static final String PART_TIME = "partTime";
    public static final String PARTY_MEMBER = "partyMember";
    public static final String NOT_PARTY_MEMBER = "notPartyMember";
    public static final String COVERED = "covered";
    public static final String DEPUTY = "deputy";

    public static final String DISTRICT_CODE = "310105";

    private StatisticsFields() {
    }

    public static String counterId(Metric metric, Scope scope, String place) {
        return metric.name() + "|" + scope.name() + "|" + place;
    }

    /** The ids of one metric at each of these places of a scope. */
    public static List<String> counterIds(Metric metric, Scope scope, List<String> places) {
        return places.stream().map(p -> counterId(metric, scope, p)).toList();
    }

    public static String secretaryBreakdown(int birthYear, boolean careerEstablishment) {
        return birthYear + ":" + (careerEstablishment ? "Y" : "N");
    }
}
