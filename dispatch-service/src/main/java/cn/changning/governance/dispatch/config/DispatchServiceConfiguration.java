package cn.changning.governance.dispatch.config;

import cn.changning.governance.common.consuming.EventConsumer;
import cn.changning.governance.common.consuming.VersionedDocuments;
import cn.changning.governance.contracts.Topics;
import cn.changning.governance.dispatch.domain.DeadlinePlanner;
import cn.changning.governance.dispatch.domain.DispatchOrder;
import cn.changning.governance.dispatch.domain.ReturnRules;
import cn.changning.governance.dispatch.domain.WorkingTimeDeadlines;
import cn.changning.governance.dispatch.metrics.DispatchMetrics;
import cn.changning.governance.dispatch.policy.DispatchPolicy;
import cn.changning.governance.dispatch.projection.CaseIntakeProjection;
import cn.changning.governance.dispatch.projection.DispatchConsistency;
import cn.changning.governance.dispatch.projection.DispatchOrderCounts;
import cn.changning.governance.dispatch.projection.DispatchOrderProjection;
import cn.changning.governance.dispatch.projection.DispatchQueries;
import cn.changning.governance.reference.agencies.AgencyDirectory;
import cn.changning.governance.reference.calendar.RoundDeadlines;
import cn.changning.governance.reference.calendar.WorkingCalendar;
import cn.changning.governance.reference.catalogue.Catalogue;
import cn.changning.governance.reference.geography.Geography;
import cn.changning.governance.reference.responsibility.ResponsibilityList;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.kagkarlsson.scheduler.Scheduler;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Clock;
import java.util.List;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class DispatchServiceConfiguration {

    /** Registered here so the domain package needs no Spring annotation. */
    @Bean
    public ConfigurerModule dispatchOrderAggregate() {
        return configurer -> configurer.configureAggregate(DispatchOrder.class);
    }

    /**
     * Axon's db-scheduler deadline manager, built as its auto-configuration builds it, with a cancel by id that a
     * deadline firing at that moment cannot fail ({@link OrderDeadlineManager}). Being a DeadlineManager bean, it
     * replaces the auto-configured one; being a DbSchedulerDeadlineManager, Axon's deadline task finds it.
     */
    @Bean
    public DeadlineManager deadlineManager(Scheduler scheduler, org.axonframework.config.Configuration configuration,
                                           @Qualifier("eventSerializer") Serializer serializer,
                                           TransactionManager transactionManager, DeadlineManagerSpanFactory spanFactory) {
        DbSchedulerDeadlineManager.Builder builder = DbSchedulerDeadlineManager.builder()
                .scheduler(scheduler)
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(configuration))
                .serializer(serializer)
                .transactionManager(transactionManager)
                .spanFactory(spanFactory)
                // db-scheduler's Spring starter starts and stops the scheduler.
                .startScheduler(false)
                .stopScheduler(false);
        return new OrderDeadlineManager(builder, scheduler, spanFactory);
    }

    /** The deadlines fall due on the service's clock, so a test stack that moves it on moves them on too. */
    @Bean
    public com.github.kagkarlsson.scheduler.Clock dbSchedulerClock(Clock clock) {
        return clock::instant;
    }

    // The reference data: loaded and checked once at start. The agencies are built on the geography's streets,
    // the responsibility list on the catalogue's items.
    @Bean
    public Geography geography() {
        return Geography.load();
    }

    @Bean
    public Catalogue catalogue() {
        return Catalogue.load();
    }

    @Bean
    public WorkingCalendar workingCalendar() {
        return WorkingCalendar.load();
    }

    @Bean
    public AgencyDirectory agencyDirectory(Geography geography) {
        return AgencyDirectory.load(geography);
    }

    @Bean
    public ResponsibilityList responsibilityList(Catalogue catalogue, Geography geography) {
        return ResponsibilityList.load(catalogue, geography);
    }

    /** Also the {@link DeadlinePlanner} that the aggregate's handlers get injected. */
    @Bean
    public WorkingTimeDeadlines workingTimeDeadlines(WorkingCalendar workingCalendar) {
        return new WorkingTimeDeadlines(workingCalendar);
    }

    /** The one rule for a round's deadline (shared with the case service): the order's handlers get it injected. */
    @Bean
    public RoundDeadlines roundDeadlines(WorkingCalendar workingCalendar) {
        return new RoundDeadlines(workingCalendar);
    }

    /** How many returns a round takes before a return goes to the street's binding arbitration on its own. */
    @Bean
    public ReturnRules returnRules(@Value("${dispatch.returns.before-arbitration:"
            + ReturnRules.DEFAULT_RETURNS_BEFORE_ARBITRATION + "}") int returnsBeforeArbitration) {
        return new ReturnRules(returnsBeforeArbitration);
    }

    @Bean
    public CaseIntakeProjection caseIntakeProjection(MongoTemplate mongo, VersionedDocuments versionedDocuments, ObjectMapper objectMapper) {
        return new CaseIntakeProjection(mongo, versionedDocuments, objectMapper);
    }

    @Bean
    public DispatchConsistency dispatchConsistency(MongoTemplate mongo, Clock clock) {
        return new DispatchConsistency(mongo, clock);
    }

    @Bean
    public EventConsumer caseIntakeConsumer(CaseIntakeProjection caseIntakeProjection) {
        return new EventConsumer("case-intake", "dispatch-service.case-intake", List.of(Topics.CASE_EVENTS), caseIntakeProjection);
    }

    @Bean
    public DispatchPolicy dispatchPolicy(CommandGateway commandGateway, ResponsibilityList responsibilityList,
                                         AgencyDirectory agencyDirectory, RoundDeadlines roundDeadlines,
                                         ObjectMapper objectMapper, Clock clock) {
        return new DispatchPolicy(commandGateway, responsibilityList, agencyDirectory, roundDeadlines, objectMapper, clock);
    }

    /** Filed and reworked cases into dispatch orders, in consumer group {@code dispatch-service.dispatch-policy}. */
    @Bean
    public EventConsumer dispatchPolicyConsumer(DispatchPolicy dispatchPolicy) {
        return new EventConsumer("dispatch-policy", "dispatch-service.dispatch-policy", List.of(Topics.CASE_EVENTS), dispatchPolicy);
    }

    @Bean
    public DispatchMetrics dispatchMetrics(MeterRegistry meterRegistry) {
        return new DispatchMetrics(meterRegistry);
    }

    @Bean
    public DispatchOrderProjection dispatchOrderProjection(MongoTemplate mongo, VersionedDocuments versionedDocuments, ObjectMapper objectMapper,
                                                           AgencyDirectory agencyDirectory, DispatchMetrics dispatchMetrics) {
        DispatchOrderProjection projection = new DispatchOrderProjection(mongo, versionedDocuments, objectMapper, agencyDirectory, dispatchMetrics);
        projection.createIndexes();
        return projection;
    }

    /** The dispatch topic into the order and agency read models, in group {@code dispatch-service.dispatch-orders}. */
    @Bean
    public EventConsumer dispatchOrderConsumer(DispatchOrderProjection dispatchOrderProjection) {
        return new EventConsumer("dispatch-orders", "dispatch-service.dispatch-orders", List.of(Topics.DISPATCH_EVENTS),
                dispatchOrderProjection);
    }

    @Bean
    public DispatchQueries dispatchQueries(MongoTemplate mongo) {
        return new DispatchQueries(mongo);
    }

    @Bean
    public GaugeRefresher dispatchGaugeRefresher(DispatchMetrics dispatchMetrics, MongoTemplate mongo) {
        return new GaugeRefresher(dispatchMetrics, new DispatchOrderCounts(mongo));
    }

    /** Recounts the state gauges from the read model every 15 s. */
    public static class GaugeRefresher {
        private final DispatchMetrics metrics;
        private final DispatchOrderCounts counts;

        GaugeRefresher(DispatchMetrics metrics, DispatchOrderCounts counts) {
            this.metrics = metrics;
            this.counts = counts;
        }

        @Scheduled(fixedDelayString = "${dispatch.metrics.gauge-refresh:15s}", initialDelayString = "5s")
        public void refresh() {
            metrics.updateGauges(counts.byLeadAgencyTypeAndState(), counts.openByLeadAgencyAndStreet());
        }
    }
}
