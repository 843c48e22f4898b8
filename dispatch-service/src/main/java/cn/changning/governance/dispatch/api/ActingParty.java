package cn.changning.governance.dispatch.api;

import cn.changning.governance.common.security.Actor;
import cn.changning.governance.common.web.ActorMismatchException;
import cn.changning.governance.reference.agencies.Agency;
import cn.changning.governance.reference.agencies.AgencyDirectory;
import cn.changning.governance.reference.agencies.AgencyType;
import cn.changning.governance.reference.agencies.DistrictUnitType;

/**
 * The party an agency action (accept, return, report, confirm, ask for more time) is recorded for, from the caller's
 * token: the body's {@code agencyId} only confirms it, it never chooses someone else.
 * <ul>
 *   <li>An {@code AGENCY} caller acts as its own agency; the body may leave {@code agencyId} out, and if it names
 *   another agency the action is refused.</li>
 *   <li>A street's own team has no client: its street's centre ({@code STREET_CENTRE} of the same street) acts for it.
 *   The body names the team, or leaves {@code agencyId} out (the centre can speak for no one else).</li>
 *   <li>The district units (utilities, district bodies) have no client either: for now the {@code DISTRICT_CENTRE}
 *   acts for them, and the body must name the unit.</li>
 *   <li>Anyone else, or a body naming a party the caller does not speak for: 403 {@code actor-mismatch} naming
 *   {@code agencyId}.</li>
 * </ul>
 */
final class ActingParty {

    static final String FIELD = "agencyId";

    private final AgencyDirectory agencies;

    ActingParty(AgencyDirectory agencies) {
        this.agencies = agencies;
    }

    /**
     * @param actor the caller
     * @param named the body's {@code agencyId}, or null
     * @return the agency the action is recorded for
     */
    String of(Actor actor, String named) {
        String given = named == null || named.isBlank() ? null : named;
        return switch (actor.kind()) {
            case AGENCY -> actor.asAgency(FIELD, given);
            case STREET_CENTRE -> {
                String team = agencies.inStreet(actor.street(), AgencyType.STREET_TEAM).map(Agency::id)
                        .orElseThrow(() -> refused(actor, given));
                if (given != null && !given.equals(team)) {
                    throw refused(actor, given);
                }
                yield team;
            }
            case DISTRICT_CENTRE -> {
                boolean unit = given != null && agencies.find(given).map(a -> a.type() instanceof DistrictUnitType).orElse(false);
                if (!unit) {
                    throw refused(actor, given);
                }
                yield given;
            }
            default -> throw refused(actor, given);
        };
    }

    private static ActorMismatchException refused(Actor actor, String named) {
        return new ActorMismatchException(FIELD, named == null ? "no agency it speaks for" : named, actor.clientId());
    }
}
