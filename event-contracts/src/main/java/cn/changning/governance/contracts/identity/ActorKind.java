package cn.changning.governance.contracts.identity;

import java.util.List;

/**
 * Who a caller is, carried in every token as the {@code actor_kind} claim; each kind carries exactly its place
 * claims (see {@link Claims}), so a resource server can trust that, say, an {@code AGENCY} token names its agency,
 * street and department.
 */
public enum ActorKind {
    /** A partner system (the 12345 hotline, the city's platform): {@code partner} = its client id. */
    PARTNER(List.of(Claims.PARTNER)),
    /** A street's (or the town's) grid-management centre: {@code street} = the street code. */
    STREET_CENTRE(List.of(Claims.STREET)),
    /** An agency stationed in a street: {@code agency}, its {@code street} and its parent {@code department}. */
    AGENCY(List.of(Claims.AGENCY, Claims.STREET, Claims.DEPARTMENT)),
    /** The district's grid-management centre: no place claim. */
    DISTRICT_CENTRE(List.of()),
    /** A district department that stations agencies: {@code department} = its code. */
    DEPARTMENT(List.of(Claims.DEPARTMENT)),
    /** The party-building registry's staff: no place claim. */
    REGISTRY(List.of());

    private final List<String> placeClaims;

    ActorKind(List<String> placeClaims) {
        this.placeClaims = placeClaims;
    }

    /** The place claims a token of this kind carries, all of them and no others, in this order. */
    public List<String> placeClaims() {
        return placeClaims;
    }
}
