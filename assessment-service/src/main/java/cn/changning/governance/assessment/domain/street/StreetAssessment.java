package cn.changning.governance.assessment.domain.street;

import cn.changning.governance.assessment.domain.rating.PublishedScores;
import cn.changning.governance.assessment.domain.scoring.StreetInputs;
import cn.changning.governance.assessment.domain.street.StreetAssessmentCommands.AssessStreet;
import cn.changning.governance.assessment.domain.street.StreetAssessmentCommands.ConfirmStreetAssessment;
import cn.changning.governance.assessment.domain.street.StreetAssessmentCommands.CorrectStreetAssessment;
import cn.changning.governance.assessment.domain.street.StreetAssessmentCommands.RecordStreetItemScore;
import cn.changning.governance.assessment.domain.street.StreetAssessmentCommands.StartStreetAssessment;
import cn.changning.governance.common.domain.DomainRuleViolation;
import cn.changning.governance.contracts.assessment.PublishedScoreCard;
import cn.changning.governance.contracts.assessment.PublishedScoreLine;
import cn.changning.governance.contracts.assessment.StreetAssessed;
import cn.changning.governance.contracts.assessment.StreetAssessmentConfirmed;
import cn.changning.governance.contracts.assessment.StreetAssessmentCorrected;
import cn.changning.governance.contracts.assessment.StreetAssessmentOpened;
import cn.changning.governance.contracts.assessment.StreetItemScoreRecorded;
import cn.changning.governance.contracts.assessment.StreetScoringInputs;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The district's assessment of one street for one year (id: {@link #idOf}): the points it records for the items no
 * event measures (only before confirmation), the sheet scoring sets, confirmation with the year, and after that only
 * corrections of an item's points, each with a reason and its author. A correction keeps the sheet's lines adding up
 * to its total.
 */
public class StreetAssessment {

    public static final Pattern ITEM_CODE = Pattern.compile("^[A-Za-z0-9.-]{1,20}$");
    static final int MAX_REASON = 1000;

    @AggregateIdentifier
    private String assessmentId;
    private int year;
    private String streetCode;
    private final Map<String, Double> recorded = new HashMap<>();
    private StreetScoringInputs inputs;
    private PublishedScoreCard card;
    private boolean confirmed;

    protected StreetAssessment() {
        // for Axon: rebuilt from its events
    }

    /** A street's sheet for a year, e.g. {@code 2026:street:310105001}. */
    public static String idOf(int year, String streetCode) {
        return year + ":street:" + streetCode;
    }

    @CommandHandler
    public StreetAssessment(StartStreetAssessment command) {
        apply(new StreetAssessmentOpened(command.assessmentId(), command.year(), command.streetCode(), command.openedBy(),
                command.openedAt()));
    }

    @CommandHandler
    public long handle(RecordStreetItemScore command) {
        requireItem(command.itemCode());
        requirePoints(command.points(), Double.MAX_VALUE);
        if (confirmed) {
            throw DomainRuleViolation.conflict("street-assessment-confirmed", "The " + year + " sheet of " + streetCode
                    + " is confirmed: an item's points change now only by a correction with a reason");
        }
        apply(new StreetItemScoreRecorded(assessmentId, year, streetCode, command.itemCode(), command.points(),
                command.recordedBy(), command.recordedAt()));
        return version();
    }

    @CommandHandler
    public long handle(AssessStreet command) {
        StreetInputs complete = new StreetInputs(streetCode, command.measured().indicators(),
                command.measured().residentEvaluation(), recorded);
        StreetScoringInputs newInputs = PublishedScores.inputs(complete);
        PublishedScoreCard newCard = PublishedScores.card(command.scheme().score(complete));
        if (newInputs.equals(inputs) && newCard.equals(card)) {
            return version();
        }
        if (confirmed) {
            throw DomainRuleViolation.conflict("street-assessment-confirmed", "The " + year + " sheet of " + streetCode
                    + " is confirmed: it changes now only by corrections");
        }
        apply(new StreetAssessed(assessmentId, year, streetCode, newInputs, newCard, command.assessedBy(), command.assessedAt()));
        return version();
    }

    @CommandHandler
    public long handle(ConfirmStreetAssessment command) {
        if (confirmed) {
            return version();
        }
        if (card == null) {
            throw DomainRuleViolation.conflict("street-not-assessed", "The " + year + " sheet of " + streetCode
                    + " has not been scored");
        }
        apply(new StreetAssessmentConfirmed(assessmentId, year, streetCode, card.total(), command.confirmedBy(),
                command.confirmedAt()));
        return version();
    }

    @CommandHandler
    public long handle(CorrectStreetAssessment command) {
        if (command.reason() == null || command.reason().isBlank()) {
            throw DomainRuleViolation.invalid("reason-required", "reason", "A correction needs a reason");
        }
        if (command.reason().length() > MAX_REASON) {
            throw DomainRuleViolation.invalid("reason-too-long", "reason", "A reason has at most " + MAX_REASON + " characters");
        }
        requireItem(command.itemCode());
        if (!confirmed) {
            throw DomainRuleViolation.conflict("street-assessment-not-confirmed", "The " + year + " sheet of " + streetCode
                    + " is not confirmed: record the item's points instead of correcting them");
        }
        PublishedScoreLine line = card.lines().stream().filter(l -> l.component().equals(command.itemCode())).findFirst()
                .orElseThrow(() -> DomainRuleViolation.invalid("item-not-on-sheet", "itemCode",
                        "Item " + command.itemCode() + " is not on the sheet of " + streetCode));
        requirePoints(command.points(), line.maxPoints());
        if (line.points() == command.points()) {
            throw DomainRuleViolation.invalid("same-points", "points", "Item " + command.itemCode() + " has "
                    + line.points() + " points already");
        }
        double total = card.total() - line.points() + command.points();
        apply(new StreetAssessmentCorrected(assessmentId, year, streetCode, command.itemCode(), line.points(),
                command.points(), total, command.reason().strip(), command.correctedBy(), command.correctedAt()));
        return version();
    }

    private static void requireItem(String itemCode) {
        if (itemCode == null || !ITEM_CODE.matcher(itemCode).matches()) {
            throw DomainRuleViolation.invalid("invalid-item-code", "itemCode", "An item code has 1-20 letters, digits, dots or dashes");
        }
    }

    private static void requirePoints(double points, double max) {
        if (Double.isNaN(points) || points < 0 || points > max) {
            throw DomainRuleViolation.invalid("invalid-points", "points", "Points are between 0 and "
                    + (max == Double.MAX_VALUE ? "the item's maximum" : max));
        }
    }

    @EventSourcingHandler
    void on(StreetAssessmentOpened event) {
        assessmentId = event.assessmentId();
        year = event.year();
        streetCode = event.streetCode();
    }

    @EventSourcingHandler
    void on(StreetItemScoreRecorded event) {
        recorded.put(event.itemCode(), event.points());
    }

    @EventSourcingHandler
    void on(StreetAssessed event) {
        inputs = event.inputs();
        card = event.card();
    }

    @EventSourcingHandler
    void on(StreetAssessmentConfirmed event) {
        confirmed = true;
    }

    @EventSourcingHandler
    void on(StreetAssessmentCorrected event) {
        List<PublishedScoreLine> lines = new ArrayList<>();
        for (PublishedScoreLine l : card.lines()) {
            lines.add(!l.component().equals(event.itemCode()) ? l : new PublishedScoreLine(l.component(), l.label(), l.value(),
                    l.maxPoints(), event.toPoints(), "corrected: " + event.reason()));
        }
        card = new PublishedScoreCard(card.schemeId(), event.total(), card.grade(), lines);
    }

    private static long version() {
        Long version = AggregateLifecycle.getVersion();
        return version == null ? 0 : version;
    }
}
