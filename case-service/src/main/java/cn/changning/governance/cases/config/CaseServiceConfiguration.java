package cn.changning.governance.cases.config;

import cn.changning.governance.cases.domain.Case;
import cn.changning.governance.cases.projection.CaseProjection;
import cn.changning.governance.cases.projection.CaseQueries;
import cn.changning.governance.common.consuming.EventConsumer;
import cn.changning.governance.contracts.Topics;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.util.List;

@Configuration(proxyBeanMethods = false)
public class CaseServiceConfiguration {

    /** The aggregate is registered here so the domain package needs no Spring annotation. */
    @Bean
    public ConfigurerModule caseAggregate() {
        return configurer -> configurer.configureAggregate(Case.class);
    }

    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    public CaseProjection caseReadModel(MongoTemplate mongo, ObjectMapper objectMapper) {
        return new CaseProjection(mongo, objectMapper);
    }

    @Bean
    public CaseQueries caseQueries(MongoTemplate mongo) {
        return new CaseQueries(mongo);
    }

    /** The case topic into the {@code cases} collection, in consumer group {@code case-service.case-projection}. */
    @Bean
    public EventConsumer caseProjectionConsumer(CaseProjection caseReadModel) {
        return new EventConsumer("case-projection", "case-service.case-projection", List.of(Topics.CASE_EVENTS), caseReadModel);
    }
}
