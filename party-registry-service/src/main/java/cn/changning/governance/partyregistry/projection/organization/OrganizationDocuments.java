package cn.changning.governance.partyregistry.projection.organization;

/** The organisations read model: collection and field names (one document per organisation, {@code _id} its id). */
public final class OrganizationDocuments {

    public static final String ORGANIZATIONS = "party_organizations";

    public static final String CODE = "code";
    public static final String NAME = "name";
    public static final String KIND = "kind";
    public static final String LEVEL = "level";
    public static final String PARENT_ID = "parentId";
    public static final String STREET_CODE = "streetCode";
    public static final String RESIDENTIAL_AREA_CODE = "residentialAreaCode";
    public static final String FOUNDED_ON = "foundedOn";
    public static final String REGISTERED_AT = "registeredAt";

    private OrganizationDocuments() {
    }
}
