package cn.changning.governance.partyregistry.api;

import cn.changning.governance.common.domain.DomainRuleViolation;
import cn.changning.governance.partyregistry.projection.policing.PolicingQueries;
import cn.changning.governance.partyregistry.projection.policing.PolicingViews;

/** What the policing controllers share about officers: the read-model lookup and the name's field. */
final class OfficerAnswers {

    static final String OFFICER_NAME = "officer.name";

    private final PolicingQueries queries;
    private final SealedNames names;

    OfficerAnswers(PolicingQueries queries, SealedNames names) {
        this.queries = queries;
        this.names = names;
    }

    /** The registered officer, or 422 unknown-officer (an action names it; a GET answers 404 itself). */
    PolicingViews.Officer requireRegistered(String officerId) {
        return queries.officer(officerId).orElseThrow(() -> DomainRuleViolation.invalid("unknown-officer", "officerId",
                "No community police officer " + officerId + " is registered"));
    }

    SealedNames names() {
        return names;
    }
}
