package cn.changning.governance.common.security;

/** Who a caller is, as its token's {@code actor_kind} claim says (see the authorisation server's callers table). */
public enum ActorKind {
    /** A partner system (the 12345 hotline, the city's platform): reports cases, reads those it reported. */
    PARTNER,
    /** A street's grid-management centre: acts on its own street's cases and orders. */
    STREET_CENTRE,
    /** A stationed agency: acts on its own parts of dispatch orders. */
    AGENCY,
    /** The district centre: escalations, district decisions, reads everything. */
    DISTRICT_CENTRE,
    /** A district department: rates its stationed agencies. */
    DEPARTMENT,
    /** The party registry's staff. */
    REGISTRY
}
