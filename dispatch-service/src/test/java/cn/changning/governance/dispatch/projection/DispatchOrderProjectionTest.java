package cn.changning.governance.dispatch.projection;

import cn.changning.governance.common.consuming.EventRecord;
import cn.changning.governance.common.consuming.PoisonEventException;
import cn.changning.governance.common.consuming.VersionedDocuments;
import cn.changning.governance.common.testing.SharedInfrastructure;
import cn.changning.governance.contracts.EventTypes;
import cn.changning.governance.contracts.dispatch.AgencyRole;
import cn.changning.governance.contracts.dispatch.DispatchOrderAccepted;
import cn.changning.governance.contracts.dispatch.DispatchOrderArbitrated;
import cn.changning.governance.contracts.dispatch.DispatchOrderClockPaused;
import cn.changning.governance.contracts.dispatch.DispatchOrderClockResumed;
import cn.changning.governance.contracts.dispatch.DispatchOrderDueSoon;
import cn.changning.governance.contracts.dispatch.DispatchOrderEscalated;
import cn.changning.governance.contracts.dispatch.DispatchOrderHandled;
import cn.changning.governance.contracts.dispatch.DispatchOrderHandlingReported;
import cn.changning.governance.contracts.dispatch.DispatchOrderIssued;
import cn.changning.governance.contracts.dispatch.DispatchOrderOverdue;
import cn.changning.governance.contracts.dispatch.DispatchOrderReassigned;
import cn.changning.governance.contracts.dispatch.DispatchOrderReferredToArbitration;
import cn.changning.governance.contracts.dispatch.DispatchOrderReissued;
import cn.changning.governance.contracts.dispatch.DispatchOrderReturned;
import cn.changning.governance.contracts.dispatch.DispatchOrderRouted;
import cn.changning.governance.contracts.dispatch.DispatchOrderTimerStarted;
import cn.changning.governance.contracts.dispatch.DispatchOrderWithdrawn;
import cn.changning.governance.contracts.dispatch.WithdrawalReason;
import cn.changning.governance.contracts.dispatch.EscalationLevel;
import cn.changning.governance.contracts.dispatch.ReturnReason;
import cn.changning.governance.dispatch.CaseTopic;
import cn.changning.governance.dispatch.metrics.DispatchMetrics;
import cn.changning.governance.dispatch.projection.DispatchViews.AgencyStats;
import cn.changning.governance.dispatch.projection.DispatchViews.OrderDetail;
import cn.changning.governance.dispatch.projection.DispatchViews.StreetBoard;
import cn.changning.governance.common.web.Page;
import cn.changning.governance.common.web.PageQuery;
import cn.changning.governance.reference.agencies.AgencyDirectory;
import cn.changning.governance.reference.geography.Geography;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The order and agency read models on the embedded Mongo wire server: state, queues, statistics, redelivery. */
class DispatchOrderProjectionTest {

    static final String ORDER = "case-7-r0";
    static final String SQUAD = "310105001-squad";
    static final String POLICE = "310105001-police";
    static final String MARKET = "310105001-market";
    static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");
    static final Instant DUE = Instant.parse("2026-11-24T01:00:00Z");
    static final Visibility ALL = Visibility.everything();

    MongoClient client;
    MongoTemplate mongo;
    SimpleMeterRegistry meters;
    DispatchOrderProjection projection;
    DispatchQueries queries;
    List<Object> payloads;

    @BeforeEach
    void setUp() {
        client = MongoClients.create(SharedInfrastructure.get().mongo().connectionString());
        mongo = new MongoTemplate(client, "dispatch_projection_" + UUID.randomUUID().toString().substring(0, 8));
        meters = new SimpleMeterRegistry();
        projection = new DispatchOrderProjection(mongo, new VersionedDocuments(VersionedDocuments.Guard.IN_MEMORY_CHECK), CaseTopic.JSON,
                AgencyDirectory.load(Geography.load()), new DispatchMetrics(meters));
        queries = new DispatchQueries(mongo);
        payloads = new ArrayList<>(List.of(
                new DispatchOrderIssued(ORDER, "case-7", 0, SQUAD, List.of(POLICE), "310105001", DUE, T0),
                new DispatchOrderRouted(ORDER, "case-7", 0, "1501", "EVENT", "B", true, "310105001000001", "310105001",
                        "CITY_MANAGEMENT_SQUAD", List.of("POLICE_STATION"), true, EscalationLevel.STREET),
                new DispatchOrderTimerStarted(ORDER, "case-7", T0, T0.plusSeconds(3600), DUE),
                new DispatchOrderReturned(ORDER, "case-7", POLICE, AgencyRole.ASSIST, ReturnReason.WRONG_AGENCY, "not ours", 1, T0.plusSeconds(60)),
                new DispatchOrderReassigned(ORDER, "case-7", POLICE, MARKET, AgencyRole.ASSIST, "centre", null, T0.plusSeconds(120)),
                new DispatchOrderAccepted(ORDER, "case-7", SQUAD, AgencyRole.LEAD, T0.plusSeconds(600))));
    }

    @AfterEach
    void tearDown() {
        mongo.getDb().drop();
        client.close();
    }

    List<EventRecord> records(int from, int to) {
        List<EventRecord> records = new ArrayList<>();
        for (int i = from; i < to; i++) {
            records.add(record(i, payloads.get(i)));
        }
        return records;
    }

    static EventRecord record(long sequence, Object payload) {
        try {
            return new EventRecord("evt-" + sequence, EventTypes.cloudEventType(payload.getClass()), ORDER, sequence,
                    T0.plusSeconds(sequence), CaseTopic.JSON.writeValueAsBytes(payload), "governance.dispatch.events", 0, sequence);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theOrderDocumentKeepsItsFieldNames() {
        projection.process(records(0, 6));
        Document stored = mongo.getCollection(DispatchOrderDocument.COLLECTION).find().first();
        // Literal on purpose: a misspelt constant would silently rename a stored field.
        assertThat(stored.keySet()).containsExactlyInAnyOrder("_id", "caseId", "round", "streetCode", "leadAgencyId",
                "issuedAt", "deadline", "parts", "involvedAgencyIds", "returns", "history", "returnCount",
                "extensionsRequested", "extensionsApproved", "dueSoon", "overdue", "escalated", "acceptedBy",
                "itemCode", "itemClass", "handlingType", "persistentProblem", "gridCode", "leadAgencyType", "jointTask",
                "followedUpBy", "startedAt", "warningAt", "leadAcceptedAt", "agencyIds", "version", "state", "paused", "queueEntries");
        assertThat(stored.getList("parts", Document.class).get(0).keySet()).containsExactly("agencyId", "agencyType", "role", "state");
        assertThat(stored.getList("returns", Document.class).get(0).keySet())
                .containsExactly("agencyId", "role", "reason", "note", "at", "passedTo", "outcome");
        assertThat(stored.getList("history", Document.class).get(0).keySet())
                .containsExactly("sequence", "event", "at", "agencyId", "summary");
        Document fact = mongo.getCollection(AgencyOrderFactDocument.COLLECTION).find(new Document("_id", ORDER + "|" + SQUAD)).first();
        assertThat(fact.keySet()).containsExactlyInAnyOrder("_id", "orderId", "agencyId", "agencyType", "streetCode", "lead",
                "dispatched", "accepted", "returned", "handledOnTime", "handledLate", "reworked", "extensionsRequested",
                "extensionsApproved", "version");
    }

    /** The projection records its business metrics only once a batch is written, so a retried batch counts once. */
    @Test
    void aBatchThatFailsBeforeItsWriteCountsNothingAndItsRetryCountsOnce() {
        EventRecord stray = new EventRecord("evt-stray", EventTypes.cloudEventType(DispatchOrderAccepted.class), "no-such-order", 3,
                T0, "{}".getBytes(StandardCharsets.UTF_8), "governance.dispatch.events", 0, 99);
        List<EventRecord> batch = new ArrayList<>(records(0, 4));
        batch.add(stray);
        assertThatThrownBy(() -> projection.process(batch)).isInstanceOf(PoisonEventException.class);
        assertThat(meters.find("dispatch.orders.returned").counter()).isNull();
        assertThat(queries.find(ORDER, ALL)).isEmpty();

        projection.process(records(0, 4)); // the events before the poison, as the consumer retries them
        projection.process(records(0, 4)); // and once more, redelivered
        assertThat(meters.get("dispatch.orders.returned").tag("reason", "WRONG_AGENCY").counter().count()).isEqualTo(1.0);
    }

    @Test
    void aReturnedAndReassignedJointTaskShowsItsPartsAndHistory() {
        projection.process(records(0, 6));
        OrderDetail order = queries.find(ORDER, ALL).orElseThrow();
        assertThat(order.order().state()).isEqualTo(OrderState.IN_PROGRESS);
        assertThat(order.order().parts()).extracting(DispatchViews.Part::agencyId).containsExactly(SQUAD, MARKET);
        assertThat(order.order().parts()).extracting(DispatchViews.Part::state).containsExactly("ACCEPTED", "AWAITING_ACCEPTANCE");
        assertThat(order.returns()).singleElement().satisfies(r -> {
            assertThat(r.agencyId()).isEqualTo(POLICE);
            assertThat(r.outcome()).isEqualTo("REASSIGNED");
            assertThat(r.passedTo()).isEqualTo(MARKET);
        });
        assertThat(order.history()).extracting(DispatchViews.HistoryEntry::sequence).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(order.order().version()).isEqualTo(5);

        assertThat(queue(MARKET, QueueBucket.AWAITING_ACCEPTANCE)).extracting(DispatchViews.QueueItem::orderId).containsExactly(ORDER);
        assertThat(queue(SQUAD, QueueBucket.IN_PROGRESS)).extracting(DispatchViews.QueueItem::orderId).containsExactly(ORDER);
        assertThat(queue(POLICE, QueueBucket.AWAITING_ACCEPTANCE)).isEmpty();
        assertThat(meters.get("dispatch.orders.returned").tag("reason", "WRONG_AGENCY").counter().count()).isEqualTo(1.0);
    }

    @Test
    void aRedeliveredBatchChangesNothingNeitherOrderNorStatistics() {
        projection.process(records(0, 6));
        OrderDetail before = queries.find(ORDER, ALL).orElseThrow();
        AgencyStats policeBefore = queries.stats(POLICE, ALL);

        // The whole batch again (a consumer restart before the offset commit), then an older slice of it.
        projection.process(records(0, 6));
        projection.process(records(2, 5));

        assertThat(queries.find(ORDER, ALL).orElseThrow()).isEqualTo(before);
        assertThat(queries.stats(POLICE, ALL)).isEqualTo(policeBefore);
        assertThat(policeBefore.dispatched()).isEqualTo(1);
        assertThat(policeBefore.returned()).isEqualTo(1);
        assertThat(queries.stats(SQUAD, ALL).accepted()).isEqualTo(1);
        assertThat(meters.get("dispatch.orders.returned").tag("reason", "WRONG_AGENCY").counter().count()).isEqualTo(1.0);
        assertThat(meters.get("dispatch.order.time.to.accept").timer().count()).isEqualTo(1);
    }

    @Test
    void eventsSplitOverBatchesGiveTheSameResultAsOneBatch() {
        projection.process(records(0, 2));
        projection.process(records(2, 4));
        projection.process(records(4, 6));
        OrderDetail split = queries.find(ORDER, ALL).orElseThrow();
        mongo.getDb().drop();
        projection.process(records(0, 6));
        assertThat(queries.find(ORDER, ALL).orElseThrow()).isEqualTo(split);
    }

    @Test
    void theClockMovesTheOrderThroughTheQueueBucketsAndLateHandlingCountsAsLate() {
        payloads.add(new DispatchOrderDueSoon(ORDER, "case-7", SQUAD, DUE, T0.plusSeconds(3600)));
        payloads.add(new DispatchOrderOverdue(ORDER, "case-7", SQUAD, DUE, DUE));
        payloads.add(new DispatchOrderEscalated(ORDER, "case-7", SQUAD, EscalationLevel.STREET, EscalationLevel.DISTRICT, DUE));
        projection.process(records(0, 7));
        assertThat(queue(SQUAD, QueueBucket.DUE_SOON)).extracting(DispatchViews.QueueItem::orderId).containsExactly(ORDER);
        projection.process(records(7, 9));
        assertThat(queue(SQUAD, QueueBucket.OVERDUE)).extracting(DispatchViews.QueueItem::orderId).containsExactly(ORDER);
        assertThat(queries.list(new DispatchQueries.OrderFilter(null, "310105001", null, true, null, null), ALL, PageQuery.first(10)).total()).isEqualTo(1);
        assertThat(queries.board("310105001").escalated()).isEqualTo(1);

        payloads.add(new DispatchOrderAccepted(ORDER, "case-7", MARKET, AgencyRole.ASSIST, DUE));
        payloads.add(new DispatchOrderHandlingReported(ORDER, "case-7", SQUAD, "RESOLVED", null, List.of(), DUE.plusSeconds(60)));
        projection.process(records(9, 11));
        assertThat(queries.find(ORDER, ALL).orElseThrow().order().state()).isEqualTo(OrderState.AWAITING_CONFIRMATION);
        payloads.add(new DispatchOrderHandled(ORDER, "case-7", 0, SQUAD, "RESOLVED", null, List.of(), false, DUE.plusSeconds(90)));
        projection.process(records(11, 12));

        assertThat(queries.find(ORDER, ALL).orElseThrow().order().state()).isEqualTo(OrderState.HANDLED);
        assertThat(queries.list(new DispatchQueries.OrderFilter(null, "310105001", null, true, null, null), ALL, PageQuery.first(10)).total()).as("handled orders are no longer overdue").isZero();
        assertThat(queries.stats(SQUAD, ALL).handledLate()).isEqualTo(1);
        assertThat(queries.stats(MARKET, ALL).handledLate()).isEqualTo(1);
        assertThat(queries.stats(POLICE, ALL).handledLate()).as("the police returned its part and took no part in handling").isZero();
        assertThat(queue(SQUAD, QueueBucket.OVERDUE)).isEmpty();
        assertThat(meters.get("dispatch.orders.escalated").counter().count()).isEqualTo(1.0);
    }

    @Test
    void theOpenOrderGaugesCountByLeadAgencyAndStreetAndDropAnOrderOnceHandled() {
        DispatchMetrics gauges = new DispatchMetrics(meters);
        DispatchOrderCounts counts = new DispatchOrderCounts(mongo);
        payloads.add(new DispatchOrderDueSoon(ORDER, "case-7", SQUAD, DUE, T0.plusSeconds(3600)));
        payloads.add(new DispatchOrderOverdue(ORDER, "case-7", SQUAD, DUE, DUE));
        projection.process(records(0, 8));
        gauges.updateGauges(counts.byLeadAgencyTypeAndState(), counts.openByLeadAgencyAndStreet());
        assertThat(openGauge("dispatch.orders.open")).isEqualTo(1.0);
        assertThat(openGauge("dispatch.orders.open.overdue")).isEqualTo(1.0);
        assertThat(openGauge("dispatch.orders.open.escalated")).as("overdue, not yet escalated").isZero();

        payloads.add(new DispatchOrderEscalated(ORDER, "case-7", SQUAD, EscalationLevel.STREET, EscalationLevel.DISTRICT, DUE));
        projection.process(records(8, 9));
        gauges.updateGauges(counts.byLeadAgencyTypeAndState(), counts.openByLeadAgencyAndStreet());
        assertThat(openGauge("dispatch.orders.open.escalated")).isEqualTo(1.0);
        assertThat(meters.get("dispatch.orders.escalated").tag("street", "310105001").counter().count()).isEqualTo(1.0);

        payloads.add(new DispatchOrderAccepted(ORDER, "case-7", MARKET, AgencyRole.ASSIST, DUE));
        payloads.add(new DispatchOrderHandled(ORDER, "case-7", 0, SQUAD, "RESOLVED", null, List.of(), false, DUE.plusSeconds(90)));
        projection.process(records(9, 11));
        gauges.updateGauges(counts.byLeadAgencyTypeAndState(), counts.openByLeadAgencyAndStreet());
        assertThat(meters.find("dispatch.orders.open").gauges()).as("a handled order is not open: its row is gone").isEmpty();
        assertThat(meters.find("dispatch.orders.open.overdue").gauges()).isEmpty();
    }

    double openGauge(String name) {
        return meters.get(name).tags("agency", SQUAD, "street", "310105001").gauge().value();
    }

    @Test
    void aReassignmentIsCountedAsABuckPassingPairOfAgencyTypesInItsStreet() {
        projection.process(records(0, 6));
        assertThat(meters.get("dispatch.orders.reassigned")
                .tags("from_agency_type", "POLICE_STATION", "to_agency_type", "MARKET_SUPERVISION_OFFICE", "street", "310105001")
                .counter().count()).isEqualTo(1.0);
        assertThat(meters.get("dispatch.orders.returned").tags("reason", "WRONG_AGENCY", "street", "310105001").counter().count())
                .isEqualTo(1.0);
        projection.process(records(0, 6));
        assertThat(meters.get("dispatch.orders.reassigned").counter().count()).as("a redelivered batch counts nothing again")
                .isEqualTo(1.0);
    }

    List<DispatchViews.QueueItem> queue(String agencyId, QueueBucket bucket) {
        return queries.queue(agencyId, bucket, ALL, PageQuery.first(10)).items();
    }

    @Test
    void theQueueIsPagedAndEachItemNamesItsBucket() {
        projection.process(records(0, 6));
        Page<DispatchViews.QueueItem> all = queries.queue(SQUAD, null, ALL, PageQuery.first(10));
        assertThat(all.total()).isEqualTo(1);
        assertThat(all.items()).singleElement().satisfies(i -> assertThat(i.bucket()).isEqualTo(QueueBucket.IN_PROGRESS));
        assertThat(queries.queue(SQUAD, QueueBucket.AWAITING_ACCEPTANCE, ALL, PageQuery.first(10)).total()).isZero();
        assertThat(queries.queue(SQUAD, null, ALL, new PageQuery(1, 10)).items()).isEmpty();
        assertThat(queries.queue(POLICE, null, ALL, PageQuery.first(10)).total()).as("the police's part went to the market office").isZero();
    }

    /** The board's figures, from the pre-aggregated street counts. */
    @Test
    void theBoardCountsOrdersByStateAndClockFromItsCountsAlone() {
        payloads.add(new DispatchOrderDueSoon(ORDER, "case-7", SQUAD, DUE, T0.plusSeconds(3600)));
        projection.process(records(0, 4)); // returned by the police: awaiting the street's arbitration
        StreetBoard board = queries.board("310105001");
        assertThat(board.byState()).containsEntry(OrderState.AWAITING_ARBITRATION, 1L).containsEntry(OrderState.IN_PROGRESS, 0L);
        assertThat(board.awaitingArbitration()).isEqualTo(1);

        projection.process(records(4, 7)); // reassigned, accepted, due soon
        board = queries.board("310105001");
        assertThat(board.byState()).containsEntry(OrderState.AWAITING_ARBITRATION, 0L).containsEntry(OrderState.IN_PROGRESS, 1L);
        assertThat(board.byState().values().stream().mapToLong(Long::longValue).sum()).as("one order, counted once").isEqualTo(1);
        assertThat(board.dueSoon()).isEqualTo(1);
        assertThat(board.overdue()).isZero();
        assertThat(queries.board("310105002").byState().values()).containsOnly(0L);

        // No order is read: with the orders gone, the board still stands.
        mongo.getCollection(DispatchOrderDocument.COLLECTION).drop();
        assertThat(queries.board("310105001")).isEqualTo(board);
    }

    @Test
    void aRedeliveredBatchCountsNothingTwiceOnTheBoardEvenIfTheOrdersWereLostAfterTheCounts() {
        projection.process(records(0, 6));
        StreetBoard once = queries.board("310105001");
        assertThat(once.byState()).containsEntry(OrderState.IN_PROGRESS, 1L);

        projection.process(records(0, 6)); // redelivered
        assertThat(queries.board("310105001")).isEqualTo(once);

        // A crash after the counts were written and before the orders were: the redelivery writes the orders, counts nothing.
        mongo.getCollection(DispatchOrderDocument.COLLECTION).drop();
        projection.process(records(0, 6));
        assertThat(queries.board("310105001")).isEqualTo(once);
        assertThat(queries.find(ORDER, ALL)).isPresent();

        // A later batch of the same partition is counted.
        payloads.add(new DispatchOrderOverdue(ORDER, "case-7", SQUAD, DUE, DUE));
        EventRecord overdue = new EventRecord("evt-6", EventTypes.cloudEventType(DispatchOrderOverdue.class), ORDER, 6, DUE,
                json(payloads.get(6)), "governance.dispatch.events", 0, 6);
        projection.process(List.of(overdue));
        assertThat(queries.board("310105001").overdue()).isEqualTo(1);
    }

    static byte[] json(Object payload) {
        try {
            return CaseTopic.JSON.writeValueAsBytes(payload);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aPausedOrderShowsNeitherDueSoonNorOverdueUntilItsClockRunsAgain() {
        Instant pausedAt = DUE.plusSeconds(600);
        payloads.add(new DispatchOrderDueSoon(ORDER, "case-7", SQUAD, DUE, T0.plusSeconds(3600)));
        payloads.add(new DispatchOrderOverdue(ORDER, "case-7", SQUAD, DUE, DUE));
        payloads.add(new DispatchOrderClockPaused(ORDER, "case-7", pausedAt));
        projection.process(records(0, 9));
        DispatchViews.OrderSummary paused = queries.find(ORDER, ALL).orElseThrow().order();
        assertThat(paused.paused()).isTrue();
        assertThat(paused.pausedAt()).isEqualTo(pausedAt);
        assertThat(paused.overdue()).isFalse();
        assertThat(paused.dueSoon()).isFalse();
        assertThat(queue(SQUAD, QueueBucket.OVERDUE)).isEmpty();
        assertThat(queue(SQUAD, QueueBucket.IN_PROGRESS)).extracting(DispatchViews.QueueItem::orderId).containsExactly(ORDER);
        assertThat(queries.list(new DispatchQueries.OrderFilter(null, "310105001", null, true, null, null), ALL, PageQuery.first(10)).total()).isZero();
        assertThat(queries.list(new DispatchQueries.OrderFilter(null, "310105001", null, false, null, null), ALL, PageQuery.first(10)).total()).isEqualTo(1);
        assertThat(queries.board("310105001").overdue()).isZero();
        assertThat(new DispatchOrderCounts(mongo).openOverdue()).isZero();

        // Overdue before the hold: it stays overdue once the clock runs again, with its deadline.
        payloads.add(new DispatchOrderClockResumed(ORDER, "case-7", DUE.plusSeconds(7200), T0.plusSeconds(3600), DUE));
        projection.process(records(9, 10));
        DispatchViews.OrderSummary resumed = queries.find(ORDER, ALL).orElseThrow().order();
        assertThat(resumed.paused()).isFalse();
        assertThat(resumed.pausedAt()).isNull();
        assertThat(resumed.overdue()).isTrue();
        assertThat(queue(SQUAD, QueueBucket.OVERDUE)).extracting(DispatchViews.QueueItem::orderId).containsExactly(ORDER);
    }

    @Test
    void aResumedClockShowsTheMovedDeadline() {
        Instant moved = DUE.plusSeconds(3600);
        payloads.add(new DispatchOrderClockPaused(ORDER, "case-7", T0.plusSeconds(900)));
        payloads.add(new DispatchOrderClockResumed(ORDER, "case-7", T0.plusSeconds(4500), T0.plusSeconds(7200), moved));
        projection.process(records(0, 8));
        assertThat(queries.find(ORDER, ALL).orElseThrow().order().deadline()).isEqualTo(moved);
        assertThat(queries.find(ORDER, ALL).orElseThrow().order().warningAt()).isEqualTo(T0.plusSeconds(7200));
    }

    @Test
    void aWithdrawnOrderIsClosedWithItsReasonAndLeavesTheQueues() {
        payloads.add(new DispatchOrderOverdue(ORDER, "case-7", SQUAD, DUE, DUE));
        payloads.add(new DispatchOrderWithdrawn(ORDER, "case-7", WithdrawalReason.CASE_LINKED_AS_DUPLICATE, DUE.plusSeconds(60)));
        projection.process(records(0, 8));
        projection.process(records(0, 8)); // redelivered: counted once
        OrderDetail order = queries.find(ORDER, ALL).orElseThrow();
        assertThat(order.order().state()).isEqualTo(OrderState.WITHDRAWN);
        assertThat(order.order().state().isOpen()).isFalse();
        assertThat(order.withdrawalReason()).isEqualTo("CASE_LINKED_AS_DUPLICATE");
        assertThat(order.withdrawnAt()).isEqualTo(DUE.plusSeconds(60));
        assertThat(order.order().overdue()).as("a closed order is not overdue").isFalse();
        assertThat(queue(SQUAD, QueueBucket.OVERDUE)).isEmpty();
        assertThat(queue(SQUAD, QueueBucket.IN_PROGRESS)).isEmpty();
        assertThat(queries.list(new DispatchQueries.OrderFilter(null, "310105001", null, true, null, null), ALL, PageQuery.first(10)).total()).isZero();
        assertThat(queries.board("310105001").byState().get(OrderState.WITHDRAWN)).isEqualTo(1);
        assertThat(meters.get("dispatch.orders.withdrawn").tag("reason", "CASE_LINKED_AS_DUPLICATE").counter().count()).isEqualTo(1.0);
    }

    @Test
    void aReturnReferredToArbitrationShowsUntilTheStreetsBindingDecision() {
        payloads.add(new DispatchOrderReturned(ORDER, "case-7", MARKET, AgencyRole.ASSIST, ReturnReason.OUTSIDE_REMIT, null, 2, T0.plusSeconds(700)));
        payloads.add(new DispatchOrderReferredToArbitration(ORDER, "case-7", MARKET, AgencyRole.ASSIST, 2,
                List.of(ReturnReason.WRONG_AGENCY, ReturnReason.OUTSIDE_REMIT), T0.plusSeconds(700)));
        projection.process(records(0, 8));
        OrderDetail referred = queries.find(ORDER, ALL).orElseThrow();
        assertThat(referred.referredToArbitration()).isTrue();
        assertThat(referred.order().state()).isEqualTo(OrderState.AWAITING_ARBITRATION);
        assertThat(referred.boundAgencyIds()).isEmpty();
        assertThat(meters.get("dispatch.orders.referred.to.arbitration").tag("agency_type", "MARKET_SUPERVISION_OFFICE").counter().count())
                .isEqualTo(1.0);

        payloads.add(new DispatchOrderReissued(ORDER, "case-7", MARKET, AgencyRole.ASSIST, "centre", null, DUE, T0.plusSeconds(800)));
        payloads.add(new DispatchOrderArbitrated(ORDER, "case-7", MARKET, MARKET, AgencyRole.ASSIST,
                List.of(ReturnReason.WRONG_AGENCY, ReturnReason.OUTSIDE_REMIT), "centre", T0.plusSeconds(800)));
        projection.process(records(8, 10));
        OrderDetail decided = queries.find(ORDER, ALL).orElseThrow();
        assertThat(decided.referredToArbitration()).isFalse();
        assertThat(decided.boundAgencyIds()).containsExactly(MARKET);
        assertThat(decided.order().state()).isEqualTo(OrderState.IN_PROGRESS);
    }

    @Test
    void theNewEventsKeepTheirFieldNames() {
        payloads.add(new DispatchOrderReturned(ORDER, "case-7", MARKET, AgencyRole.ASSIST, ReturnReason.OUTSIDE_REMIT, null, 2, T0.plusSeconds(700)));
        payloads.add(new DispatchOrderReferredToArbitration(ORDER, "case-7", MARKET, AgencyRole.ASSIST, 2,
                List.of(ReturnReason.OUTSIDE_REMIT), T0.plusSeconds(700)));
        payloads.add(new DispatchOrderReissued(ORDER, "case-7", MARKET, AgencyRole.ASSIST, "centre", null, DUE, T0.plusSeconds(800)));
        payloads.add(new DispatchOrderArbitrated(ORDER, "case-7", MARKET, MARKET, AgencyRole.ASSIST,
                List.of(ReturnReason.OUTSIDE_REMIT), "centre", T0.plusSeconds(800)));
        payloads.add(new DispatchOrderClockPaused(ORDER, "case-7", T0.plusSeconds(900)));
        payloads.add(new DispatchOrderWithdrawn(ORDER, "case-7", WithdrawalReason.CASE_REJECTED, T0.plusSeconds(1000)));
        projection.process(records(0, 12));
        Document stored = mongo.getCollection(DispatchOrderDocument.COLLECTION).find().first();
        // Literal on purpose, as above: the fields the new events add.
        assertThat(stored.keySet()).contains("paused", "pausedAt", "withdrawalReason", "withdrawnAt", "referredToArbitration",
                "boundAgencyIds");
        assertThat(stored.getString("state")).isEqualTo("WITHDRAWN");
    }

    /** Another order issued in a street (all its events in one batch): its subject is the order. */
    static List<EventRecord> issuedOrder(String orderId, String street, String lead, List<String> assistants, Instant issuedAt,
                                         long firstOffset) {
        String caseId = orderId.replace("-r0", "");
        List<Object> events = List.of(
                new DispatchOrderIssued(orderId, caseId, 0, lead, assistants, street, DUE, issuedAt),
                new DispatchOrderRouted(orderId, caseId, 0, "1501", "EVENT", "B", true, street + "000001", street,
                        "CITY_MANAGEMENT_SQUAD", List.of("POLICE_STATION"), !assistants.isEmpty(), EscalationLevel.STREET));
        List<EventRecord> records = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            records.add(new EventRecord(orderId + "-evt-" + i, EventTypes.cloudEventType(events.get(i).getClass()), orderId, i,
                    issuedAt, json(events.get(i)), "governance.dispatch.events", 1, firstOffset + i));
        }
        return records;
    }

    /**
     * What a caller sees is part of each query's filter: a street's orders, an agency's (also one whose part went to
     * another), nothing; pages and totals count only those, and a parameter naming what the caller does not see
     * narrows to nothing rather than widening.
     */
    @Test
    void everyReadHoldsOnlyWhatTheCallerSeesWithRightTotals() {
        projection.process(records(0, 6)); // ORDER in 310105001: squad leads, police returned, market took over
        String second = "case-8-r0";
        String other = "case-9-r0";
        projection.process(issuedOrder(second, "310105001", SQUAD, List.of(), T0.plusSeconds(30), 1000));
        projection.process(issuedOrder(other, "310105002", "310105002-squad", List.of("310105002-police"), T0.plusSeconds(60), 2000));

        Visibility huayang = Visibility.ofStreet("310105001");
        assertThat(queries.find(ORDER, huayang)).isPresent();
        assertThat(queries.find(other, huayang)).isEmpty();
        assertThat(queries.sees(other, huayang)).isFalse();
        assertThat(queries.sees(ORDER, huayang)).isTrue();
        assertThat(queries.sees("no-such-order", ALL)).isFalse();
        Page<DispatchViews.OrderSummary> page = queries.list(DispatchQueries.OrderFilter.none(), huayang, new PageQuery(0, 1));
        assertThat(page.total()).as("the street's two orders, not the other street's").isEqualTo(2);
        assertThat(page.items()).extracting(DispatchViews.OrderSummary::orderId).containsExactly(second);
        assertThat(queries.list(DispatchQueries.OrderFilter.none(), huayang, new PageQuery(1, 1)).items())
                .extracting(DispatchViews.OrderSummary::orderId).containsExactly(ORDER);
        assertThat(queries.list(new DispatchQueries.OrderFilter(null, "310105002", null, null, null, null), huayang, PageQuery.first(10)).total())
                .as("another street named in the query: an empty page").isZero();
        assertThat(queries.list(DispatchQueries.OrderFilter.none(), ALL, PageQuery.first(10)).total()).isEqualTo(3);

        Visibility police = Visibility.ofAgency(POLICE);
        assertThat(queries.find(ORDER, police)).as("the police returned its part: it still sees the order").isPresent();
        assertThat(queries.find(second, police)).isEmpty();
        assertThat(queries.list(DispatchQueries.OrderFilter.none(), police, PageQuery.first(10)).items())
                .extracting(DispatchViews.OrderSummary::orderId).containsExactly(ORDER);
        assertThat(queries.list(DispatchQueries.OrderFilter.none(), Visibility.ofAgency(SQUAD), PageQuery.first(10)).total()).isEqualTo(2);
        assertThat(queries.list(DispatchQueries.OrderFilter.none(), Visibility.ofAgency("310105002-police"), PageQuery.first(10)).items())
                .extracting(DispatchViews.OrderSummary::orderId).containsExactly(other);

        assertThat(queries.find(ORDER, Visibility.nothing())).isEmpty();
        assertThat(queries.list(DispatchQueries.OrderFilter.none(), Visibility.nothing(), PageQuery.first(10)).total()).isZero();

        assertThat(queries.queue(SQUAD, null, huayang, PageQuery.first(10)).total()).isEqualTo(2);
        assertThat(queries.queue(SQUAD, null, Visibility.ofStreet("310105002"), PageQuery.first(10)).total()).isZero();
        assertThat(queries.stats(SQUAD, huayang).dispatched()).isEqualTo(2);
        assertThat(queries.stats(SQUAD, Visibility.ofStreet("310105002")).dispatched()).isZero();
        assertThat(queries.stats(POLICE, police).returned()).isEqualTo(1);
    }

    @Test
    void buckPassingCountsOnlyTheOrdersTheCallerSees() {
        payloads.add(new DispatchOrderReturned(ORDER, "case-7", MARKET, AgencyRole.ASSIST, ReturnReason.OUTSIDE_REMIT, null, 2, T0.plusSeconds(700)));
        payloads.add(new DispatchOrderReassigned(ORDER, "case-7", MARKET, POLICE, AgencyRole.ASSIST, "centre", null, T0.plusSeconds(800)));
        projection.process(records(0, 8));
        assertThat(queries.buckPassing(null, ALL)).singleElement().satisfies(p -> assertThat(p.returns()).isEqualTo(2));
        assertThat(queries.buckPassing(null, Visibility.ofStreet("310105001"))).hasSize(1);
        assertThat(queries.buckPassing(null, Visibility.ofAgency(MARKET))).as("passed on by the market office").hasSize(1);
        assertThat(queries.buckPassing(null, Visibility.ofStreet("310105002"))).isEmpty();
        assertThat(queries.buckPassing("310105001", Visibility.ofAgency(SQUAD + "-elsewhere"))).isEmpty();
    }

    @Test
    void anEventForAnOrderNeverIssuedIsPoison() {
        assertThatThrownBy(() -> projection.process(List.of(record(3, payloads.get(3)))))
                .isInstanceOf(PoisonEventException.class);
    }
}
