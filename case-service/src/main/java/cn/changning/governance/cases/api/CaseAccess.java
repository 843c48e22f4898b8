package cn.changning.governance.cases.api;

import cn.changning.governance.cases.projection.CaseHistory;
import cn.changning.governance.cases.projection.CaseQueries;
import cn.changning.governance.cases.projection.CaseView;
import cn.changning.governance.common.security.Actor;
import cn.changning.governance.common.web.NotFoundException;
import org.springframework.security.access.AccessDeniedException;

import java.time.Clock;
import java.util.Optional;

/**
 * Which cases a caller sees: a partner those it reported, a street centre its own street's (a report is placed in
 * the street its position lies in until filing assigns the grid; one in no street is any centre's to reject), the
 * district centre and the departments every case. A case the caller may not see answers 404, as one that does not exist: its existence is not revealed.
 */
final class CaseAccess {

    private final CaseQueries queries;
    private final CaseHistory history;
    private final Clock clock;

    CaseAccess(CaseQueries queries, CaseHistory history, Clock clock) {
        this.queries = queries;
        this.history = history;
        this.clock = clock;
    }

    /** The case as the caller may see it; 404 if it does not exist or is not the caller's to see. */
    CaseView visible(Actor actor, String caseId) {
        return find(caseId).filter(view -> sees(actor, view)).orElseThrow(() -> new NotFoundException("case", caseId));
    }

    /** Whether the case exists but is not the caller's to see (a case unknown yet is not hidden, only unknown). */
    boolean hiddenFrom(Actor actor, String caseId) {
        return find(caseId).map(view -> !sees(actor, view)).orElse(false);
    }

    static boolean sees(Actor actor, CaseView view) {
        return switch (actor.kind()) {
            case PARTNER -> actor.clientId().equals(view.reportedBy());
            // A report that lies in no street is nobody's yet: any street centre may look at it and reject it.
            case STREET_CENTRE -> view.streetCode() == null || actor.street().equals(view.streetCode());
            case DISTRICT_CENTRE, DEPARTMENT -> true;
            case AGENCY, REGISTRY -> false;
        };
    }

    /**
     * A list's filter narrowed to what the caller sees; empty when the caller asked for another street's cases (or
     * may see no case at all).
     */
    static Optional<CaseQueries.Filter> narrowed(Actor actor, CaseQueries.Filter f) {
        return switch (actor.kind()) {
            case PARTNER -> Optional.of(new CaseQueries.Filter(f.step(), f.streetCode(), f.gridCode(), f.residentialAreaCode(),
                    f.itemCode(), f.itemClass(), f.source(), f.overdue(), f.suspended(), f.reportedFrom(), f.reportedTo(),
                    f.text(), actor.clientId(), f.open()));
            case STREET_CENTRE -> f.streetCode() != null && !f.streetCode().equals(actor.street()) ? Optional.empty()
                    : Optional.of(new CaseQueries.Filter(f.step(), actor.street(), f.gridCode(), f.residentialAreaCode(),
                    f.itemCode(), f.itemClass(), f.source(), f.overdue(), f.suspended(), f.reportedFrom(), f.reportedTo(),
                    f.text(), f.reportedBy(), f.open()));
            case DISTRICT_CENTRE, DEPARTMENT -> Optional.of(f);
            case AGENCY, REGISTRY -> Optional.empty();
        };
    }

    /** The street whose counts a caller may read: its own for a street centre; partners read cases, not counts. */
    static String statsStreet(Actor actor, String asked) {
        return switch (actor.kind()) {
            case STREET_CENTRE -> {
                if (asked != null && !asked.equals(actor.street())) {
                    throw new NotFoundException("street", asked);
                }
                yield actor.street();
            }
            case DISTRICT_CENTRE, DEPARTMENT -> asked;
            case PARTNER, AGENCY, REGISTRY -> throw new AccessDeniedException("counts are for the street and district centres");
        };
    }

    /** The read model's case, or, if it has not seen the case yet, the case folded from its events. */
    private Optional<CaseView> find(String caseId) {
        return queries.findCase(caseId, clock.instant()).or(() -> history.asOf(caseId, clock.instant()));
    }
}
