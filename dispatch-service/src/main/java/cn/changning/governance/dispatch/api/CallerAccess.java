package cn.changning.governance.dispatch.api;

import cn.changning.governance.common.security.Actor;
import cn.changning.governance.common.web.NotFoundException;
import cn.changning.governance.dispatch.projection.Visibility;
import cn.changning.governance.reference.agencies.Agency;
import cn.changning.governance.reference.agencies.AgencyDirectory;

/**
 * What a caller of the dispatch API may see (issue 11: a street's client sees only its street's cases and orders;
 * what it may not see answers 404, its existence is not revealed, and lists are filtered):
 * <ul>
 *   <li>{@code STREET_CENTRE}: the orders of its street; the queue and figures of its street's agencies and team, and
 *   of a district unit that serves its street (then of its street's orders only); its street's board.</li>
 *   <li>{@code AGENCY}: the orders it has or had a part in (lead or assistant, also one it returned and the street
 *   gave to another); its own queue and figures; its street's board.</li>
 *   <li>{@code DISTRICT_CENTRE}, {@code DEPARTMENT}: everything.</li>
 *   <li>Any other kind: nothing (none of them holds {@code dispatch:read} today).</li>
 * </ul>
 */
final class CallerAccess {

    private final AgencyDirectory agencies;

    CallerAccess(AgencyDirectory agencies) {
        this.agencies = agencies;
    }

    /** The orders the caller may see. */
    static Visibility visibility(Actor actor) {
        return switch (actor.kind()) {
            case STREET_CENTRE -> Visibility.ofStreet(actor.street());
            case AGENCY -> Visibility.ofAgency(actor.agency());
            case DISTRICT_CENTRE, DEPARTMENT -> Visibility.everything();
            case PARTNER, REGISTRY -> Visibility.nothing();
        };
    }

    /** The street's board, or 404 as for an unknown street. */
    void requireStreet(Actor actor, String streetCode) {
        boolean sees = switch (actor.kind()) {
            case STREET_CENTRE, AGENCY -> actor.street().equals(streetCode);
            case DISTRICT_CENTRE, DEPARTMENT -> true;
            case PARTNER, REGISTRY -> false;
        };
        if (!sees || !agencies.knowsStreet(streetCode)) {
            throw new NotFoundException("street", streetCode);
        }
    }

    /** The agency's queue and figures, or 404 as for an unknown agency. */
    Agency requireAgency(Actor actor, String agencyId) {
        Agency agency = agencies.find(agencyId).orElse(null);
        boolean sees = agency != null && (switch (actor.kind()) {
            case STREET_CENTRE -> agency.streetCode().equals(actor.street()) || servesStreet(agency, actor.street());
            case AGENCY -> agency.id().equals(actor.agency());
            case DISTRICT_CENTRE, DEPARTMENT -> true;
            case PARTNER, REGISTRY -> false;
        });
        if (!sees) {
            throw new NotFoundException("agency", agencyId);
        }
        return agency;
    }

    /**
     * Who made a street or district decision (arbitration, extension): the caller's client id; the body's field may
     * leave it out, and if it names someone else the decision is refused (403 {@code actor-mismatch}).
     */
    static String decidedBy(Actor actor, String field, String named) {
        return actor.asActor(field, named);
    }

    private boolean servesStreet(Agency agency, String streetCode) {
        return agencies.districtUnits().stream().anyMatch(u -> u.id().equals(agency.id()) && u.serves(streetCode));
    }
}
