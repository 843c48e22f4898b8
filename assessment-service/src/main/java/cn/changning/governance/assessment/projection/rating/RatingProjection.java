package cn.changning.governance.assessment.projection.rating;

import cn.changning.governance.common.consuming.EventBatchHandler;
import cn.changning.governance.common.consuming.EventRecord;
import cn.changning.governance.common.consuming.EventRouter;
import cn.changning.governance.common.consuming.VersionedDocuments;
import cn.changning.governance.contracts.assessment.AgencyAssessmentOpened;
import cn.changning.governance.contracts.assessment.AgencyHeadAwardEligibilityDetermined;
import cn.changning.governance.contracts.assessment.AgencyRatedByDepartment;
import cn.changning.governance.contracts.assessment.AgencyRatedByStreet;
import cn.changning.governance.contracts.assessment.AgencyRatingCorrected;
import cn.changning.governance.contracts.assessment.AgencyRatingProposed;
import cn.changning.governance.contracts.assessment.AssessmentPeriodConfirmed;
import cn.changning.governance.contracts.assessment.AssessmentPeriodOpened;
import cn.changning.governance.contracts.assessment.AssessmentPeriodScored;
import cn.changning.governance.contracts.assessment.RatingSide;
import cn.changning.governance.contracts.assessment.StreetAssessed;
import cn.changning.governance.contracts.assessment.StreetAssessmentConfirmed;
import cn.changning.governance.contracts.assessment.StreetAssessmentCorrected;
import cn.changning.governance.contracts.assessment.StreetAssessmentOpened;
import cn.changning.governance.contracts.assessment.StreetItemScoreRecorded;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static cn.changning.governance.assessment.projection.rating.RatingDocuments.*;

/**
 * The assessment topic into the periods, agency ratings and street sheets read models (consumer group
 * {@code assessment-service.ratings}). Each document follows one aggregate, so each write applies only when the
 * event's sequence is above the document's ({@link VersionedDocuments}): redelivery and replays change nothing.
 */
public class RatingProjection implements EventBatchHandler.BatchProcessor {

    /** One event's change: to which collection, and what. */
    static final class Change {
        String collection;
        final List<Bson> updates = new ArrayList<>();

        void to(String collection, Bson... updates) {
            this.collection = collection;
            this.updates.addAll(List.of(updates));
        }
    }

    private final MongoTemplate mongo;
    private final VersionedDocuments documents;
    private final ObjectMapper objectMapper;
    private final EventRouter<Change> router;

    public RatingProjection(MongoTemplate mongo, VersionedDocuments documents, ObjectMapper objectMapper) {
        this.mongo = mongo;
        this.documents = documents;
        this.objectMapper = objectMapper;
        this.router = EventRouter.using(objectMapper, Change.class)
                .on(AssessmentPeriodOpened.class, (Change c, EventRecord r, AssessmentPeriodOpened e) -> c.to(PERIODS,
                        Updates.set(PERIOD_ID, e.periodId()), Updates.set(PERIOD_KIND, e.periodKind()),
                        Updates.set(AGENCY_SCHEME_ID, e.agencySchemeId()), Updates.set(STREET_SCHEME_ID, e.streetSchemeId()),
                        Updates.set(STATE, "OPEN"), Updates.set(OPENED_AT, e.openedAt().toString())))
                .on(AssessmentPeriodScored.class, (Change c, EventRecord r, AssessmentPeriodScored e) -> c.to(PERIODS,
                        Updates.set(STATE, "SCORED"), Updates.set(AGENCIES_SCORED, e.agenciesScored()),
                        Updates.set(STREETS_SCORED, e.streetsScored()), Updates.set(SCORED_AT, e.scoredAt().toString())))
                .on(AssessmentPeriodConfirmed.class, (Change c, EventRecord r, AssessmentPeriodConfirmed e) -> c.to(PERIODS,
                        Updates.set(STATE, "CONFIRMED"), Updates.set(CONFIRMED_AT, e.confirmedAt().toString())))
                .on(AgencyAssessmentOpened.class, (Change c, EventRecord r, AgencyAssessmentOpened e) -> c.to(AGENCY_RATINGS,
                        Updates.set(PERIOD_ID, e.periodId()), Updates.set(AGENCY_ID, e.agencyId()),
                        Updates.set(STREET_CODE, e.streetCode()), Updates.set(AGENCY_TYPE, e.agencyType()),
                        Updates.set(PARENT_DEPARTMENT, e.parentDepartment()), Updates.set(CORRECTION_COUNT, 0)))
                .on(AgencyRatingProposed.class, (Change c, EventRecord r, AgencyRatingProposed e) -> c.to(AGENCY_RATINGS,
                        Updates.set(INPUTS, document(e.inputs())), Updates.set(CARD, document(e.card())),
                        Updates.set(TOTAL, e.card().total()), Updates.set(PROPOSED_GRADE, e.card().grade().name())))
                .on(AgencyRatedByStreet.class, (Change c, EventRecord r, AgencyRatedByStreet e) -> c.to(AGENCY_RATINGS,
                        Updates.set(STREET_GRADE, e.grade().name()), Updates.set(STREET_REASON, e.reason()),
                        Updates.set(STREET_RATED_BY, e.ratedBy())))
                .on(AgencyRatedByDepartment.class, (Change c, EventRecord r, AgencyRatedByDepartment e) -> c.to(AGENCY_RATINGS,
                        Updates.set(DEPARTMENT_GRADE, e.grade().name()), Updates.set(DEPARTMENT_CODE, e.departmentCode()),
                        Updates.set(HEAD_STAFF_ID, e.headStaffId())))
                .on(AgencyRatingCorrected.class, (Change c, EventRecord r, AgencyRatingCorrected e) -> c.to(AGENCY_RATINGS,
                        Updates.set(e.side() == RatingSide.STREET ? STREET_GRADE : DEPARTMENT_GRADE, e.toGrade().name()),
                        Updates.inc(CORRECTION_COUNT, 1), Updates.push(CORRECTIONS, document(e))))
                .on(AgencyHeadAwardEligibilityDetermined.class, (Change c, EventRecord r, AgencyHeadAwardEligibilityDetermined e) ->
                        c.to(AGENCY_RATINGS, Updates.set(ELIGIBLE, e.eligible()), Updates.set(ELIGIBILITY_REASON, e.reason())))
                .on(StreetAssessmentOpened.class, (Change c, EventRecord r, StreetAssessmentOpened e) -> c.to(STREET_SHEETS,
                        Updates.set(YEAR, e.year()), Updates.set(STREET_CODE, e.streetCode()), Updates.set(CONFIRMED, false),
                        Updates.set(CORRECTION_COUNT, 0)))
                .on(StreetItemScoreRecorded.class, (Change c, EventRecord r, StreetItemScoreRecorded e) -> c.to(STREET_SHEETS,
                        Updates.set(RECORDED_ITEMS + "." + e.itemCode(), e.points())))
                .on(StreetAssessed.class, (Change c, EventRecord r, StreetAssessed e) -> c.to(STREET_SHEETS,
                        Updates.set(INPUTS, document(e.inputs())), Updates.set(CARD, document(e.card())),
                        Updates.set(TOTAL, e.card().total())))
                .on(StreetAssessmentConfirmed.class, (Change c, EventRecord r, StreetAssessmentConfirmed e) -> c.to(STREET_SHEETS,
                        Updates.set(CONFIRMED, true)))
                .on(StreetAssessmentCorrected.class, (Change c, EventRecord r, StreetAssessmentCorrected e) -> c.to(STREET_SHEETS,
                        Updates.set(ITEM_CORRECTIONS + "." + e.itemCode(), e.toPoints()), Updates.set(TOTAL, e.total()),
                        Updates.inc(CORRECTION_COUNT, 1), Updates.push(CORRECTIONS, document(e))));
    }

    public void createIndexes() {
        mongo.getCollection(AGENCY_RATINGS).createIndex(Indexes.ascending(PERIOD_ID, TOTAL));
        mongo.getCollection(AGENCY_RATINGS).createIndex(Indexes.ascending(AGENCY_ID));
        mongo.getCollection(STREET_SHEETS).createIndex(Indexes.ascending(YEAR));
    }

    @Override
    public void process(List<EventRecord> events) {
        Map<String, List<VersionedDocuments.VersionedWrite>> writes = new LinkedHashMap<>();
        for (EventRecord event : events) {
            Change change = new Change();
            if (router.route(change, event) && change.collection != null) {
                writes.computeIfAbsent(change.collection, k -> new ArrayList<>())
                        .add(VersionedDocuments.applyIfNewer(event.subject(), event.sequence(), Updates.combine(change.updates)));
            }
        }
        writes.forEach((collection, list) -> documents.writeNewer(mongo.getCollection(collection), list));
    }

    /** Through JSON text, so the stored form is the published JSON whatever modules the mapper has. */
    private Document document(Object published) {
        try {
            return Document.parse(objectMapper.writeValueAsString(published));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot store " + published.getClass().getSimpleName(), e);
        }
    }
}
