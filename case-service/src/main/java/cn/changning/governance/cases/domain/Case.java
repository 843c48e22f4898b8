package cn.changning.governance.cases.domain;

import cn.changning.governance.common.domain.DomainRuleViolation;
import cn.changning.governance.contracts.cases.CaseReported;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A problem on the street and its way through the closed loop. Holds the rules only:
 * which step may follow which, and what each step needs.
 */
public class Case {

    static final int MAX_DESCRIPTION = 4000;

    @AggregateIdentifier
    private String caseId;
    private CaseStep step;

    protected Case() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    public Case(ReportCase command) {
        if (command.description() == null || command.description().isBlank()) {
            throw DomainRuleViolation.invalid("description-missing", "description", "A report needs a description of the problem");
        }
        if (command.description().length() > MAX_DESCRIPTION) {
            throw DomainRuleViolation.invalid("description-too-long", "description",
                    "The description may have at most " + MAX_DESCRIPTION + " characters");
        }
        apply(new CaseReported(command.caseId(), command.itemCode(), command.location(), command.description(),
                command.source(), command.reporter(), command.reportedAt()));
    }

    @EventSourcingHandler
    void on(CaseReported event) {
        caseId = event.caseId();
        step = CaseStep.REPORTED;
    }

    CaseStep step() {
        return step;
    }
}
