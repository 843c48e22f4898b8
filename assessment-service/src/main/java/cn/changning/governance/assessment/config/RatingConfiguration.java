package cn.changning.governance.assessment.config;

import cn.changning.governance.assessment.api.RatingCommandSender;
import cn.changning.governance.assessment.domain.period.AssessmentPeriod;
import cn.changning.governance.assessment.domain.rating.AgencyAssessment;
import cn.changning.governance.assessment.domain.street.StreetAssessment;
import cn.changning.governance.assessment.projection.rating.RatingProjection;
import cn.changning.governance.assessment.projection.rating.RatingQueries;
import cn.changning.governance.common.consuming.EventConsumer;
import cn.changning.governance.common.consuming.VersionedDocuments;
import cn.changning.governance.contracts.Topics;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.List;

/**
 * The ratings of agencies, the streets' sheets and their periods: the three aggregates, the command sender the
 * controllers and scoring use, and the read models of the assessment topic. Scoring's sources (indicators, resident
 * evaluation, schemes) are other parts' beans, taken when a request needs them (503 while absent).
 */
@Configuration(proxyBeanMethods = false)
public class RatingConfiguration {

    /** Registered here so the domain packages need no Spring annotation. */
    @Bean
    public ConfigurerModule ratingAggregates() {
        return configurer -> configurer.configureAggregate(AssessmentPeriod.class)
                .configureAggregate(AgencyAssessment.class)
                .configureAggregate(StreetAssessment.class);
    }

    @Bean
    public RatingCommandSender ratingCommandSender(CommandGateway commandGateway) {
        return commandGateway::sendAndWait;
    }

    @Bean
    public RatingProjection ratingProjection(MongoTemplate mongo, VersionedDocuments versionedDocuments, ObjectMapper objectMapper) {
        RatingProjection projection = new RatingProjection(mongo, versionedDocuments, objectMapper);
        projection.createIndexes();
        return projection;
    }

    /** The assessment topic into the periods, ratings and sheets read models, in group {@code assessment-service.ratings}. */
    @Bean
    public EventConsumer ratingConsumer(RatingProjection ratingProjection) {
        return new EventConsumer("ratings", "assessment-service.ratings", List.of(Topics.ASSESSMENT_EVENTS), ratingProjection);
    }

    /** Also the service's {@code ScoredPeriods} (what-if re-scoring reads scored periods through it). */
    @Bean
    public RatingQueries ratingQueries(MongoTemplate mongo, ObjectMapper objectMapper) {
        return new RatingQueries(mongo, objectMapper);
    }
}
