package cn.changning.governance.contracts.registry;

/** Where a party organisation is rooted (the registry files organisations "by kind"). */
public enum PartyOrganizationKind {
    RESIDENTIAL_AREA,
    OFFICE_BUILDING,
    RESIDENT_UNIT,
    /** A new economic or new social organisation ("two new"). */
    TWO_NEW,
    GOVERNMENT_BODY
}
