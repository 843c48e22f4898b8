package cn.changning.governance.common.security;

import cn.changning.governance.contracts.identity.ActorKind;
import cn.changning.governance.contracts.identity.Claims;
import cn.changning.governance.common.web.ActorMismatchException;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.Objects;

/**
 * The caller of a request, as its verified token says: the client, what kind of caller it is and the place it is
 * bound to. Commands take their actor from here, never from the request body.
 *
 * @param clientId   the token's {@code client_id} (else its subject), e.g. {@code street-310105001}: what is
 *                   recorded as having acted
 * @param street     the street or town a street centre or an agency belongs to; null for others
 * @param agency     an agency's id, e.g. {@code 310105001-squad}; null for others
 * @param department a department's code, or an agency's parent department; null for others
 */
public record Actor(String clientId, ActorKind kind, String street, String agency, String department) {

    public Actor {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(kind, "kind");
        if ((kind == ActorKind.STREET_CENTRE || kind == ActorKind.AGENCY) && street == null) {
            throw new IllegalArgumentException(kind + " " + clientId + " has no street claim");
        }
        if (kind == ActorKind.AGENCY && agency == null) {
            throw new IllegalArgumentException("agency " + clientId + " has no agency claim");
        }
    }

    /** The actor of a verified token; a token without a known {@code actor_kind} is not one of ours. */
    public static Actor from(Jwt jwt) {
        String kind = jwt.getClaimAsString(Claims.ACTOR_KIND);
        if (kind == null) {
            throw new IllegalArgumentException("the token has no " + Claims.ACTOR_KIND + " claim");
        }
        String clientId = jwt.hasClaim(Claims.CLIENT_ID) ? jwt.getClaimAsString(Claims.CLIENT_ID) : jwt.getSubject();
        return new Actor(clientId, ActorKind.valueOf(kind), jwt.getClaimAsString(Claims.STREET),
                jwt.getClaimAsString(Claims.AGENCY), jwt.getClaimAsString(Claims.DEPARTMENT));
    }

    /**
     * The caller as the actor of an action: a body field that names someone else is refused, one that names the
     * caller (or none) is the caller.
     *
     * @param field the body's field, for the problem
     * @param named what the body says, or null
     */
    public String asActor(String field, String named) {
        if (named != null && !named.isBlank() && !named.equals(clientId)) {
            throw new ActorMismatchException(field, named, clientId);
        }
        return clientId;
    }

    /** As {@link #asActor}, for a field that names an agency: only the agency itself may act as it. */
    public String asAgency(String field, String named) {
        if (kind != ActorKind.AGENCY) {
            throw new ActorMismatchException(field, named == null ? "an agency" : named, clientId);
        }
        if (named != null && !named.isBlank() && !named.equals(agency)) {
            throw new ActorMismatchException(field, named, agency);
        }
        return agency;
    }

    /** Whether the caller may see what belongs to a street: a street centre or agency only its own; others any. */
    public boolean seesStreet(String streetCode) {
        return street == null || street.equals(streetCode);
    }

    /** The one street a caller's lists are limited to, or null when it sees every street. */
    public String streetFilter() {
        return street;
    }
}
