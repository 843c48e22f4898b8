package cn.changning.governance.assessment.api;

import cn.changning.governance.common.security.Actor;
import cn.changning.governance.common.web.NotFoundException;
import cn.changning.governance.reference.agencies.Agency;
import cn.changning.governance.reference.agencies.AgencyDirectory;
import cn.changning.governance.reference.agencies.AgencyType;

/**
 * What a caller may see of the ratings: the district centre everything; a street centre its street's agencies and its
 * own street's sheet; an agency itself; a department its own agencies (no street team, no street sheet); anyone else
 * nothing. What it may not see answers 404, as an unknown one does, and lists hold only what it sees.
 */
final class RatingAccess {

    private final AgencyDirectory agencies;

    RatingAccess(AgencyDirectory agencies) {
        this.agencies = agencies;
    }

    boolean seesAgency(Actor actor, String agencyId) {
        Agency agency = agencies.find(agencyId).orElse(null);
        if (agency == null || agency.type() instanceof cn.changning.governance.reference.agencies.DistrictUnitType) {
            return false;
        }
        return switch (actor.kind()) {
            case DISTRICT_CENTRE -> true;
            case STREET_CENTRE -> agency.streetCode().equals(actor.street());
            case AGENCY -> agency.id().equals(actor.agency());
            case DEPARTMENT -> agency.type() != AgencyType.STREET_TEAM && agency.parentDepartment().equals(actor.department());
            case PARTNER, REGISTRY -> false;
        };
    }

    Agency requireAgency(Actor actor, String agencyId) {
        if (!seesAgency(actor, agencyId)) {
            throw new NotFoundException("agency", agencyId);
        }
        return agencies.find(agencyId).orElseThrow();
    }

    boolean seesStreet(Actor actor, String streetCode) {
        if (!agencies.knowsStreet(streetCode)) {
            return false;
        }
        return switch (actor.kind()) {
            case DISTRICT_CENTRE -> true;
            case STREET_CENTRE -> streetCode.equals(actor.street());
            case AGENCY, DEPARTMENT, PARTNER, REGISTRY -> false;
        };
    }

    void requireStreet(Actor actor, String streetCode) {
        if (!seesStreet(actor, streetCode)) {
            throw new NotFoundException("street", streetCode);
        }
    }
}
