package cn.changning.governance.dispatch.projection;

import cn.changning.governance.common.consuming.EventBatchHandler;
import cn.changning.governance.common.consuming.EventRecord;
import cn.changning.governance.common.consuming.EventRouter;
import cn.changning.governance.common.consuming.VersionedDocuments;
import cn.changning.governance.contracts.cases.CaseClosed;
import cn.changning.governance.contracts.cases.CaseDispatched;
import cn.changning.governance.contracts.cases.CaseDuplicateLinkRefused;
import cn.changning.governance.contracts.cases.CaseFeedbackRecorded;
import cn.changning.governance.contracts.cases.CaseFiled;
import cn.changning.governance.contracts.cases.CaseHandled;
import cn.changning.governance.contracts.cases.CaseRejected;
import cn.changning.governance.contracts.cases.CaseReopened;
import cn.changning.governance.contracts.cases.CaseResumed;
import cn.changning.governance.contracts.cases.CaseRoundDeadlineSet;
import cn.changning.governance.contracts.cases.CaseSentBackForRework;
import cn.changning.governance.contracts.cases.CaseSuspended;
import cn.changning.governance.contracts.cases.CaseVerified;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * What the dispatch service has seen of the case context: one document per case with the last case
 * event applied and what the dispatch side owes the case (its step, round, hold and round deadline).
 * It proves the services meet only through the event log, shows operators whether dispatch keeps up
 * with the case topic, and is what {@link DispatchConsistency} compares the orders with.
 */
public class CaseIntakeProjection implements EventBatchHandler.BatchProcessor {

    public static final String COLLECTION = "case_intake";
    public static final String LAST_EVENT = "lastEvent";
    public static final String LAST_EVENT_ID = "lastEventId";
    public static final String LAST_EVENT_AT = "lastEventAt";
    public static final String EVENTS_SEEN = "eventsSeen";
    /** The case's step as its events tell it (the case service's step names). */
    public static final String STEP = "step";
    public static final String ROUND = "round";
    public static final String SUSPENDED = "suspended";
    /** The current round's deadline, as the case holds it. */
    public static final String DEADLINE = "deadline";
    /** The case's street, from {@code CaseFiled}: whose centre may see what dispatch saw of it. */
    public static final String STREET_CODE = "streetCode";

    private final MongoTemplate mongo;
    private final VersionedDocuments documents;
    private final EventRouter<List<Bson>> router;

    public CaseIntakeProjection(MongoTemplate mongo, VersionedDocuments documents, ObjectMapper objectMapper) {
        this.mongo = mongo;
        this.documents = documents;
        this.router = EventRouter.using(objectMapper, castList())
                .on(CaseFiled.class, (List<Bson> u, EventRecord r, CaseFiled e) -> {
                    step(u, "FILED");
                    u.add(Updates.set(ROUND, 0));
                    u.add(Updates.set(DEADLINE, date(e.deadline())));
                    u.add(Updates.set(STREET_CODE, e.streetCode()));
                })
                .on(CaseRejected.class, (List<Bson> u, EventRecord r, CaseRejected e) -> step(u, "REJECTED"))
                .on(CaseDuplicateLinkRefused.class, (List<Bson> u, EventRecord r, CaseDuplicateLinkRefused e) -> step(u, e.stepRestored()))
                .on(CaseDispatched.class, (List<Bson> u, EventRecord r, CaseDispatched e) -> step(u, "DISPATCHED"))
                .on(CaseHandled.class, (List<Bson> u, EventRecord r, CaseHandled e) -> step(u, "HANDLED"))
                .on(CaseVerified.class, (List<Bson> u, EventRecord r, CaseVerified e) -> step(u, "VERIFIED"))
                .on(CaseSentBackForRework.class, (List<Bson> u, EventRecord r, CaseSentBackForRework e) -> {
                    step(u, "SENT_BACK");
                    u.add(Updates.set(ROUND, e.reworkRound()));
                })
                .on(CaseReopened.class, (List<Bson> u, EventRecord r, CaseReopened e) -> {
                    step(u, "REOPENED");
                    u.add(Updates.set(ROUND, e.reworkRound()));
                })
                .on(CaseClosed.class, (List<Bson> u, EventRecord r, CaseClosed e) -> step(u, "CLOSED"))
                .on(CaseFeedbackRecorded.class, (List<Bson> u, EventRecord r, CaseFeedbackRecorded e) -> step(u, "ASSESSED"))
                .on(CaseSuspended.class, (List<Bson> u, EventRecord r, CaseSuspended e) -> u.add(Updates.set(SUSPENDED, true)))
                .on(CaseResumed.class, (List<Bson> u, EventRecord r, CaseResumed e) -> {
                    u.add(Updates.set(SUSPENDED, false));
                    if (e.deadline() != null) {
                        u.add(Updates.set(DEADLINE, date(e.deadline())));
                    }
                })
                .on(CaseRoundDeadlineSet.class, (List<Bson> u, EventRecord r, CaseRoundDeadlineSet e) ->
                        u.add(Updates.set(DEADLINE, date(e.deadline()))));
    }

    @Override
    public void process(List<EventRecord> events) {
        List<VersionedDocuments.VersionedWrite> writes = new ArrayList<>(events.size());
        for (EventRecord event : events) {
            List<Bson> updates = new ArrayList<>();
            router.route(updates, event);
            updates.add(Updates.set(LAST_EVENT, event.eventName() != null ? event.eventName() : event.type()));
            updates.add(Updates.set(LAST_EVENT_ID, event.id()));
            updates.add(Updates.set(LAST_EVENT_AT, Date.from(event.time())));
            updates.add(Updates.inc(EVENTS_SEEN, 1));
            writes.add(VersionedDocuments.applyIfNewer(event.subject(), event.sequence(), Updates.combine(updates)));
        }
        documents.writeNewer(mongo.getCollection(COLLECTION), writes);
    }

    public record CaseIntake(String caseId, String lastEvent, long version, int eventsSeen) {
    }

    /**
     * What dispatch saw of the case, if the caller may see the case: a street centre the cases of its street (as
     * {@code CaseFiled} named it: a document written before the street was recorded is visible to no street until
     * the topic is replayed), an agency the cases of whose orders it has or had a part in.
     */
    public Optional<CaseIntake> find(String caseId, Visibility visibility) {
        Bson filter = Filters.eq("_id", caseId);
        switch (visibility.kind()) {
            case EVERYTHING -> { }
            case STREET -> filter = Filters.and(filter, Filters.eq(STREET_CODE, visibility.street()));
            case AGENCY -> {
                Bson ordersOfTheCase = Filters.and(Filters.eq(DispatchOrderDocument.CASE_ID, caseId), visibility.orders());
                if (mongo.getCollection(DispatchOrderDocument.COLLECTION).find(ordersOfTheCase)
                        .projection(new Document(DispatchOrderDocument.ID, 1)).first() == null) {
                    return Optional.empty();
                }
            }
            case NOTHING -> {
                return Optional.empty();
            }
        }
        Document d = mongo.getCollection(COLLECTION).find(filter).first();
        return Optional.ofNullable(d).map(x -> new CaseIntake(x.getString("_id"), x.getString(LAST_EVENT),
                x.get(VersionedDocuments.VERSION, Number.class).longValue(), x.get(EVENTS_SEEN, Number.class).intValue()));
    }

    private static void step(List<Bson> updates, String step) {
        updates.add(Updates.set(STEP, step));
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    @SuppressWarnings("unchecked")
    private static Class<List<Bson>> castList() {
        return (Class<List<Bson>>) (Class<?>) List.class;
    }
}
