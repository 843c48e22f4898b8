package cn.changning.governance.assessment.config;

import cn.changning.governance.assessment.domain.evaluation.Questionnaire;
import cn.changning.governance.assessment.domain.evaluation.SatisfactionSurvey;
import cn.changning.governance.assessment.projection.evaluation.CaseFeedbackProjection;
import cn.changning.governance.assessment.projection.evaluation.ResidentEvaluationQueries;
import cn.changning.governance.assessment.projection.evaluation.SurveyCoverageGauges;
import cn.changning.governance.assessment.projection.evaluation.SurveyResponseProjection;
import cn.changning.governance.common.consuming.EventConsumer;
import cn.changning.governance.common.consuming.VersionedDocuments;
import cn.changning.governance.contracts.Topics;
import cn.changning.governance.reference.agencies.Agency;
import cn.changning.governance.reference.agencies.AgencyDirectory;
import cn.changning.governance.reference.agencies.AgencyType;
import cn.changning.governance.reference.calendar.WorkingCalendar;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Clock;
import java.util.List;

/**
 * Resident evaluation: the questionnaire, the satisfaction survey per street and year (event-sourced), the
 * projections of its responses and of the case topic's feedback, the queries scoring reads, and the coverage gauges.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class ResidentEvaluationConfiguration {

    /** Loaded and checked once at start: a bad questionnaire file stops the service, naming the file and entry. */
    @Bean
    public Questionnaire questionnaire() {
        return Questionnaire.load(DataFiles::read);
    }

    /**
     * The survey aggregate, registered here so the domain needs no Spring annotation. A survey of a year gathers many
     * thousands of responses (500 per event): after every {@code assessment.survey.snapshot-after-events} events a
     * snapshot (the set of recorded ids) spares the next batch the replay.
     */
    @Bean
    public ConfigurerModule satisfactionSurveyAggregate(@Value("${assessment.survey.snapshot-after-events:40}") int snapshotAfter) {
        return configurer -> configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(SatisfactionSurvey.class)
                .configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(c.snapshotter(), snapshotAfter)));
    }

    @Bean
    public SurveyResponseProjection surveyResponseProjection(MongoTemplate mongo, ObjectMapper objectMapper, Questionnaire questionnaire) {
        SurveyResponseProjection projection = new SurveyResponseProjection(mongo, objectMapper, questionnaire);
        projection.createIndexes();
        return projection;
    }

    /** The service's own topic (its other events are skipped) into the responses read model. */
    @Bean
    public EventConsumer surveyResponsesConsumer(SurveyResponseProjection surveyResponseProjection) {
        return new EventConsumer("survey-responses", "assessment-service.survey-responses", List.of(Topics.ASSESSMENT_EVENTS),
                surveyResponseProjection);
    }

    @Bean
    public CaseFeedbackProjection caseFeedbackProjection(MongoTemplate mongo, VersionedDocuments versionedDocuments,
                                                         ObjectMapper objectMapper, WorkingCalendar workingCalendar) {
        CaseFeedbackProjection projection = new CaseFeedbackProjection(mongo, versionedDocuments, objectMapper, workingCalendar.zone());
        projection.createIndexes();
        return projection;
    }

    /** The case topic into the per-case feedback read model. */
    @Bean
    public EventConsumer caseFeedbackConsumer(CaseFeedbackProjection caseFeedbackProjection) {
        return new EventConsumer("case-feedback", "assessment-service.case-feedback", List.of(Topics.CASE_EVENTS), caseFeedbackProjection);
    }

    @Bean
    public ResidentEvaluationQueries residentEvaluationQueries(MongoTemplate mongo, AgencyDirectory agencyDirectory) {
        return new ResidentEvaluationQueries(mongo, agencyDirectory);
    }

    @Bean
    public SurveyCoverageGauges surveyCoverageGauges(MeterRegistry meterRegistry, ResidentEvaluationQueries queries,
                                                     AgencyDirectory agencyDirectory, Clock clock, WorkingCalendar workingCalendar) {
        List<String> streets = agencyDirectory.list(null, AgencyType.STREET_TEAM).stream().map(Agency::streetCode).toList();
        return new SurveyCoverageGauges(meterRegistry, queries, streets, clock, workingCalendar.zone());
    }

    @Bean
    public SurveyGaugeRefresher surveyGaugeRefresher(SurveyCoverageGauges gauges) {
        return new SurveyGaugeRefresher(gauges);
    }

    /** Recounts the coverage gauges from the read model (every 60 s by default). */
    public static class SurveyGaugeRefresher {
        private final SurveyCoverageGauges gauges;

        SurveyGaugeRefresher(SurveyCoverageGauges gauges) {
            this.gauges = gauges;
        }

        @Scheduled(fixedDelayString = "${assessment.survey.gauge-refresh:60s}", initialDelayString = "5s")
        public void refresh() {
            gauges.refresh();
        }
    }
}
