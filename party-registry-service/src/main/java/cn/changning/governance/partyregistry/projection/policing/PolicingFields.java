package cn.changning.governance.partyregistry.projection.policing;

/**
 * The policing read model's collections and every field name in them: residential areas (secretary, officers in
 * post, deputy secretary, warnings), community police officers, and postings (officer × area). Names are kept sealed
 * ({@code subject} + {@code ciphertext}); the API opens or masks them.
 */
public final class PolicingFields {

    public static final String AREAS = "registry_residential_areas";
    public static final String OFFICERS = "registry_police_officers";
    public static final String POSTINGS = "registry_officer_postings";

    public static final String ID = "_id";
    public static final String VERSION = "version";

    // Areas (_id = area code).
    public static final String STREET_CODE = "streetCode";
    public static final String SECRETARY = "secretary";
    public static final String SECRETARY_ID = "secretaryId";
    public static final String BIRTH_YEAR = "birthYear";
    public static final String CAREER_ESTABLISHMENT = "careerEstablishment";
    public static final String APPOINTED_ON = "appointedOn";
    public static final String OFFICERS_IN_POST = "officersInPost";
    public static final String OFFICER_ID = "officerId";
    public static final String IN_POST_FROM = "inPostFrom";
    public static final String DEPUTY = "deputySecretary";
    public static final String PARTY_MEMBER_ID = "partyMemberId";
    public static final String WARNINGS = "warnings";
    public static final String WARNING_CODE = "code";
    public static final String RELEASED_ON = "releasedOn";

    // Sealed names.
    public static final String NAME = "name";
    public static final String SUBJECT = "subject";
    public static final String CIPHERTEXT = "ciphertext";

    // Officers (_id = officer id).
    public static final String BADGE_NUMBER = "badgeNumber";
    public static final String JOINED_PARTY_ON = "joinedPartyOn";

    // Postings (_id = officerId + "@" + areaCode; version = the area's sequence).
    public static final String AREA_CODE = "areaCode";
    public static final String IN_POST = "inPost";
    public static final String DEPUTY_SECRETARY = "deputySecretary";

    /** The warning a release in under 5 years leaves on the area. */
    public static final String LEFT_WITHIN_FIVE_YEARS = "left-within-five-years";

    private PolicingFields() {
    }

    public static String postingId(String officerId, String areaCode) {
        return officerId + "@" + areaCode;
    }
}
