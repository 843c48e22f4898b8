package cn.changning.governance.dispatch.config;

import cn.changning.governance.common.consuming.EventConsumer;
import cn.changning.governance.contracts.Topics;
import cn.changning.governance.dispatch.projection.CaseIntakeProjection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.List;

@Configuration(proxyBeanMethods = false)
public class DispatchServiceConfiguration {

    @Bean
    public CaseIntakeProjection caseIntakeProjection(MongoTemplate mongo) {
        return new CaseIntakeProjection(mongo);
    }

    @Bean
    public EventConsumer caseIntakeConsumer(CaseIntakeProjection caseIntakeProjection) {
        return new EventConsumer("case-intake", "dispatch-service.case-intake", List.of(Topics.CASE_EVENTS), caseIntakeProjection);
    }
}
