package cn.changning.governance.partyregistry.projection.register;

/**
 * The simple registers' read models: one collection per kind, one document per record ({@code _id} its id). Field
 * names are the published events' (the shared ones here, once).
 */
public final class RegisterDocuments {

    public static final String BUILDINGS = "buildings";
    public static final String RESIDENT_UNITS = "resident_units";
    public static final String YOUTH_LEAGUE_ORGANIZATIONS = "youth_league_organizations";
    public static final String TRADE_UNIONS = "trade_unions";
    public static final String PARTY_WORKERS = "party_workers";

    public static final String CODE = "code";
    public static final String NAME = "name";
    public static final String STREET_CODE = "streetCode";
    public static final String RESIDENTIAL_AREA_CODE = "residentialAreaCode";
    public static final String FLOORS = "floors";
    public static final String CREDIT_CODE = "creditCode";
    public static final String CATEGORY = "category";
    public static final String BUILDING_ID = "buildingId";
    public static final String EMPLOYEES = "employees";
    public static final String UNIT_ID = "unitId";
    public static final String MEMBERS = "members";
    public static final String STAFF_NUMBER = "staffNumber";
    /** A party worker's name: sealed, as published. */
    public static final String SEALED_NAME = "name";
    public static final String FULL_TIME = "fullTime";

    private RegisterDocuments() {
    }
}
