package cn.changning.governance.common.config;

import cn.changning.governance.common.commands.ExpectedVersionCheck;
import cn.changning.governance.common.consuming.ConsumerConfiguration;
import cn.changning.governance.common.consuming.VersionedDocuments;
import cn.changning.governance.common.eventstore.EventStoreConfiguration;
import cn.changning.governance.common.health.MongoPingHealthIndicator;
import cn.changning.governance.common.publishing.PublishingConfiguration;
import cn.changning.governance.common.security.SecurityConfiguration;
import cn.changning.governance.common.web.ProblemDetailsAdvice;
import cn.changning.governance.common.web.ProblemInstances;
import cn.changning.governance.common.web.WebConfiguration;
import org.axonframework.config.AggregateConfiguration;
import org.axonframework.config.ConfigurerModule;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.util.List;

/**
 * The wiring every service shares: event store, publisher, consumers' error handling,
 * problem+json and health. A service is one of ours when it sets {@code governance.service-name}.
 */
@AutoConfiguration(beforeName = {
        "org.axonframework.springboot.autoconfig.AxonAutoConfiguration",
        "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration"})
@ConditionalOnProperty("governance.service-name")
@EnableConfigurationProperties(GovernanceProperties.class)
@Import({EventStoreConfiguration.class, PublishingConfiguration.class, ConsumerConfiguration.class, ProblemDetailsAdvice.class,
        ProblemInstances.class, WebConfiguration.class, SecurityConfiguration.class})
public class GovernanceServiceAutoConfiguration {

    /**
     * The service's one "now": what its API stamps on commands, what its policies and its deadlines run on. A test
     * stack may put its own in first (the local stack's {@code LocalStackSettings.clock}), to move time on.
     */
    @Bean
    @ConditionalOnMissingBean
    public Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * A stale If-Match (412) and a command to an unknown aggregate (404) are refused before the command's handler
     * runs, see {@link ExpectedVersionCheck}.
     */
    @Bean
    public ConfigurerModule expectedVersionCheck() {
        return configurer -> configurer.onInitialize(config -> config.onStart(() -> {
            List<Class<?>> aggregates = config.findModules(AggregateConfiguration.class).stream()
                    .<Class<?>>map(AggregateConfiguration::aggregateType).toList();
            config.commandBus().registerHandlerInterceptor(new ExpectedVersionCheck(config.eventStore(), aggregates));
        }));
    }

    /** How read-model writes guard their versions on this service's MongoDB (see {@link VersionedDocuments.Guard}). */
    @Bean
    public VersionedDocuments versionedDocuments(MongoTemplate mongoTemplate) {
        return VersionedDocuments.forServer(mongoTemplate.getDb());
    }

    @Bean(name = "mongoHealthIndicator")
    public MongoPingHealthIndicator mongoHealthIndicator(MongoTemplate mongoTemplate) {
        return new MongoPingHealthIndicator(mongoTemplate);
    }
}
