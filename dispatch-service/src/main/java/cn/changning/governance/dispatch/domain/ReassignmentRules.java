package cn.changning.governance.dispatch.domain;

import cn.changning.governance.common.domain.DomainRuleViolation;
import cn.changning.governance.contracts.dispatch.AgencyRole;
import cn.changning.governance.reference.agencies.Agency;
import cn.changning.governance.reference.agencies.AgencyDirectory;
import cn.changning.governance.reference.agencies.AgencyType;

/**
 * Whether an agency may take over a returned part, from the agency directory and the order's own routing, so the
 * check never depends on what a read model has seen. The agency must exist and be stationed in the order's street,
 * and be of a kind that can take the part under the item's handling type: a type A item is the street's own team's
 * alone, and the lead of a type C or D item is a department's agency (the street team assists there, never leads).
 */
final class ReassignmentRules {

    private ReassignmentRules() {
    }

    static void check(AgencyDirectory agencies, String toAgencyId, String streetCode, String handlingType, AgencyRole role) {
        Agency to = agencies.find(toAgencyId).orElseThrow(() ->
                DomainRuleViolation.invalid("unknown-agency", "toAgencyId", "No agency " + toAgencyId));
        // Every agency in the directory is stationed in one street; units that serve several streets (the owners of
        // components) would need the directory to say which streets they serve.
        if (!to.streetCode().equals(streetCode)) {
            throw DomainRuleViolation.invalid("agency-of-another-street", "toAgencyId",
                    toAgencyId + " is not stationed in street " + streetCode);
        }
        if ("A".equals(handlingType)) {
            throw DomainRuleViolation.invalid("agency-kind-cannot-take-part", "toAgencyId",
                    "A type A item is handled by the street's own team alone; uphold the dispatch (reissue) instead");
        }
        boolean departmentLeads = "C".equals(handlingType) || "D".equals(handlingType);
        if (role == AgencyRole.LEAD && departmentLeads && to.type() == AgencyType.STREET_TEAM) {
            throw DomainRuleViolation.invalid("agency-kind-cannot-take-part", "toAgencyId",
                    "A department's agency leads a type " + handlingType + " item; the street team can only assist");
        }
    }
}
