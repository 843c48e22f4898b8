package cn.changning.governance.reference.agencies;

/**
 * A stationed agency (派出机构), a street's own team, or a {@link DistrictUnit} seen as a party of a dispatch order.
 * Stationed agencies answer both to their parent department and to the street they are stationed in (dual
 * management). The parent department is flat here, as the agencies API has always served it;
 * {@link AgencyDirectory#department(String)} gives the department itself. A district unit's street code is the
 * district's, and a utility has no parent department.
 */
public record Agency(String id, PartyType type, String name, String nameZh, String streetCode,
                     String parentDepartment, String parentDepartmentName, String parentDepartmentNameZh) {
}
