package cn.changning.governance.assessment.api;

import cn.changning.governance.assessment.domain.evaluation.ResidentEvaluation;
import cn.changning.governance.assessment.domain.indicator.IndicatorSubject;
import cn.changning.governance.assessment.domain.indicator.IndicatorValues;
import cn.changning.governance.assessment.domain.indicator.SubjectKind;
import cn.changning.governance.assessment.domain.period.MarkAssessmentPeriodScored;
import cn.changning.governance.assessment.domain.period.PeriodKind;
import cn.changning.governance.assessment.domain.period.ReportingPeriod;
import cn.changning.governance.assessment.domain.rating.AgencyAssessment;
import cn.changning.governance.assessment.domain.rating.AgencyRatingCommands.OpenAgencyAssessment;
import cn.changning.governance.assessment.domain.rating.AgencyRatingCommands.ProposeAgencyRating;
import cn.changning.governance.assessment.domain.scoring.AgencyInputs;
import cn.changning.governance.assessment.domain.scoring.IndicatorSource;
import cn.changning.governance.assessment.domain.scoring.ResidentEvaluationSource;
import cn.changning.governance.assessment.domain.scoring.Scheme;
import cn.changning.governance.assessment.domain.scoring.SchemeCatalogue;
import cn.changning.governance.assessment.domain.scoring.StreetInputs;
import cn.changning.governance.assessment.domain.street.StreetAssessment;
import cn.changning.governance.assessment.domain.street.StreetAssessmentCommands.AssessStreet;
import cn.changning.governance.assessment.domain.street.StreetAssessmentCommands.StartStreetAssessment;
import cn.changning.governance.common.domain.DomainRuleViolation;
import cn.changning.governance.reference.agencies.Agency;
import cn.changning.governance.reference.agencies.AgencyDirectory;
import cn.changning.governance.reference.agencies.AgencyType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Scoring a period, as an application service (the rules are the aggregates'): for every agency and street team of the
 * district (70) and, for a year, every street (10), gathers the inputs from the ports, scores them under the period's
 * schemes and sends the commands; then marks the period scored. Ids are derived from period and subject, and an
 * assessment ignores a proposal equal to the one it holds, so a retried scoring changes nothing twice.
 */
public class PeriodScoring {

    /** What a scoring did. {@code unscored}: subjects whose confirmed result the new score would have changed. */
    public record Outcome(String periodId, int agenciesScored, int streetsScored, List<String> unscored, long periodVersion) {
    }

    private final AgencyDirectory agencies;
    private final IndicatorSource indicators;
    private final ResidentEvaluationSource evaluations;
    private final SchemeCatalogue schemes;
    private final RatingCommandSender commands;

    public PeriodScoring(AgencyDirectory agencies, IndicatorSource indicators, ResidentEvaluationSource evaluations,
                         SchemeCatalogue schemes, RatingCommandSender commands) {
        this.agencies = agencies;
        this.indicators = indicators;
        this.evaluations = evaluations;
        this.schemes = schemes;
        this.commands = commands;
    }

    /** How an agency's assessment begins, from the directory, whichever act comes first (scoring or the department's). */
    static OpenAgencyAssessment opening(String periodId, Agency agency, String by, Instant at) {
        return new OpenAgencyAssessment(AgencyAssessment.idOf(periodId, agency.id()), periodId, agency.id(), agency.streetCode(),
                agency.type().name(), agency.type() == AgencyType.STREET_TEAM ? null : agency.parentDepartment(), by, at);
    }

    public Outcome score(ReportingPeriod period, String agencySchemeId, String streetSchemeId, String scoredBy, Instant at) {
        Scheme<AgencyInputs> agencyScheme = schemes.agencyScheme(agencySchemeId).orElseThrow(() -> DomainRuleViolation.conflict(
                "unknown-scheme", "The period's agency scheme " + agencySchemeId + " is not in the catalogue"));
        List<String> unscored = new ArrayList<>();
        int agenciesScored = 0;
        // One read of the period's facts for every subject, not one per subject.
        Map<IndicatorSubject, IndicatorValues> measured = indicators.allIndicators(period);
        Map<String, ResidentEvaluation> agencyEvaluations = evaluations.evaluations(SubjectKind.AGENCY, period);
        for (Agency agency : agencies.list(null, null)) {
            AgencyInputs inputs = new AgencyInputs(agency.id(), agency.streetCode(),
                    measured.getOrDefault(IndicatorSubject.agency(agency.id()), IndicatorValues.EMPTY),
                    agencyEvaluations.getOrDefault(agency.id(), ResidentEvaluation.NONE));
            String id = AgencyAssessment.idOf(period.id(), agency.id());
            try {
                commands.sendCreatingIfMissing(new ProposeAgencyRating(id, inputs, agencyScheme.score(inputs), scoredBy, at),
                        () -> opening(period.id(), agency, scoredBy, at));
                agenciesScored++;
            } catch (DomainRuleViolation refused) {
                unscored.add(agency.id() + ": " + refused.getMessage());
            }
        }
        int streetsScored = 0;
        if (period.kind() == PeriodKind.YEAR) {
            Scheme<StreetInputs> streetScheme = schemes.streetScheme(streetSchemeId).orElseThrow(() -> DomainRuleViolation.conflict(
                    "unknown-scheme", "The period's street scheme " + streetSchemeId + " is not in the catalogue"));
            Map<String, ResidentEvaluation> streetEvaluations = evaluations.evaluations(SubjectKind.STREET, period);
            for (String street : agencies.list(null, AgencyType.STREET_TEAM).stream().map(Agency::streetCode).toList()) {
                StreetInputs inputs = new StreetInputs(street,
                        measured.getOrDefault(IndicatorSubject.street(street), IndicatorValues.EMPTY),
                        streetEvaluations.getOrDefault(street, ResidentEvaluation.NONE), Map.of());
                String id = StreetAssessment.idOf(period.year(), street);
                try {
                    commands.sendCreatingIfMissing(new AssessStreet(id, inputs, streetScheme, scoredBy, at),
                            () -> new StartStreetAssessment(id, period.year(), street, scoredBy, at));
                    streetsScored++;
                } catch (DomainRuleViolation refused) {
                    unscored.add("street " + street + ": " + refused.getMessage());
                }
            }
        }
        Object version = commands.send(new MarkAssessmentPeriodScored(period.id(), agenciesScored, streetsScored, unscored,
                scoredBy, at));
        return new Outcome(period.id(), agenciesScored, streetsScored, unscored, version instanceof Number n ? n.longValue() : -1);
    }
}
