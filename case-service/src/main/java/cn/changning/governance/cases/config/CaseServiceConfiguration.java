package cn.changning.governance.cases.config;

import cn.changning.governance.cases.domain.Case;
import cn.changning.governance.cases.policy.DispatchPolicy;
import cn.changning.governance.cases.policy.DuplicatePolicy;
import cn.changning.governance.cases.projection.CaseChanges;
import cn.changning.governance.cases.projection.CaseHistory;
import cn.changning.governance.cases.projection.CaseMetrics;
import cn.changning.governance.cases.projection.CaseProjection;
import cn.changning.governance.cases.projection.CaseQueries;
import cn.changning.governance.common.consuming.EventConsumer;
import cn.changning.governance.common.consuming.VersionedDocuments;
import cn.changning.governance.contracts.Topics;
import cn.changning.governance.reference.calendar.RoundDeadlines;
import cn.changning.governance.reference.calendar.WorkingCalendar;
import cn.changning.governance.reference.catalogue.Catalogue;
import cn.changning.governance.reference.geography.Geography;
import cn.changning.governance.reference.geography.Subdistrict;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.List;

@Configuration(proxyBeanMethods = false)
public class CaseServiceConfiguration {

    /** The aggregate is registered here so the domain package needs no Spring annotation. */
    @Bean
    public ConfigurerModule caseAggregate() {
        return configurer -> configurer.configureAggregate(Case.class);
    }

    /** Stored CaseReported v1 read as v2, without the clear reporter (see the class). Axon takes upcaster beans. */
    @Bean
    public CaseReportedUpcaster caseReportedUpcaster() {
        return new CaseReportedUpcaster();
    }

    // The reference data: loaded and checked once at start. Being beans, Axon also passes them to
    // the aggregate's command handlers that declare them as parameters.
    @Bean
    public Catalogue catalogue() {
        return Catalogue.load();
    }

    @Bean
    public Geography geography() {
        return Geography.load();
    }

    @Bean
    public WorkingCalendar workingCalendar() {
        return WorkingCalendar.load();
    }

    /** The one rule for a round's deadline, shared with the dispatch service (reference data). */
    @Bean
    public RoundDeadlines roundDeadlines(WorkingCalendar workingCalendar) {
        return new RoundDeadlines(workingCalendar);
    }

    @Bean
    public CaseChanges caseChanges(Catalogue catalogue, Geography geography) {
        return new CaseChanges(catalogue, geography);
    }

    @Bean
    public CaseMetrics caseMetrics(MeterRegistry meterRegistry, Geography geography) {
        return new CaseMetrics(meterRegistry, geography.subdistricts().stream().map(Subdistrict::code).toList());
    }

    @Bean
    public CaseProjection caseReadModel(MongoTemplate mongo, VersionedDocuments versionedDocuments, ObjectMapper objectMapper,
                                        CaseChanges caseChanges, CaseMetrics caseMetrics) {
        return new CaseProjection(mongo, versionedDocuments, objectMapper, caseChanges, caseMetrics);
    }

    @Bean
    public CaseQueries caseQueries(MongoTemplate mongo) {
        CaseQueries queries = new CaseQueries(mongo);
        queries.ensureIndexes();
        return queries;
    }

    @Bean
    public CaseHistory caseHistory(EventStore eventStore, CaseChanges caseChanges) {
        return new CaseHistory(eventStore, caseChanges);
    }

    @Bean
    public DispatchPolicy dispatchPolicy(CommandGateway commandGateway, ObjectMapper objectMapper, MeterRegistry meterRegistry) {
        return new DispatchPolicy(commandGateway, objectMapper, meterRegistry);
    }

    /** The case topic into the {@code cases} and {@code case_counts} collections. */
    @Bean
    public EventConsumer caseProjectionConsumer(CaseProjection caseReadModel) {
        return new EventConsumer("case-projection", "case-service.case-projection", List.of(Topics.CASE_EVENTS), caseReadModel);
    }

    /** The dispatch topic into commands on cases, in its own group so it can be replayed alone. */
    @Bean
    public DuplicatePolicy duplicatePolicy(CommandGateway commandGateway, ObjectMapper objectMapper) {
        return new DuplicatePolicy(commandGateway, objectMapper);
    }

    /** Duplicates linked by their original, in consumer group {@code case-service.duplicate-policy}. */
    @Bean
    public EventConsumer duplicatePolicyConsumer(DuplicatePolicy duplicatePolicy) {
        return new EventConsumer("duplicate-policy", "case-service.duplicate-policy", List.of(Topics.CASE_EVENTS), duplicatePolicy);
    }

    @Bean
    public EventConsumer dispatchPolicyConsumer(DispatchPolicy dispatchPolicy) {
        return new EventConsumer("dispatch-policy", "case-service.dispatch-policy", List.of(Topics.DISPATCH_EVENTS), dispatchPolicy);
    }
}
