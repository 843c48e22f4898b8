package cn.changning.governance.partyregistry.projection.record;

/**
 * The records of party life in one read model (collection {@code party_records}, {@code _id} the record's id):
 * activities, visits, party affairs and honours, each with its type, date and place, for queries by period and place.
 */
public final class RecordDocuments {

    public static final String RECORDS = "party_records";

    public static final String TYPE = "type";
    public static final String ORGANIZATION_ID = "organizationId";
    /** The visiting member of a visit, the honoured member of an honour; null otherwise. */
    public static final String MEMBER_ID = "memberId";
    /** The activity's kind, the affair's kind, the honour's level. */
    public static final String KIND = "kind";
    /** The activity's or honour's title, the visit's purpose. */
    public static final String TITLE = "title";
    /** ISO date: strings of one format sort as dates do. */
    public static final String DATE = "date";
    public static final String PARTICIPANTS = "participants";
    /** The visit's summary, the affair's description. */
    public static final String TEXT = "text";
    public static final String UNIT_ID = "unitId";
    public static final String STREET_CODE = "streetCode";
    public static final String RESIDENTIAL_AREA_CODE = "residentialAreaCode";
    public static final String RECORDED_BY = "recordedBy";

    /** The record types, as {@link #TYPE} holds them. */
    public enum RecordType { ACTIVITY, VISIT, PARTY_AFFAIR, HONOUR }

    private RecordDocuments() {
    }
}
