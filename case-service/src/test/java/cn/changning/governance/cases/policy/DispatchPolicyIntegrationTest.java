package cn.changning.governance.cases.policy;

import cn.changning.governance.cases.support.CaseServiceIntegrationTest;
import cn.changning.governance.common.consuming.EventRecord;
import cn.changning.governance.common.consuming.PoisonEventException;
import cn.changning.governance.contracts.EventTypes;
import cn.changning.governance.contracts.Topics;
import cn.changning.governance.contracts.dispatch.DispatchOrderHandled;
import cn.changning.governance.contracts.dispatch.DispatchOrderIssued;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The dispatch policy with the dispatch contract events against the real event store: the
 * processor is called directly with event records, as the Kafka consumer would, so each
 * assertion sees the outcome of exactly the records given.
 */
class DispatchPolicyIntegrationTest extends CaseServiceIntegrationTest {

    /** Xianxia Xincun grid 3. */
    static final double LAT = 31.19725;
    static final double LNG = 121.38875;

    @Autowired
    DispatchPolicy policy;
    @Autowired
    EventStore eventStore;
    @Autowired
    MeterRegistry meterRegistry;

    @Test
    void issuedAndHandledOrdersMoveTheCaseAndRedeliveryChangesNothing() {
        String id = filedCase();
        EventRecord issued = record("order-0", 0, new DispatchOrderIssued("order-0-" + id, id, 0, "housing-office", List.of(),
                "310105008", Instant.now().plusSeconds(3600), Instant.now()));

        policy.process(List.of(issued));
        assertThat(events(id)).containsExactly("CaseReported", "CaseFiled", "CaseDispatched");

        policy.process(List.of(issued, issued)); // redelivered, twice in one batch
        assertThat(events(id)).containsExactly("CaseReported", "CaseFiled", "CaseDispatched");

        EventRecord handled = record("order-0", 1, new DispatchOrderHandled("order-0-" + id, id, 0, "housing-office", "fixed",
                null, List.of(), true, Instant.now()));
        policy.process(List.of(handled));
        policy.process(List.of(handled));
        assertThat(events(id)).containsExactly("CaseReported", "CaseFiled", "CaseDispatched", "CaseHandled");
    }

    @Test
    void eventsOfAnEarlierRoundArrivingLateAreIgnored() {
        String id = filedCase();
        EventRecord issued0 = record("order-0", 0, new DispatchOrderIssued("order-0-" + id, id, 0, "housing-office", List.of(),
                "310105008", null, Instant.now()));
        EventRecord handled0 = record("order-0", 1, new DispatchOrderHandled("order-0-" + id, id, 0, "housing-office", "done",
                null, List.of(), true, Instant.now()));
        policy.process(List.of(issued0, handled0));
        assertThat(action(id, "verify", "{\"fixed\":false}", "\"3\"").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(action(id, "send-back", "{\"reason\":\"leaking\"}", "\"4\"").getStatusCode()).isEqualTo(HttpStatus.OK);

        // The round-0 order's events again, after the case moved on to round 1: stale.
        policy.process(List.of(record("order-0", 0, issuedPayload(id, 0)), handled0));
        assertThat(events(id)).hasSize(7).endsWith("CaseSentBackForRework", "CaseRoundDeadlineSet");

        // Round 1's handled report reaches the case before its issue: the case is dispatched, then handled,
        // never left waiting for a report it already had.
        EventRecord handled1 = record("order-1", 1, new DispatchOrderHandled("order-1-" + id, id, 1, "housing-office", "done",
                null, List.of(), true, Instant.now()));
        double refusedBefore = refused();
        policy.process(List.of(handled1));
        assertThat(events(id)).hasSize(9).endsWith("CaseDispatched", "CaseHandled");

        policy.process(List.of(record("order-1", 0, issuedPayload(id, 1)))); // the late issue changes nothing
        assertThat(events(id)).hasSize(9);
        assertThat(refused()).isEqualTo(refusedBefore);
    }

    @Test
    void aDuplicateIsNeverDispatched() {
        String original = filedCase();
        String duplicate = report(reportBody("0501", LAT, LNG, "Same pothole"));
        assertThat(action(duplicate, "mark-duplicate", "{\"originalCaseId\":\"" + original + "\"}", "\"0\"")
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        double refusedBefore = refused();

        policy.process(List.of(record("order-d", 0, issuedPayload(duplicate, 0))));

        assertThat(refused()).isEqualTo(refusedBefore + 1);
        assertThat(events(duplicate)).containsExactly("CaseReported", "CaseRejected");
        // the original learns of its duplicate from the case topic (the duplicate policy)
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(events(original)).containsExactly("CaseReported", "CaseFiled", "CaseDuplicateLinked"));
    }

    @Test
    void anOrderForAnUnknownCaseIsPoison() {
        EventRecord stray = record("order-x", 0, issuedPayload(UUID.randomUUID().toString(), 0));
        assertThatThrownBy(() -> policy.process(List.of(stray))).isInstanceOf(PoisonEventException.class);
    }

    private String filedCase() {
        String id = report(reportBody("0501", LAT, LNG, "Pothole by the school gate"));
        assertThat(action(id, "file", "{}", "\"0\"").getStatusCode()).isEqualTo(HttpStatus.OK);
        return id;
    }

    private static DispatchOrderIssued issuedPayload(String caseId, int round) {
        return new DispatchOrderIssued("order-" + round + "-" + caseId, caseId, round, "housing-office", List.of(),
                "310105008", null, Instant.now());
    }

    private double refused() {
        return meterRegistry.get("governance.cases.policy.refused").counter().count();
    }

    private List<String> events(String caseId) {
        List<String> names = new ArrayList<>();
        DomainEventStream stream = eventStore.readEvents(caseId);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            names.add(event.getPayloadType().getSimpleName());
        }
        return names;
    }

    private EventRecord record(String orderKey, long sequence, Object event) {
        try {
            return new EventRecord(UUID.randomUUID().toString(), EventTypes.cloudEventType(event.getClass()), orderKey, sequence,
                    Instant.now(), objectMapper.writeValueAsBytes(event), Topics.DISPATCH_EVENTS, 0, sequence);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
