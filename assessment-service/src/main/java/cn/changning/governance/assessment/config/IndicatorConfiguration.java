package cn.changning.governance.assessment.config;

import cn.changning.governance.assessment.api.IndicatorAccess;
import cn.changning.governance.assessment.domain.indicator.CaseFacts;
import cn.changning.governance.assessment.domain.indicator.OrderFacts;
import cn.changning.governance.assessment.projection.indicator.IndicatorFactProjection;
import cn.changning.governance.assessment.projection.indicator.IndicatorGauges;
import cn.changning.governance.assessment.projection.indicator.IndicatorProjections;
import cn.changning.governance.assessment.projection.indicator.IndicatorQueries;
import cn.changning.governance.common.consuming.EventConsumer;
import cn.changning.governance.common.consuming.VersionedDocuments;
import cn.changning.governance.contracts.Topics;
import cn.changning.governance.reference.agencies.Agency;
import cn.changning.governance.reference.agencies.AgencyDirectory;
import cn.changning.governance.reference.calendar.WorkingCalendar;
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
import java.util.List;

/** The indicators: their two projections (case and dispatch topics), their queries, who may read them, their gauges. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class IndicatorConfiguration {

    @Bean
    public IndicatorFactProjection<CaseFacts> indicatorCaseProjection(MongoTemplate mongo, VersionedDocuments versionedDocuments,
                                                                      ObjectMapper objectMapper) {
        IndicatorProjections.createIndexes(mongo);
        return IndicatorProjections.cases(mongo, versionedDocuments, objectMapper);
    }

    @Bean
    public IndicatorFactProjection<OrderFacts> indicatorOrderProjection(MongoTemplate mongo, VersionedDocuments versionedDocuments,
                                                                        ObjectMapper objectMapper) {
        return IndicatorProjections.orders(mongo, versionedDocuments, objectMapper);
    }

    /** The case topic into one fact document per case, in group {@code assessment-service.indicator-cases}. */
    @Bean
    public EventConsumer indicatorCaseConsumer(IndicatorFactProjection<CaseFacts> indicatorCaseProjection) {
        return new EventConsumer("indicator-cases", "assessment-service.indicator-cases", List.of(Topics.CASE_EVENTS),
                indicatorCaseProjection);
    }

    /** The dispatch topic into one fact document per order, in group {@code assessment-service.indicator-orders}. */
    @Bean
    public EventConsumer indicatorOrderConsumer(IndicatorFactProjection<OrderFacts> indicatorOrderProjection) {
        return new EventConsumer("indicator-orders", "assessment-service.indicator-orders", List.of(Topics.DISPATCH_EVENTS),
                indicatorOrderProjection);
    }

    @Bean
    public IndicatorQueries indicatorQueries(MongoTemplate mongo, WorkingCalendar workingCalendar) {
        return new IndicatorQueries(mongo, workingCalendar.zone());
    }

    @Bean
    public IndicatorAccess indicatorAccess(AgencyDirectory agencyDirectory, Geography geography) {
        return new IndicatorAccess(agencyDirectory, geography);
    }

    @Bean
    public IndicatorGauges indicatorGauges(IndicatorQueries indicatorQueries, Clock clock, WorkingCalendar workingCalendar,
                                           Geography geography, AgencyDirectory agencyDirectory, MeterRegistry meterRegistry) {
        return new IndicatorGauges(indicatorQueries, clock, workingCalendar.zone(),
                geography.subdistricts().stream().map(Subdistrict::code).toList(),
                agency -> agencyDirectory.find(agency).map(Agency::streetCode).orElse(null), meterRegistry);
    }

    /** Refreshes the gauges from the read model on a schedule (not per request). */
    @Bean
    public IndicatorGaugeRefresh indicatorGaugeRefresh(IndicatorGauges indicatorGauges) {
        return new IndicatorGaugeRefresh(indicatorGauges);
    }

    /** The schedule of {@link IndicatorGauges#refresh()}. */
    public static class IndicatorGaugeRefresh {
        private final IndicatorGauges gauges;

        IndicatorGaugeRefresh(IndicatorGauges gauges) {
            this.gauges = gauges;
        }

        @Scheduled(fixedDelayString = "${assessment.indicators.gauge-refresh:60s}", initialDelayString = "10s")
        public void refresh() {
            gauges.refresh();
        }
    }
}
