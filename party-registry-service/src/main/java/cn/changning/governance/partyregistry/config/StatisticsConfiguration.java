package cn.changning.governance.partyregistry.config;

import cn.changning.governance.common.consuming.EventConsumer;
import cn.changning.governance.common.consuming.VersionedDocuments;
import cn.changning.governance.contracts.Topics;
import cn.changning.governance.partyregistry.projection.statistics.PoliceCoverageGauges;
import cn.changning.governance.partyregistry.projection.statistics.StatisticsProjection;
import cn.changning.governance.partyregistry.projection.statistics.StatisticsQueries;
import cn.changning.governance.reference.geography.Geography;
import cn.changning.governance.reference.geography.Subdistrict;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The registry's pre-aggregated statistics: the counters projection of the registry topic and its queries. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
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

    @Bean
    public PoliceCoverageGauges policeCoverageGauges(StatisticsQueries statisticsQueries, Clock clock, Geography geography,
                                                     MeterRegistry meterRegistry) {
        Map<String, Long> areas = new LinkedHashMap<>();
        for (Subdistrict street : geography.subdistricts()) {
            areas.put(street.code(), (long) geography.residentialAreasInSubdistrict(street.code()).size());
        }
        return new PoliceCoverageGauges(statisticsQueries, clock, areas, meterRegistry);
    }

    /** Refreshes the police coverage gauges from the counters on a schedule (not per scrape). */
    @Bean
    public PoliceCoverageGaugeRefresh policeCoverageGaugeRefresh(PoliceCoverageGauges policeCoverageGauges) {
        return new PoliceCoverageGaugeRefresh(policeCoverageGauges);
    }

    /** The schedule of {@link PoliceCoverageGauges#refresh()}. */
    public static class PoliceCoverageGaugeRefresh {
        private final PoliceCoverageGauges gauges;

        PoliceCoverageGaugeRefresh(PoliceCoverageGauges gauges) {
            this.gauges = gauges;
        }

        @Scheduled(fixedDelayString = "${registry.statistics.gauge-refresh:30s}", initialDelayString = "5s")
        public void refresh() {
            gauges.refresh();
        }
    }
}
