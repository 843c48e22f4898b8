package cn.changning.governance.assessment.api;

import cn.changning.governance.common.security.Actor;
import cn.changning.governance.common.web.NotFoundException;
import cn.changning.governance.reference.agencies.Agency;
import cn.changning.governance.reference.agencies.AgencyDirectory;

/**
 * Who may see which resident evaluation ({@code assessment:read}); what a caller may not see answers 404, as for an
 * unknown street or agency, so its existence is not revealed:
 * <ul>
 *   <li>a street centre: its street (coverage, satisfaction, responses, feedback) and its street's agencies;</li>
 *   <li>an agency: itself only;</li>
 *   <li>a department: its own stationed agencies (no street);</li>
 *   <li>the district centre: every street and agency;</li>
 *   <li>anyone else: nothing.</li>
 * </ul>
 * Importing a street's survey is its own street centre's act ({@code assessment:street}); any other caller gets 404.
 */
final class EvaluationAccess {

    private final AgencyDirectory agencies;

    EvaluationAccess(AgencyDirectory agencies) {
        this.agencies = agencies;
    }

    boolean seesStreet(Actor actor, String streetCode) {
        return switch (actor.kind()) {
            case STREET_CENTRE -> actor.street().equals(streetCode);
            case DISTRICT_CENTRE -> true;
            case AGENCY, DEPARTMENT, PARTNER, REGISTRY -> false;
        };
    }

    void requireStreet(Actor actor, String streetCode) {
        if (!agencies.knowsStreet(streetCode) || !seesStreet(actor, streetCode)) {
            throw new NotFoundException("street", streetCode);
        }
    }

    /** The street's survey may be imported only by the street's own centre. */
    void requireOwnStreet(Actor actor, String streetCode) {
        if (!agencies.knowsStreet(streetCode) || actor.kind() != cn.changning.governance.contracts.identity.ActorKind.STREET_CENTRE
                || !actor.street().equals(streetCode)) {
            throw new NotFoundException("street", streetCode);
        }
    }

    Agency requireAgency(Actor actor, String agencyId) {
        Agency agency = agencies.find(agencyId).orElse(null);
        boolean sees = agency != null && switch (actor.kind()) {
            case STREET_CENTRE -> agency.streetCode().equals(actor.street());
            case AGENCY -> agency.id().equals(actor.agency());
            case DEPARTMENT -> actor.department() != null && actor.department().equals(agency.parentDepartment());
            case DISTRICT_CENTRE -> true;
            case PARTNER, REGISTRY -> false;
        };
        if (!sees) {
            throw new NotFoundException("agency", agencyId);
        }
        return agency;
    }
}
