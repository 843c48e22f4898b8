package cn.changning.governance.partyregistry.projection.member;

/**
 * The members read model: collection and field names (one document per member, {@code _id} its id). The four personal
 * fields hold the sealed values as published ({@code {subject, ciphertext}}) and are removed on erasure.
 */
public final class MemberDocuments {

    public static final String MEMBERS = "party_members";

    public static final String ORGANIZATION_ID = "organizationId";
    public static final String NAME = "name";
    public static final String IDENTITY_NUMBER = "identityNumber";
    public static final String PHONE = "phone";
    public static final String ADDRESS = "address";
    public static final String GENDER = "gender";
    public static final String BIRTH_YEAR = "birthYear";
    public static final String CATEGORY = "category";
    public static final String JOINED_ON = "joinedOn";
    public static final String STREET_CODE = "streetCode";
    public static final String RESIDENTIAL_AREA_CODE = "residentialAreaCode";
    public static final String ERASED = "erased";
    public static final String ERASED_AT = "erasedAt";
    /** The organisations the member belonged to, oldest first: {@code {organizationId, since, reason}}. */
    public static final String HISTORY = "history";
    public static final String HISTORY_ORGANIZATION_ID = "organizationId";
    public static final String HISTORY_SINCE = "since";
    public static final String HISTORY_REASON = "reason";

    private MemberDocuments() {
    }
}
