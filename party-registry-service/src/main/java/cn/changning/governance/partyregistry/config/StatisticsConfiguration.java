package cn.changning.governance.partyregistry.config;

import cn.changning.governance.common.consuming.EventConsumer;
import cn.changning.governance.common.consuming.VersionedDocuments;
import cn.changning.governance.contracts.Topics;
import cn.changning.governance.partyregistry.projection.statistics.StatisticsProjection;
import cn.changning.governance.partyregistry.projection.statistics.StatisticsQueries;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.List;

/** The registry's pre-aggregated statistics: the counters projection of the registry topic and its queries. */
@Configuration(proxyBeanMethods = false)
public class StatisticsConfiguration {

    @Bean
    public StatisticsProjection statisticsProjection(MongoTemplate mongo, VersionedDocuments versionedDocuments,
                                                     ObjectMapper objectMapper) {
        return new StatisticsProjection(mongo, versionedDocuments, objectMapper);
    }

    /** The registry topic into the counters, in group {@code party-registry-service.statistics}. */
    @Bean
    public EventConsumer statisticsConsumer(StatisticsProjection statisticsProjection) {
        return new EventConsumer("statistics", "party-registry-service.statistics", List.of(Topics.PARTY_REGISTRY_EVENTS),
                statisticsProjection);
    }

    @Bean
    public StatisticsQueries statisticsQueries(MongoTemplate mongo) {
        return new StatisticsQueries(mongo);
    }
}
