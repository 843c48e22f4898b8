package cn.changning.governance.assessment.projection.indicator;

import cn.changning.governance.assessment.domain.indicator.CaseFacts;
import cn.changning.governance.assessment.domain.indicator.OrderFacts;
import cn.changning.governance.common.consuming.VersionedDocuments;
import cn.changning.governance.contracts.cases.CaseClosed;
import cn.changning.governance.contracts.cases.CaseDispatched;
import cn.changning.governance.contracts.cases.CaseFiled;
import cn.changning.governance.contracts.cases.CaseRejected;
import cn.changning.governance.contracts.cases.CaseReopened;
import cn.changning.governance.contracts.cases.CaseReported;
import cn.changning.governance.contracts.cases.CaseReportedV1;
import cn.changning.governance.contracts.cases.CaseResumed;
import cn.changning.governance.contracts.cases.CaseSentBackForRework;
import cn.changning.governance.contracts.cases.CaseSuspended;
import cn.changning.governance.contracts.dispatch.DispatchOrderClockPaused;
import cn.changning.governance.contracts.dispatch.DispatchOrderClockResumed;
import cn.changning.governance.contracts.dispatch.DispatchOrderExtensionApproved;
import cn.changning.governance.contracts.dispatch.DispatchOrderHandled;
import cn.changning.governance.contracts.dispatch.DispatchOrderIssued;
import cn.changning.governance.contracts.dispatch.DispatchOrderOverdue;
import cn.changning.governance.contracts.dispatch.DispatchOrderReassigned;
import cn.changning.governance.contracts.dispatch.DispatchOrderReissued;
import cn.changning.governance.contracts.dispatch.DispatchOrderReturned;
import cn.changning.governance.contracts.dispatch.DispatchOrderRouted;
import cn.changning.governance.contracts.dispatch.DispatchOrderSentBackForRework;
import cn.changning.governance.contracts.dispatch.DispatchOrderTimerStarted;
import cn.changning.governance.contracts.dispatch.DispatchOrderWithdrawn;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.List;

/** The two indicator projections: orders from the dispatch topic, cases from the case topic. */
public final class IndicatorProjections {

    /** The dispatch events {@link OrderFacts#apply} reads. */
    public static final List<Class<?>> ORDER_EVENTS = List.of(DispatchOrderRouted.class, DispatchOrderIssued.class,
            DispatchOrderTimerStarted.class, DispatchOrderClockPaused.class, DispatchOrderClockResumed.class,
            DispatchOrderExtensionApproved.class, DispatchOrderReissued.class, DispatchOrderHandled.class,
            DispatchOrderOverdue.class, DispatchOrderReturned.class, DispatchOrderReassigned.class,
            DispatchOrderSentBackForRework.class, DispatchOrderWithdrawn.class);

    /** The case events {@link CaseFacts#apply} reads (CaseReportedV1: the v1 records still on the topic). */
    public static final List<Class<?>> CASE_EVENTS = List.of(CaseReported.class, CaseReportedV1.class, CaseFiled.class, CaseDispatched.class,
            CaseSentBackForRework.class, CaseReopened.class, CaseClosed.class, CaseSuspended.class, CaseResumed.class,
            CaseRejected.class);

    private IndicatorProjections() {
    }

    public static IndicatorFactProjection<OrderFacts> orders(MongoTemplate mongo, VersionedDocuments documents,
                                                             ObjectMapper objectMapper) {
        return new IndicatorFactProjection<>(mongo, documents, objectMapper, IndicatorFactFields.ORDERS, ORDER_EVENTS,
                OrderFacts::of, OrderFacts::apply, IndicatorFactFields::orderFacts, IndicatorFactFields::toDocument);
    }

    public static IndicatorFactProjection<CaseFacts> cases(MongoTemplate mongo, VersionedDocuments documents,
                                                           ObjectMapper objectMapper) {
        return new IndicatorFactProjection<>(mongo, documents, objectMapper, IndicatorFactFields.CASES, CASE_EVENTS,
                CaseFacts::of, CaseFacts::apply, IndicatorFactFields::caseFacts, IndicatorFactFields::toDocument);
    }

    /** The indexes of the period queries ({@link IndicatorQueries}): by subject and by the instants of the clocks. */
    public static void createIndexes(MongoTemplate mongo) {
        MongoCollection<Document> orders = mongo.getCollection(IndicatorFactFields.ORDERS);
        orders.createIndex(Indexes.ascending(IndicatorFactFields.DEADLINE));
        orders.createIndex(Indexes.ascending(IndicatorFactFields.ISSUED_AT));
        orders.createIndex(Indexes.ascending(IndicatorFactFields.STREET_CODE, IndicatorFactFields.DEADLINE));
        orders.createIndex(Indexes.ascending(IndicatorFactFields.STREET_CODE, IndicatorFactFields.ISSUED_AT));
        orders.createIndex(Indexes.ascending(IndicatorFactFields.LEAD_AGENCY_ID, IndicatorFactFields.DEADLINE));
        orders.createIndex(Indexes.ascending(IndicatorFactFields.DISPATCHED_TO, IndicatorFactFields.ISSUED_AT));
        MongoCollection<Document> cases = mongo.getCollection(IndicatorFactFields.CASES);
        cases.createIndex(Indexes.ascending(IndicatorFactFields.FILED_AT));
        cases.createIndex(Indexes.ascending(IndicatorFactFields.REPORTED_AT));
        cases.createIndex(Indexes.ascending(IndicatorFactFields.STREET_CODE, IndicatorFactFields.FILED_AT));
        cases.createIndex(Indexes.ascending(IndicatorFactFields.STREET_CODE, IndicatorFactFields.REPORTED_AT));
    }
}
