package cn.changning.governance.assessment.api;

import cn.changning.governance.common.security.Actor;
import cn.changning.governance.common.web.NotFoundException;
import cn.changning.governance.reference.agencies.Agency;
import cn.changning.governance.reference.agencies.AgencyDirectory;
import cn.changning.governance.reference.geography.Geography;

/**
 * Whose indicators a caller may read: the district centre all; a street centre its street and the agencies stationed
 * in it; an agency itself only; a department the agencies it stations. Anything else is answered as an unknown
 * subject (404), so that a caller cannot learn which subjects exist beyond its own.
 */
public final class IndicatorAccess {

    private final AgencyDirectory agencies;
    private final Geography geography;

    public IndicatorAccess(AgencyDirectory agencies, Geography geography) {
        this.agencies = agencies;
        this.geography = geography;
    }

    /** The agency, if it exists and the caller may see it; else 404. */
    public Agency agency(Actor actor, String agencyId) {
        Agency agency = agencies.find(agencyId).orElseThrow(() -> new NotFoundException("agency", agencyId));
        boolean sees = switch (actor.kind()) {
            case DISTRICT_CENTRE -> true;
            case STREET_CENTRE -> actor.street().equals(agency.streetCode());
            case AGENCY -> actor.agency().equals(agency.id());
            case DEPARTMENT -> actor.department() != null && actor.department().equals(agency.parentDepartment());
            default -> false;
        };
        if (!sees) {
            throw new NotFoundException("agency", agencyId);
        }
        return agency;
    }

    /** The street's code, if it exists and the caller may see it; else 404. */
    public String street(Actor actor, String streetCode) {
        if (geography.subdistrict(streetCode).isEmpty()) {
            throw new NotFoundException("street", streetCode);
        }
        boolean sees = switch (actor.kind()) {
            case DISTRICT_CENTRE -> true;
            case STREET_CENTRE -> actor.street().equals(streetCode);
            default -> false;
        };
        if (!sees) {
            throw new NotFoundException("street", streetCode);
        }
        return streetCode;
    }
}
