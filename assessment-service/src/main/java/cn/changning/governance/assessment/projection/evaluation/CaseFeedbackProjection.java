package cn.changning.governance.assessment.projection.evaluation;

import cn.changning.governance.assessment.domain.evaluation.FeedbackScores;
import cn.changning.governance.common.consuming.EventBatchHandler;
import cn.changning.governance.common.consuming.EventRecord;
import cn.changning.governance.common.consuming.EventRouter;
import cn.changning.governance.common.consuming.VersionedDocuments;
import cn.changning.governance.contracts.cases.CaseDispatched;
import cn.changning.governance.contracts.cases.CaseFeedbackRecorded;
import cn.changning.governance.contracts.cases.CaseFiled;
import cn.changning.governance.contracts.cases.CaseHandled;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import static cn.changning.governance.assessment.projection.evaluation.EvaluationDocuments.*;

/**
 * Per-case feedback (群众测评 of a case) from the case topic: one document per case with the street its
 * {@code CaseFiled} named, its lead agency (the last {@code CaseDispatched} or {@code CaseHandled} named) and its last
 * {@code CaseFeedbackRecorded}: satisfied 100, basically satisfied 80, dissatisfied 0, counted in the month, quarter
 * and year of the feedback's date in the working calendar's zone. Idempotent and ordered per case by sequence
 * ({@link VersionedDocuments}): a redelivered or older event changes nothing.
 */
public class CaseFeedbackProjection implements EventBatchHandler.BatchProcessor {

    private final MongoTemplate mongo;
    private final VersionedDocuments documents;
    private final ZoneId zone;
    private final EventRouter<List<Bson>> router;

    public CaseFeedbackProjection(MongoTemplate mongo, VersionedDocuments documents, ObjectMapper objectMapper, ZoneId zone) {
        this.mongo = mongo;
        this.documents = documents;
        this.zone = zone;
        this.router = EventRouter.using(objectMapper, castList())
                .on(CaseFiled.class, (List<Bson> u, EventRecord r, CaseFiled e) -> u.add(Updates.set(STREET_CODE, e.streetCode())))
                .on(CaseDispatched.class, (List<Bson> u, EventRecord r, CaseDispatched e) -> u.add(Updates.set(LEAD_AGENCY_ID, e.leadAgencyId())))
                .on(CaseHandled.class, (List<Bson> u, EventRecord r, CaseHandled e) -> u.add(Updates.set(LEAD_AGENCY_ID, e.leadAgencyId())))
                .on(CaseFeedbackRecorded.class, (List<Bson> u, EventRecord r, CaseFeedbackRecorded e) -> {
                    LocalDate on = e.recordedAt().atZone(zone).toLocalDate();
                    u.add(Updates.set(SATISFACTION, e.satisfaction().name()));
                    u.add(Updates.set(FEEDBACK_SCORE, FeedbackScores.of(e.satisfaction())));
                    u.add(Updates.set(FEEDBACK_AT, Date.from(e.recordedAt())));
                    u.add(Updates.set(FEEDBACK_ON, on.toString()));
                    u.add(Updates.set(PERIODS, SurveyResponseProjection.periodIds(on)));
                });
    }

    public void createIndexes() {
        mongo.getCollection(FEEDBACK).createIndex(Indexes.ascending(PERIODS), new IndexOptions().name("by_period"));
    }

    @Override
    public void process(List<EventRecord> events) {
        List<VersionedDocuments.VersionedWrite> writes = new ArrayList<>();
        for (EventRecord event : events) {
            List<Bson> updates = new ArrayList<>();
            if (router.route(updates, event) && !updates.isEmpty()) {
                writes.add(VersionedDocuments.applyIfNewer(event.subject(), event.sequence(), Updates.combine(updates)));
            }
        }
        documents.writeNewer(mongo.getCollection(FEEDBACK), writes);
    }

    @SuppressWarnings("unchecked")
    private static Class<List<Bson>> castList() {
        return (Class<List<Bson>>) (Class<?>) List.class;
    }
}
