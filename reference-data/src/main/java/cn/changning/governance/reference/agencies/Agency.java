package cn.changning.governance.reference.agencies;

/**
 * A stationed agency (派出机构) or a street's own team. Stationed agencies answer both to their parent
 * department and to the street they are stationed in (dual management). The parent department is flat here, as
 * the agencies API has always served it; {@link AgencyDirectory#department(String)} gives the department itself.
 */
public record Agency(String id, AgencyType type, String name, String nameZh, String streetCode,
                     String parentDepartment, String parentDepartmentName, String parentDepartmentNameZh) {
}
