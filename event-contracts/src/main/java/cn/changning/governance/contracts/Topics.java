package cn.changning.governance.contracts;

/** The event topics: one per bounded context, kept forever, keyed by aggregate id. */
public final class Topics {

    public static final String CASE_EVENTS = "governance.case.events";
    public static final String DISPATCH_EVENTS = "governance.dispatch.events";
    public static final String ASSESSMENT_EVENTS = "governance.assessment.events";
    public static final String PARTY_REGISTRY_EVENTS = "governance.party-registry.events";

    public static final java.util.List<String> ALL =
            java.util.List.of(CASE_EVENTS, DISPATCH_EVENTS, ASSESSMENT_EVENTS, PARTY_REGISTRY_EVENTS);

    private Topics() {
    }
}
