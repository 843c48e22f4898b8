package cn.changning.governance.reference.agencies;

/**
 * Units outside the streets' stationed agencies that a case can go to: the utilities and district departments that
 * own public assets (digital urban management sends a component's case to its owner), and the district departments
 * that answer for a service themselves. Our reading of the district's practice; the units are in the agencies file.
 */
public enum DistrictUnitType implements PartyType {
    /** 供水企业: water mains, water-supply manhole covers, municipal fire hydrants. */
    WATER_SUPPLY_COMPANY,
    /** 排水企业: sewers, stormwater drains, their covers and gully grates. */
    DRAINAGE_COMPANY,
    /** 供电公司: power cables, their covers, distribution cabinets, public charging piles. */
    POWER_SUPPLY_COMPANY,
    /** 燃气公司: gas mains, their covers, pressure regulators. */
    GAS_COMPANY,
    /** 通信运营企业: telecom ducts, cabinets and overhead cables. */
    TELECOM_OPERATOR,
    /** 邮政快递企业: post boxes, postal newsstands, parcel lockers. */
    POSTAL_EXPRESS_OPERATOR,
    /** 区建设和管理委员会: roads, bridges, street lighting, road furniture, transport facilities, flood defences. */
    DISTRICT_CONSTRUCTION_COMMISSION,
    /** 区绿化市容局 as asset holder: public green space, trees, landscape lighting, refuse transfer stations. */
    DISTRICT_GREENING_BUREAU,
    /** 区民防办: civil air-defence works and emergency shelters. */
    DISTRICT_CIVIL_DEFENCE_OFFICE,
    /** 区规划资源局: survey markers and city sculptures. */
    DISTRICT_PLANNING_RESOURCES_BUREAU,
    /** 区民政局: elderly care, social assistance, children in difficulty, help for homeless people. */
    DISTRICT_CIVIL_AFFAIRS_BUREAU,
    /** 区人力资源和社会保障局: employment assistance. */
    DISTRICT_HUMAN_RESOURCES_BUREAU,
    /** 区医疗保障局: long-term care insurance. */
    DISTRICT_HEALTHCARE_SECURITY_BUREAU
}
