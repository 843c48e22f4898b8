package cn.changning.governance.assessment.domain.rating;

import cn.changning.governance.assessment.domain.rating.AgencyRatingCommands.ConfirmStreetRating;
import cn.changning.governance.assessment.domain.rating.AgencyRatingCommands.CorrectAgencyRating;
import cn.changning.governance.assessment.domain.rating.AgencyRatingCommands.OpenAgencyAssessment;
import cn.changning.governance.assessment.domain.rating.AgencyRatingCommands.ProposeAgencyRating;
import cn.changning.governance.assessment.domain.rating.AgencyRatingCommands.RateAgencyByDepartment;
import cn.changning.governance.assessment.domain.period.PeriodKind;
import cn.changning.governance.assessment.domain.period.ReportingPeriod;
import cn.changning.governance.common.domain.DomainRuleViolation;
import cn.changning.governance.contracts.assessment.AgencyAssessmentOpened;
import cn.changning.governance.contracts.assessment.AgencyGrade;
import cn.changning.governance.contracts.assessment.AgencyHeadAwardEligibilityDetermined;
import cn.changning.governance.contracts.assessment.AgencyRatedByDepartment;
import cn.changning.governance.contracts.assessment.AgencyRatedByStreet;
import cn.changning.governance.contracts.assessment.AgencyRatingCorrected;
import cn.changning.governance.contracts.assessment.AgencyRatingProposed;
import cn.changning.governance.contracts.assessment.AgencyScoringInputs;
import cn.changning.governance.contracts.assessment.PublishedScoreCard;
import cn.changning.governance.contracts.assessment.RatingSide;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;

import java.time.Instant;
import java.util.regex.Pattern;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One agency's dual assessment for one period (id: {@link #idOf}). Scoring proposes the street's rating; the street
 * centre of the agency's street confirms it (the proposed grade, or another with a reason); the agency's parent
 * department rates it under THE VETO RULE (EXCELLENT only where the street rated EXCELLENT); a street team has no
 * department rating. After the street confirmed, grades change only by {@link CorrectAgencyRating} (reason, author).
 * <p>
 * For a YEAR, once the department named the agency's head, the head's award eligibility is a fact of this aggregate
 * ({@link AwardEligibility}), determined again whenever a grade changes it. A correction that takes the street's
 * EXCELLENT away from under a department EXCELLENT brings the veto back: the department's grade falls to GOOD (the
 * highest the veto then allows, a correction marked {@code vetoed}) and the head becomes ineligible.
 */
public class AgencyAssessment {

    /** An opaque staff id: letters, digits and dashes, never a name. */
    public static final Pattern STAFF_ID = Pattern.compile("^[A-Za-z0-9-]{3,40}$");
    static final int MAX_REASON = 1000;

    @AggregateIdentifier
    private String assessmentId;
    private String periodId;
    private boolean yearly;
    private String agencyId;
    private String streetCode;
    private String parentDepartment;
    private AgencyScoringInputs inputs;
    private PublishedScoreCard card;
    private AgencyGrade streetGrade;
    private AgencyGrade departmentGrade;
    private String headStaffId;
    private Boolean eligible;
    private String eligibilityReason;

    protected AgencyAssessment() {
        // for Axon: rebuilt from its events
    }

    /** The assessment of an agency in a period, e.g. {@code 2026-Q3:310105001-squad}. */
    public static String idOf(String periodId, String agencyId) {
        return periodId + ":" + agencyId;
    }

    @CommandHandler
    public AgencyAssessment(OpenAgencyAssessment command) {
        apply(new AgencyAssessmentOpened(command.assessmentId(), command.periodId(), command.agencyId(), command.streetCode(),
                command.agencyType(), command.parentDepartment(), command.openedBy(), command.openedAt()));
    }

    @CommandHandler
    public long handle(ProposeAgencyRating command) {
        if (command.card() == null || command.card().grade() == null) {
            throw DomainRuleViolation.invalid("card-without-grade", "card", "An agency's score card needs a grade");
        }
        AgencyScoringInputs newInputs = PublishedScores.inputs(command.inputs());
        PublishedScoreCard newCard = PublishedScores.card(command.card());
        if (newInputs.equals(inputs) && newCard.equals(card)) {
            return version(); // scored again from the same facts: nothing changed
        }
        if (streetGrade != null) {
            throw DomainRuleViolation.conflict("street-rating-confirmed", "The street confirmed the rating of " + agencyId
                    + " in " + periodId + "; it changes now only by a correction with a reason");
        }
        apply(new AgencyRatingProposed(assessmentId, periodId, agencyId, newInputs, newCard, command.proposedBy(),
                command.proposedAt()));
        return version();
    }

    @CommandHandler
    public long handle(ConfirmStreetRating command) {
        if (!streetCode.equals(command.streetCode())) {
            throw DomainRuleViolation.invalid("not-the-agency-street", "streetCode",
                    "Only the street centre of " + streetCode + " rates " + agencyId);
        }
        if (card == null) {
            throw DomainRuleViolation.conflict("rating-not-proposed", "Scoring has not proposed a rating of " + agencyId
                    + " in " + periodId + " yet");
        }
        if (streetGrade != null) {
            throw DomainRuleViolation.conflict("street-rating-confirmed", "The street already confirmed the rating of "
                    + agencyId + " in " + periodId + "; it changes now only by a correction with a reason");
        }
        AgencyGrade grade = command.grade() == null ? card.grade() : PublishedScores.grade(command.grade());
        String reason = reason(command.reason());
        if (grade != card.grade() && reason == null) {
            throw DomainRuleViolation.invalid("reason-required", "reason", "The street rates " + agencyId + " " + grade
                    + " instead of the proposed " + card.grade() + ": that needs a reason");
        }
        apply(new AgencyRatedByStreet(assessmentId, periodId, agencyId, streetCode, grade, card.grade(), reason,
                command.ratedBy(), command.ratedAt()));
        determineEligibility(command.ratedAt());
        return version();
    }

    @CommandHandler
    public long handle(RateAgencyByDepartment command) {
        if (parentDepartment == null) {
            throw DomainRuleViolation.conflict("no-department-rating", agencyId
                    + " is a street team: the street rates it, no department does");
        }
        if (!parentDepartment.equals(command.departmentCode())) {
            throw DomainRuleViolation.invalid("not-the-parent-department", "departmentCode",
                    "Only " + agencyId + "'s parent department " + parentDepartment + " rates it");
        }
        if (command.grade() == null) {
            throw DomainRuleViolation.invalid("grade-missing", "grade", "A rating needs a grade");
        }
        if (command.headStaffId() == null || !STAFF_ID.matcher(command.headStaffId()).matches()) {
            throw DomainRuleViolation.invalid("invalid-head-staff-id", "headStaffId",
                    "The agency's head is named by an opaque staff id of 3-40 letters, digits or dashes (no names)");
        }
        if (departmentGrade != null) {
            throw DomainRuleViolation.conflict("department-rating-recorded", "The department already rated " + agencyId
                    + " in " + periodId + "; it changes now only by a correction with a reason");
        }
        AgencyGrade grade = PublishedScores.grade(command.grade());
        requireVetoAllows(grade);
        apply(new AgencyRatedByDepartment(assessmentId, periodId, agencyId, parentDepartment, grade, command.headStaffId(),
                command.ratedBy(), command.ratedAt()));
        determineEligibility(command.ratedAt());
        return version();
    }

    @CommandHandler
    public long handle(CorrectAgencyRating command) {
        String reason = reason(command.reason());
        if (reason == null) {
            throw DomainRuleViolation.invalid("reason-required", "reason", "A correction needs a reason");
        }
        if (command.side() == null || command.grade() == null) {
            throw DomainRuleViolation.invalid("side-and-grade-required", command.side() == null ? "side" : "grade",
                    "A correction names the rating (STREET or DEPARTMENT) and its new grade");
        }
        AgencyGrade grade = PublishedScores.grade(command.grade());
        AgencyGrade current = command.side() == RatingSide.STREET ? streetGrade : departmentGrade;
        if (current == null) {
            throw DomainRuleViolation.conflict("nothing-to-correct", "The " + command.side().name().toLowerCase()
                    + " has not rated " + agencyId + " in " + periodId + ": there is nothing to correct");
        }
        if (current == grade) {
            throw DomainRuleViolation.invalid("same-grade", "grade", "The rating is " + grade + " already");
        }
        if (command.side() == RatingSide.DEPARTMENT) {
            requireVetoAllows(grade);
        }
        apply(new AgencyRatingCorrected(assessmentId, periodId, agencyId, command.side(), current, grade, reason, false,
                command.correctedBy(), command.correctedAt()));
        if (command.side() == RatingSide.STREET && grade != AgencyGrade.EXCELLENT && departmentGrade == AgencyGrade.EXCELLENT) {
            apply(new AgencyRatingCorrected(assessmentId, periodId, agencyId, RatingSide.DEPARTMENT, AgencyGrade.EXCELLENT,
                    AgencyGrade.GOOD, "veto rule: the street's rating was corrected to " + grade + " (" + reason + ")",
                    true, command.correctedBy(), command.correctedAt()));
        }
        determineEligibility(command.correctedAt());
        return version();
    }

    /** THE VETO RULE: a department may not rate an agency EXCELLENT unless its street rated it EXCELLENT. */
    private void requireVetoAllows(AgencyGrade grade) {
        if (grade != AgencyGrade.EXCELLENT) {
            return;
        }
        if (streetGrade == null) {
            throw DomainRuleViolation.conflict("veto-street-not-rated", "Veto rule: " + agencyId
                    + " may be rated EXCELLENT by its department only once its street rated it EXCELLENT; the street has not rated it yet");
        }
        if (streetGrade != AgencyGrade.EXCELLENT) {
            throw DomainRuleViolation.conflict("veto-street-not-excellent", "Veto rule: " + agencyId
                    + " may be rated EXCELLENT by its department only if its street rated it EXCELLENT; the street rated it " + streetGrade);
        }
    }

    /** For a year, once the head is named: the eligibility the grades give now, emitted when it is new. */
    private void determineEligibility(Instant at) {
        if (!yearly || headStaffId == null || departmentGrade == null) {
            return;
        }
        AwardEligibility now = AwardEligibility.of(streetGrade, departmentGrade);
        if (eligible == null || eligible != now.eligible() || !now.reason().equals(eligibilityReason)) {
            apply(new AgencyHeadAwardEligibilityDetermined(assessmentId, periodId, agencyId, headStaffId, now.eligible(),
                    now.reason(), at));
        }
    }

    private static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            return null;
        }
        if (reason.length() > MAX_REASON) {
            throw DomainRuleViolation.invalid("reason-too-long", "reason", "A reason has at most " + MAX_REASON + " characters");
        }
        return reason.strip();
    }

    @EventSourcingHandler
    void on(AgencyAssessmentOpened event) {
        assessmentId = event.assessmentId();
        periodId = event.periodId();
        yearly = ReportingPeriod.parse(event.periodId()).kind() == PeriodKind.YEAR;
        agencyId = event.agencyId();
        streetCode = event.streetCode();
        parentDepartment = event.parentDepartment();
    }

    @EventSourcingHandler
    void on(AgencyRatingProposed event) {
        inputs = event.inputs();
        card = event.card();
    }

    @EventSourcingHandler
    void on(AgencyRatedByStreet event) {
        streetGrade = event.grade();
    }

    @EventSourcingHandler
    void on(AgencyRatedByDepartment event) {
        departmentGrade = event.grade();
        headStaffId = event.headStaffId();
    }

    @EventSourcingHandler
    void on(AgencyRatingCorrected event) {
        if (event.side() == RatingSide.STREET) {
            streetGrade = event.toGrade();
        } else {
            departmentGrade = event.toGrade();
        }
    }

    @EventSourcingHandler
    void on(AgencyHeadAwardEligibilityDetermined event) {
        eligible = event.eligible();
        eligibilityReason = event.reason();
    }

    private static long version() {
        Long version = AggregateLifecycle.getVersion();
        return version == null ? 0 : version;
    }
}
