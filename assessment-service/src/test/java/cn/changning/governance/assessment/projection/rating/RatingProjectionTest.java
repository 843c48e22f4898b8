package cn.changning.governance.assessment.projection.rating;

import cn.changning.governance.assessment.domain.period.ReportingPeriod;
import cn.changning.governance.assessment.domain.scoring.Grade;
import cn.changning.governance.assessment.domain.scoring.ScoredPeriod;
import cn.changning.governance.assessment.projection.rating.RatingViews.AgencyRow;
import cn.changning.governance.common.consuming.EventRecord;
import cn.changning.governance.common.consuming.VersionedDocuments;
import cn.changning.governance.common.testing.SharedInfrastructure;
import cn.changning.governance.contracts.EventTypes;
import cn.changning.governance.contracts.assessment.AgencyAssessmentOpened;
import cn.changning.governance.contracts.assessment.AgencyGrade;
import cn.changning.governance.contracts.assessment.AgencyHeadAwardEligibilityDetermined;
import cn.changning.governance.contracts.assessment.AgencyRatedByDepartment;
import cn.changning.governance.contracts.assessment.AgencyRatedByStreet;
import cn.changning.governance.contracts.assessment.AgencyRatingCorrected;
import cn.changning.governance.contracts.assessment.AgencyRatingProposed;
import cn.changning.governance.contracts.assessment.AgencyScoringInputs;
import cn.changning.governance.contracts.assessment.AssessmentPeriodOpened;
import cn.changning.governance.contracts.assessment.AssessmentPeriodScored;
import cn.changning.governance.contracts.assessment.IndicatorCount;
import cn.changning.governance.contracts.assessment.PublishedScoreCard;
import cn.changning.governance.contracts.assessment.PublishedScoreLine;
import cn.changning.governance.contracts.assessment.RatingSide;
import cn.changning.governance.contracts.assessment.ResidentFigures;
import cn.changning.governance.contracts.assessment.StreetAssessed;
import cn.changning.governance.contracts.assessment.StreetAssessmentConfirmed;
import cn.changning.governance.contracts.assessment.StreetAssessmentCorrected;
import cn.changning.governance.contracts.assessment.StreetAssessmentOpened;
import cn.changning.governance.contracts.assessment.StreetScoringInputs;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The ratings' read models on the embedded Mongo: scoreboard ranks, corrections, eligibility, redelivery, ScoredPeriods. */
class RatingProjectionTest {

    static final ObjectMapper JSON = JsonMapper.builder().addModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    static final Instant AT = Instant.parse("2032-01-05T02:00:00Z");
    static final String P = "2031";
    static final String SQUAD = "310105001-squad";
    static final String POLICE = "310105001-police";
    static final String MARKET = "310105001-market";

    MongoClient client;
    MongoTemplate mongo;
    RatingProjection projection;
    RatingQueries queries;

    @BeforeEach
    void setUp() {
        client = MongoClients.create(SharedInfrastructure.get().mongo().connectionString());
        mongo = new MongoTemplate(client, "rating_projection_" + UUID.randomUUID().toString().substring(0, 8));
        projection = new RatingProjection(mongo, new VersionedDocuments(VersionedDocuments.Guard.IN_MEMORY_CHECK), JSON);
        queries = new RatingQueries(mongo, JSON);
    }

    @AfterEach
    void tearDown() {
        mongo.getDb().drop();
        client.close();
    }

    static EventRecord record(String subject, long sequence, Object payload) {
        try {
            return new EventRecord(subject + "-" + sequence, EventTypes.cloudEventType(payload.getClass()), subject, sequence,
                    AT, JSON.writeValueAsBytes(payload), "governance.assessment.events", 0, sequence);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static PublishedScoreCard card(double total, AgencyGrade grade) {
        return new PublishedScoreCard("agency-test.v1", total, grade,
                List.of(new PublishedScoreLine("HANDLING_RATE", "handling rate", total / 100, 100, total, "100 × rate")));
    }

    /** An agency's stream: opened, proposed (total), and whatever follows. */
    static List<EventRecord> agency(String agencyId, double total, AgencyGrade grade, Object... more) {
        String id = P + ":" + agencyId;
        List<EventRecord> records = new ArrayList<>();
        records.add(record(id, 0, new AgencyAssessmentOpened(id, P, agencyId, "310105001", "X", "DEPT", "scoring", AT)));
        records.add(record(id, 1, new AgencyRatingProposed(id, P, agencyId, new AgencyScoringInputs(agencyId, "310105001",
                List.of(new IndicatorCount("HANDLING_RATE", (long) total, 100)), new ResidentFigures(0, null, 0, null)),
                card(total, grade), "scoring", AT)));
        for (int i = 0; i < more.length; i++) {
            records.add(record(id, 2 + i, more[i]));
        }
        return records;
    }

    @Test
    void theScoreboardRanksByTotalWithTiesSharingARankAndCountsCorrectionsOnceOnRedelivery() {
        String squadId = P + ":" + SQUAD;
        List<EventRecord> all = new ArrayList<>();
        all.add(record(P, 0, new AssessmentPeriodOpened(P, "YEAR", "agency-test.v1", "street-test.v1", "district-centre", AT)));
        all.add(record(P, 1, new AssessmentPeriodScored(P, 3, 0, "district-centre", AT)));
        all.addAll(agency(SQUAD, 95, AgencyGrade.EXCELLENT,
                new AgencyRatedByStreet(squadId, P, SQUAD, "310105001", AgencyGrade.EXCELLENT, AgencyGrade.EXCELLENT, null, "street", AT),
                new AgencyRatedByDepartment(squadId, P, SQUAD, "DEPT", AgencyGrade.EXCELLENT, "head-0042", "dept", AT),
                new AgencyHeadAwardEligibilityDetermined(squadId, P, SQUAD, "head-0042", true, "rated EXCELLENT", AT),
                new AgencyRatingCorrected(squadId, P, SQUAD, RatingSide.STREET, AgencyGrade.EXCELLENT, AgencyGrade.GOOD, "appeal", false, "d", AT),
                new AgencyRatingCorrected(squadId, P, SQUAD, RatingSide.DEPARTMENT, AgencyGrade.EXCELLENT, AgencyGrade.GOOD, "veto", true, "d", AT),
                new AgencyHeadAwardEligibilityDetermined(squadId, P, SQUAD, "head-0042", false, "not rated EXCELLENT", AT)));
        all.addAll(agency(POLICE, 80, AgencyGrade.GOOD));
        all.addAll(agency(MARKET, 80, AgencyGrade.GOOD));
        projection.process(all);
        projection.process(all); // redelivered: nothing changes twice
        projection.process(List.of(all.get(4))); // an old event of the squad after its newer ones: skipped

        List<AgencyRow> board = queries.scoreboard(P, r -> true);
        // By hand: 95 → rank 1; 80 and 80 share rank 2 (market before police by id).
        assertThat(board).extracting(AgencyRow::agencyId).containsExactly(SQUAD, MARKET, POLICE);
        assertThat(board).extracting(AgencyRow::rank).containsExactly(1, 2, 2);
        AgencyRow squad = board.get(0);
        assertThat(squad.corrections()).isEqualTo(2);
        assertThat(squad.streetGrade()).isEqualTo("GOOD");
        assertThat(squad.departmentGrade()).isEqualTo("GOOD");
        assertThat(squad.proposedGrade()).isEqualTo("EXCELLENT");
        assertThat(squad.headEligible()).isFalse();
        assertThat(queries.eligibility(2031, a -> true)).singleElement().satisfies(e -> {
            assertThat(e.headStaffId()).isEqualTo("head-0042");
            assertThat(e.eligible()).isFalse();
            assertThat(e.reason()).isEqualTo("not rated EXCELLENT");
        });
        assertThat(queries.agency(P, SQUAD).orElseThrow().correctionLog()).hasSize(2);

        ScoredPeriod scored = queries.find(ReportingPeriod.year(2031)).orElseThrow();
        assertThat(scored.confirmed()).isFalse();
        assertThat(scored.agencies()).hasSize(3);
        assertThat(scored.agencies()).filteredOn(a -> a.inputs().agencyId().equals(SQUAD)).singleElement()
                .satisfies(a -> assertThat(a.card().grade()).as("the corrected street grade").isEqualTo(Grade.GOOD));
        assertThat(queries.missing(ReportingPeriod.year(2031), List.of(SQUAD, POLICE, "310105001-housing"), List.of()))
                .containsExactly(POLICE + ": its street has not confirmed its rating", "310105001-housing: not scored");
    }

    @Test
    void aStreetSheetShowsItsCorrectionsInItsLinesAndTotal() {
        String id = "2031:street:310105001";
        PublishedScoreCard card = new PublishedScoreCard("street-test.v1", 31, null, List.of(
                new PublishedScoreLine("SATISFACTION", "satisfaction", 80.0, 30, 24, "× 0.3"),
                new PublishedScoreLine("A1", "A1", 7.0, 10, 7, "recorded")));
        List<EventRecord> records = List.of(
                record(P, 0, new AssessmentPeriodOpened(P, "YEAR", "agency-test.v1", "street-test.v1", "district-centre", AT)),
                record(id, 0, new StreetAssessmentOpened(id, 2031, "310105001", "d", AT)),
                record(id, 1, new StreetAssessed(id, 2031, "310105001", new StreetScoringInputs("310105001", List.of(),
                        new ResidentFigures(1000, 80.0, 0, null), Map.of("A1", 7.0)), card, "d", AT)),
                record(id, 2, new StreetAssessmentConfirmed(id, 2031, "310105001", 31, "d", AT)),
                record(id, 3, new StreetAssessmentCorrected(id, 2031, "310105001", "A1", 7, 9, 33, "re-inspected", "d", AT)));
        projection.process(records);
        projection.process(records);
        var sheet = queries.street(2031, "310105001").orElseThrow();
        assertThat(sheet.row().total()).isEqualTo(33.0);
        assertThat(sheet.row().confirmed()).isTrue();
        assertThat(sheet.row().corrections()).isEqualTo(1);
        assertThat(sheet.card().lines()).extracting(PublishedScoreLine::points).containsExactly(24.0, 9.0);
        assertThat(queries.streets(2031)).singleElement().satisfies(r -> assertThat(r.rank()).isEqualTo(1));
    }
}
