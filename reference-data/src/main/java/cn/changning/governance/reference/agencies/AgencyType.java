package cn.changning.governance.reference.agencies;

/**
 * The seven kinds of agency every street has: the district departments' stationed agencies and the street's own
 * team. Units outside the street that a case can also go to are {@link DistrictUnitType}s.
 */
public enum AgencyType implements PartyType {
    /** 城管中队: the backbone of joint enforcement. */
    CITY_MANAGEMENT_SQUAD,
    /** 公安派出所. */
    POLICE_STATION,
    /** 市场监管所. */
    MARKET_SUPERVISION_OFFICE,
    /** 房管办. */
    HOUSING_OFFICE,
    /** 绿化市容所. */
    GREENING_CITY_APPEARANCE_OFFICE,
    /** 交警中队. */
    TRAFFIC_POLICE_SQUAD,
    /** The street's (or town's) own service team: handles type A alone, leads type B, assists type C. */
    STREET_TEAM
}
