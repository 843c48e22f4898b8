package cn.changning.governance.reference.catalogue;

import java.util.Optional;

/**
 * Major classes of the catalogue. Components and events follow the national digital urban management
 * lists; both lists number their major classes 01-06, so events are offset by 10 (11-16) to keep item
 * codes unique across the catalogue. Service categories are ours and use 20 upwards.
 */
public enum ItemCategory {
    PUBLIC_UTILITIES("01", null, null),
    ROAD_TRAFFIC("02", null, null),
    CITY_APPEARANCE_ENVIRONMENT("03", "11", null),
    LANDSCAPING("04", null, null),
    HOUSING_LAND("05", null, null),
    ADVERTISING(null, "12", null),
    CONSTRUCTION_MANAGEMENT(null, "13", null),
    EMERGENCIES(null, "14", null),
    STREET_ORDER(null, "15", null),
    OTHER("06", "16", null),
    COMMUNITY_SERVICE(null, null, "20"),
    ELDERLY_CARE(null, null, "21"),
    NEIGHBOURHOOD_DISPUTE(null, null, "22"),
    PROPERTY_MANAGEMENT(null, null, "23"),
    SOCIAL_ASSISTANCE(null, null, "24");

    private final String componentMajorClass;
    private final String eventMajorClass;
    private final String serviceMajorClass;

    ItemCategory(String componentMajorClass, String eventMajorClass, String serviceMajorClass) {
        this.componentMajorClass = componentMajorClass;
        this.eventMajorClass = eventMajorClass;
        this.serviceMajorClass = serviceMajorClass;
    }

    /** The 2-digit major class this category has within the given item class; empty if it does not apply. */
    public Optional<String> majorClass(ItemClass itemClass) {
        return Optional.ofNullable(switch (itemClass) {
            case COMPONENT -> componentMajorClass;
            case EVENT -> eventMajorClass;
            case SERVICE -> serviceMajorClass;
        });
    }

    public boolean appliesTo(ItemClass itemClass) {
        return majorClass(itemClass).isPresent();
    }
}
