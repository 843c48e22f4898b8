package cn.changning.governance.assessment.domain.period;

import cn.changning.governance.common.domain.DomainRuleViolation;
import cn.changning.governance.contracts.assessment.AssessmentPeriodConfirmed;
import cn.changning.governance.contracts.assessment.AssessmentPeriodOpened;
import cn.changning.governance.contracts.assessment.AssessmentPeriodScored;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An assessment period (its id is the period's: {@code 2026}, {@code 2026-Q3}): opened under its schemes, scored
 * (again as often as needed) until the district confirms it. Confirmation needs the period scored and nothing missing;
 * after it, results change only by corrections on the agencies' and streets' own assessments, never here.
 * Command handlers return the version after the command (the new ETag).
 */
public class AssessmentPeriod {

    @AggregateIdentifier
    private String periodId;
    private boolean scored;
    private boolean confirmed;

    protected AssessmentPeriod() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    public AssessmentPeriod(OpenAssessmentPeriod command) {
        ReportingPeriod period;
        try {
            period = ReportingPeriod.parse(command.periodId());
        } catch (IllegalArgumentException e) {
            throw DomainRuleViolation.invalid("invalid-period", "period", e.getMessage());
        }
        requireText(command.agencySchemeId(), "agencySchemeId");
        requireText(command.openedBy(), "openedBy");
        boolean year = period.kind() == PeriodKind.YEAR;
        if (year) {
            requireText(command.streetSchemeId(), "streetSchemeId");
        } else if (command.streetSchemeId() != null) {
            throw DomainRuleViolation.invalid("street-scheme-only-for-a-year", "streetSchemeId",
                    "Streets are assessed per year: a " + period.kind() + " period takes no street scheme");
        }
        apply(new AssessmentPeriodOpened(period.id(), period.kind().name(), command.agencySchemeId(),
                year ? command.streetSchemeId() : null, command.openedBy(), command.openedAt()));
    }

    @CommandHandler
    public long handle(MarkAssessmentPeriodScored command) {
        requireOpen("score");
        if (!command.unscored().isEmpty()) {
            throw DomainRuleViolation.conflict("period-not-fully-scored",
                    "Period " + periodId + " is scored only once every agency and street is; not scored: "
                            + String.join("; ", command.unscored()));
        }
        apply(new AssessmentPeriodScored(periodId, command.agenciesScored(), command.streetsScored(), command.scoredBy(),
                command.scoredAt()));
        return version();
    }

    @CommandHandler
    public long handle(ConfirmAssessmentPeriod command) {
        requireOpen("confirm");
        if (!scored) {
            throw DomainRuleViolation.conflict("period-not-scored", "Period " + periodId + " has not been scored yet");
        }
        if (!command.missing().isEmpty()) {
            throw DomainRuleViolation.conflict("period-incomplete",
                    "Period " + periodId + " cannot be confirmed yet; missing: " + String.join("; ", command.missing()));
        }
        apply(new AssessmentPeriodConfirmed(periodId, command.confirmedBy(), command.confirmedAt()));
        return version();
    }

    @EventSourcingHandler
    void on(AssessmentPeriodOpened event) {
        periodId = event.periodId();
    }

    @EventSourcingHandler
    void on(AssessmentPeriodScored event) {
        scored = true;
    }

    @EventSourcingHandler
    void on(AssessmentPeriodConfirmed event) {
        confirmed = true;
    }

    private void requireOpen(String action) {
        if (confirmed) {
            throw DomainRuleViolation.conflict("period-confirmed", "Period " + periodId + " is confirmed: cannot " + action
                    + " it again; its results change only by corrections with a reason");
        }
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw DomainRuleViolation.invalid(field + "-missing", field, field + " is required");
        }
    }

    private static long version() {
        Long version = AggregateLifecycle.getVersion();
        return version == null ? 0 : version;
    }
}
