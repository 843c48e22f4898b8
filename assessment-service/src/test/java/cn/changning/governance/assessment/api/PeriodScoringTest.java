package cn.changning.governance.assessment.api;

import cn.changning.governance.assessment.domain.evaluation.ResidentEvaluation;
import cn.changning.governance.assessment.domain.indicator.Indicator;
import cn.changning.governance.assessment.domain.indicator.IndicatorSubject;
import cn.changning.governance.assessment.domain.indicator.IndicatorValues;
import cn.changning.governance.assessment.domain.indicator.Ratio;
import cn.changning.governance.assessment.domain.indicator.SubjectKind;
import cn.changning.governance.assessment.domain.period.AssessmentPeriod;
import cn.changning.governance.assessment.domain.period.OpenAssessmentPeriod;
import cn.changning.governance.assessment.domain.period.ReportingPeriod;
import cn.changning.governance.assessment.domain.rating.AgencyAssessment;
import cn.changning.governance.assessment.domain.rating.AgencyRatingCommands.ConfirmStreetRating;
import cn.changning.governance.assessment.domain.scoring.AgencyInputs;
import cn.changning.governance.assessment.domain.scoring.Grade;
import cn.changning.governance.assessment.domain.scoring.IndicatorSource;
import cn.changning.governance.assessment.domain.scoring.ResidentEvaluationSource;
import cn.changning.governance.assessment.domain.scoring.Scheme;
import cn.changning.governance.assessment.domain.scoring.SchemeCatalogue;
import cn.changning.governance.assessment.domain.scoring.ScoreCard;
import cn.changning.governance.assessment.domain.scoring.ScoreLine;
import cn.changning.governance.assessment.domain.scoring.StreetInputs;
import cn.changning.governance.assessment.domain.street.StreetAssessment;
import cn.changning.governance.assessment.domain.street.StreetAssessmentCommands.RecordStreetItemScore;
import cn.changning.governance.assessment.domain.street.StreetAssessmentCommands.StartStreetAssessment;
import cn.changning.governance.common.domain.DomainRuleViolation;
import cn.changning.governance.contracts.assessment.AgencyAssessmentOpened;
import cn.changning.governance.contracts.assessment.AgencyRatingProposed;
import cn.changning.governance.contracts.assessment.AgencyGrade;
import cn.changning.governance.contracts.assessment.StreetAssessed;
import cn.changning.governance.reference.agencies.AgencyDirectory;
import cn.changning.governance.reference.geography.Geography;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Scoring a period as an application service, on the real aggregates in an in-memory Axon configuration, with
 * in-memory sources and the test's own schemes: every agency and street is scored, a retry changes nothing, the
 * streets' recorded points are taken in, and a confirmed rating is not overwritten.
 */
class PeriodScoringTest {

    static final AgencyDirectory AGENCIES = AgencyDirectory.load(Geography.load());
    static final ReportingPeriod YEAR = ReportingPeriod.year(2031);
    static final Instant AT = Instant.parse("2032-01-05T02:00:00Z");
    static final String SQUAD = "310105001-squad";

    /** Points = 100 × handling rate (0 when none); EXCELLENT from 90, GOOD from 75, PASS from 60. */
    static final Scheme<AgencyInputs> AGENCY_SCHEME = new Scheme<>() {
        public String id() {
            return "agency-test.v1";
        }

        public ScoreCard score(AgencyInputs in) {
            Double rate = in.indicators().of(Indicator.HANDLING_RATE).value();
            double points = rate == null ? 0 : 100 * rate;
            Grade grade = points >= 90 ? Grade.EXCELLENT : points >= 75 ? Grade.GOOD : points >= 60 ? Grade.PASS : Grade.FAIL;
            return new ScoreCard(id(), points, grade, List.of(new ScoreLine("HANDLING_RATE", "handling rate", rate, 100, points, "100 × rate")));
        }
    };

    /** Satisfaction × 0.3 plus the recorded points. */
    static final Scheme<StreetInputs> STREET_SCHEME = new Scheme<>() {
        public String id() {
            return "street-test.v1";
        }

        public ScoreCard score(StreetInputs in) {
            Double survey = in.residentEvaluation().surveyScore();
            double satisfaction = survey == null ? 0 : survey * 0.3;
            double recorded = in.recordedItemPoints().values().stream().mapToDouble(Double::doubleValue).sum();
            return new ScoreCard(id(), satisfaction + recorded, null, List.of(
                    new ScoreLine("SATISFACTION", "satisfaction", survey, 30, satisfaction, "× 0.3"),
                    new ScoreLine("RECORDED", "recorded items", recorded, 70, recorded, "sum")));
        }
    };

    final Map<String, Ratio> handling = new HashMap<>();
    final IndicatorSource indicators = new IndicatorSource() {
        @Override
        public IndicatorValues indicators(SubjectKind kind, String id, ReportingPeriod period) {
            return kind == SubjectKind.AGENCY && handling.containsKey(id)
                    ? new IndicatorValues(Map.of(Indicator.HANDLING_RATE, handling.get(id))) : IndicatorValues.EMPTY;
        }

        @Override
        public Map<IndicatorSubject, IndicatorValues> allIndicators(ReportingPeriod period) {
            Map<IndicatorSubject, IndicatorValues> all = new HashMap<>();
            handling.forEach((id, ratio) -> all.put(IndicatorSubject.agency(id), indicators(SubjectKind.AGENCY, id, period)));
            return all;
        }
    };
    final ResidentEvaluationSource evaluations = new ResidentEvaluationSource() {
        @Override
        public ResidentEvaluation evaluation(SubjectKind kind, String id, ReportingPeriod period) {
            return kind == SubjectKind.STREET ? new ResidentEvaluation(1000, 80.0, 0, null) : ResidentEvaluation.NONE;
        }

        @Override
        public Map<String, ResidentEvaluation> evaluations(SubjectKind kind, ReportingPeriod period) {
            Map<String, ResidentEvaluation> all = new HashMap<>();
            AGENCIES.list(null, null).forEach(a -> all.put(kind == SubjectKind.STREET ? a.streetCode() : a.id(),
                    evaluation(kind, kind == SubjectKind.STREET ? a.streetCode() : a.id(), period)));
            return all;
        }
    };
    final SchemeCatalogue catalogue = new SchemeCatalogue() {
        public Optional<Scheme<AgencyInputs>> agencyScheme(String id) {
            return Optional.of(AGENCY_SCHEME).filter(s -> s.id().equals(id));
        }

        public Optional<Scheme<StreetInputs>> streetScheme(String id) {
            return Optional.of(STREET_SCHEME).filter(s -> s.id().equals(id));
        }

        public String currentAgencySchemeId() {
            return AGENCY_SCHEME.id();
        }

        public String currentStreetSchemeId() {
            return STREET_SCHEME.id();
        }
    };

    Configuration axon;
    RatingCommandSender commands;
    PeriodScoring scoring;

    @BeforeEach
    void setUp() {
        axon = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .configureAggregate(AssessmentPeriod.class)
                .configureAggregate(AgencyAssessment.class)
                .configureAggregate(StreetAssessment.class)
                .buildConfiguration();
        axon.start();
        commands = axon.commandGateway()::sendAndWait;
        scoring = new PeriodScoring(AGENCIES, indicators, evaluations, catalogue, commands);
        commands.send(new OpenAssessmentPeriod("2031", AGENCY_SCHEME.id(), STREET_SCHEME.id(), "district-centre", AT));
    }

    @AfterEach
    void tearDown() {
        axon.shutdown();
    }

    List<Object> events(String aggregateId) {
        return axon.eventStore().readEvents(aggregateId).asStream().map(DomainEventMessage::getPayload).map(Object.class::cast).toList();
    }

    PeriodScoring.Outcome score() {
        return scoring.score(YEAR, AGENCY_SCHEME.id(), STREET_SCHEME.id(), "district-centre", AT);
    }

    @Test
    void everyAgencyAndStreetTeamAndEveryStreetIsScoredAndARetryChangesNothing() {
        handling.put(SQUAD, new Ratio(19, 20)); // 95 points: EXCELLENT
        handling.put("310105001-police", new Ratio(3, 4)); // 75: GOOD
        PeriodScoring.Outcome outcome = score();
        assertThat(outcome.agenciesScored()).isEqualTo(70);
        assertThat(outcome.streetsScored()).isEqualTo(10);
        assertThat(outcome.unscored()).isEmpty();

        List<Object> squad = events(AgencyAssessment.idOf("2031", SQUAD));
        assertThat(squad).hasSize(2);
        assertThat(((AgencyAssessmentOpened) squad.get(0)).parentDepartment()).isEqualTo("DISTRICT_CITY_MANAGEMENT_BUREAU");
        AgencyRatingProposed proposal = (AgencyRatingProposed) squad.get(1);
        assertThat(proposal.card().total()).isEqualTo(95.0);
        assertThat(proposal.card().grade()).isEqualTo(AgencyGrade.EXCELLENT);
        assertThat(proposal.inputs().indicators()).singleElement().satisfies(c -> {
            assertThat(c.numerator()).isEqualTo(19);
            assertThat(c.denominator()).isEqualTo(20);
        });
        assertThat(((AgencyRatingProposed) events(AgencyAssessment.idOf("2031", "310105001-police")).get(1)).card().grade())
                .isEqualTo(AgencyGrade.GOOD);
        // A street team answers to its street office: no department rates it.
        assertThat(((AgencyAssessmentOpened) events(AgencyAssessment.idOf("2031", "310105001-street-team")).get(0)).parentDepartment()).isNull();

        score();
        assertThat(events(AgencyAssessment.idOf("2031", SQUAD))).as("the same facts again: no new event").hasSize(2);
        assertThat(events(StreetAssessment.idOf(2031, "310105001"))).hasSize(2);
        assertThat(events("2031")).as("opened, scored, scored again").hasSize(3);
    }

    @Test
    void aStreetsSheetTakesInThePointsTheDistrictRecorded() {
        String id = StreetAssessment.idOf(2031, "310105002");
        commands.sendCreatingIfMissing(new RecordStreetItemScore(id, "B7", 12.5, "district-centre", AT, null),
                () -> new StartStreetAssessment(id, 2031, "310105002", "district-centre", AT));
        score();
        StreetAssessed sheet = (StreetAssessed) events(id).get(2);
        // 80 × 0.3 = 24, plus 12.5 recorded
        assertThat(sheet.card().total()).isEqualTo(36.5);
        assertThat(sheet.inputs().recordedItemPoints()).containsEntry("B7", 12.5);
        StreetAssessed other = (StreetAssessed) events(StreetAssessment.idOf(2031, "310105009")).get(1);
        assertThat(other.card().total()).isEqualTo(24.0);
    }

    @Test
    void aConfirmedRatingIsNotOverwrittenByNewFactsAndThePeriodIsNotMarkedScored() {
        handling.put(SQUAD, new Ratio(19, 20));
        score();
        commands.send(new ConfirmStreetRating(AgencyAssessment.idOf("2031", SQUAD), "310105001", null, null, "street-310105001", AT, null));
        handling.put(SQUAD, new Ratio(15, 20)); // late facts: 75
        assertThatThrownBy(this::score).isInstanceOf(DomainRuleViolation.class).hasMessageContaining(SQUAD);
        List<Object> squad = events(AgencyAssessment.idOf("2031", SQUAD));
        assertThat(squad).hasSize(3);
        assertThat(squad.stream().filter(AgencyRatingProposed.class::isInstance)).hasSize(1);
    }
}
