package cn.changning.governance.partyregistry.projection.statistics;

import cn.changning.governance.common.consuming.EventRecord;
import cn.changning.governance.common.consuming.VersionedDocuments;
import cn.changning.governance.contracts.EventTypes;
import cn.changning.governance.contracts.Topics;
import cn.changning.governance.contracts.personal.SealedValue;
import cn.changning.governance.contracts.registry.AreaSecretaryAppointed;
import cn.changning.governance.contracts.registry.BuildingRegistered;
import cn.changning.governance.contracts.registry.CommunityPoliceOfficerAssigned;
import cn.changning.governance.contracts.registry.CommunityPoliceOfficerRegistered;
import cn.changning.governance.contracts.registry.CommunityPoliceOfficerReleased;
import cn.changning.governance.contracts.registry.DeputySecretaryCrossAppointed;
import cn.changning.governance.contracts.registry.Gender;
import cn.changning.governance.contracts.registry.PartyMemberCategory;
import cn.changning.governance.contracts.registry.PartyMemberDataErased;
import cn.changning.governance.contracts.registry.PartyMemberRegistered;
import cn.changning.governance.contracts.registry.PartyMembershipTransferred;
import cn.changning.governance.contracts.registry.PartyOrganizationKind;
import cn.changning.governance.contracts.registry.PartyOrganizationLevel;
import cn.changning.governance.contracts.registry.PartyOrganizationRegistered;
import cn.changning.governance.contracts.registry.PartyWorkerRegistered;
import cn.changning.governance.contracts.registry.ResidentUnitCategory;
import cn.changning.governance.contracts.registry.ResidentUnitRegistered;
import cn.changning.governance.contracts.registry.TradeUnionRegistered;
import cn.changning.governance.contracts.registry.YouthLeagueOrganizationRegistered;
import cn.changning.governance.partyregistry.projection.statistics.StatisticsFields.Scope;
import cn.changning.governance.partyregistry.support.PartyRegistryIntegrationTest;
import cn.changning.governance.reference.geography.Geography;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statistics on a hand-checked dataset, projected into a read model of the test's own (fresh collections on the
 * embedded Mongo, so the district's figures hold only these facts). Every expected figure below is computed by hand
 * from the table in {@link #dataset()}; the comments show the arithmetic. Then: the same records redelivered, replayed
 * in other batches, replayed into a fresh read model, and redelivered after a crash between the counters' write and
 * the subjects' write, change nothing; and a member's erasure changes no figure.
 */
class ResidentialAreaStatisticsTest extends PartyRegistryIntegrationTest {

    // Huayang Road street (16 areas) and Jiangsu Road street (17 areas).
    private static final String S1 = "310105001";
    private static final String S2 = "310105002";
    private static final String A1 = "310105001001";
    private static final String A2 = "310105001002";
    private static final String A3 = "310105001003";
    private static final String B1 = "310105002001";
    private static final String B2 = "310105002002";
    private static final LocalDate ON = LocalDate.of(2026, 12, 1);
    private static final SealedValue SEALED = new SealedValue("party-member:x", "c2VhbGVk");

    @Autowired
    MongoTemplate mongo;
    @Autowired
    VersionedDocuments versionedDocuments;
    @Autowired
    Geography geography;

    private final Map<Integer, Long> nextOffset = new HashMap<>();
    private final Map<String, Long> nextSequence = new HashMap<>();
    private String counters;
    private String subjects;

    @BeforeEach
    void freshReadModel() {
        freshCollections();
    }

    private void freshCollections() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        counters = "test_statistics_" + suffix;
        subjects = "test_statistics_subjects_" + suffix;
    }

    private StatisticsProjection projection() {
        return new StatisticsProjection(mongo, versionedDocuments, objectMapper, counters, subjects);
    }

    private StatisticsQueries queries() {
        return new StatisticsQueries(mongo, counters);
    }

    @Test
    void theFiguresAreTheHandCheckedOnesAndNoRedeliveryReplayOrErasureChangesThem() {
        // The coverage's denominators are the reference data's: 185 areas, 16 in Huayang Road street.
        assertThat(geography.residentialAreas()).hasSize(185);
        assertThat(geography.residentialAreasInSubdistrict(S1)).hasSize(16);
        List<EventRecord> records = dataset();
        List<EventRecord> erasure = List.of(record("member-5", new PartyMemberDataErased(member(5), "party-member:" + member(5),
                Instant.parse("2026-11-30T00:00:00Z"))));
        List<List<EventRecord>> batches = batches(records, 40);
        batches.forEach(projection()::process);

        Figures expected = handChecked();
        assertThat(figures()).isEqualTo(expected);

        // A redelivered batch, then the whole topic replayed in batches of another size: nothing changes.
        projection().process(batches.get(3));
        batches(records, 7).forEach(projection()::process);
        assertThat(figures()).isEqualTo(expected);

        // The member's erasure: no figure moves (the statistics hold no personal value).
        projection().process(erasure);
        assertThat(figures()).isEqualTo(expected);

        // A replay into a fresh read model, in one batch, gives the same figures.
        freshCollections();
        List<EventRecord> all = new ArrayList<>(records);
        all.addAll(erasure);
        projection().process(all);
        assertThat(figures()).isEqualTo(expected);
    }

    /** The gauges read the same counters as the API: on 2026-12-01 two of Huayang Road's 16 areas have an officer (A1, A2). */
    @Test
    void thePoliceCoverageGaugesShowTheStreetsCoverageOnTheServiceClocksDay() {
        batches(dataset(), 40).forEach(projection()::process);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Clock onTheDay = Clock.fixed(ON.atStartOfDay(ZoneId.of("Asia/Shanghai")).plusHours(9).toInstant(), ZoneId.of("Asia/Shanghai"));
        PoliceCoverageGauges gauges = new PoliceCoverageGauges(queries(), onTheDay, Map.of(S1, 16L, S2, 17L), meters);
        assertThat(meters.get(PoliceCoverageGauges.AREAS_WITH_OFFICER).tag("street", S1).gauge().value()).as("before the first refresh")
                .isZero();

        gauges.refresh();
        assertThat(meters.get(PoliceCoverageGauges.AREAS).tag("street", S1).gauge().value()).isEqualTo(16.0);
        assertThat(meters.get(PoliceCoverageGauges.AREAS_WITH_OFFICER).tag("street", S1).gauge().value()).isEqualTo(2.0);
        assertThat(meters.get(PoliceCoverageGauges.RATIO).tag("street", S1).gauge().value()).isEqualTo(2.0 / 16);
        // B1's O5 is in post from 2026-11-20: Jiangsu Road has one of its 17 areas covered
        assertThat(meters.get(PoliceCoverageGauges.AREAS_WITH_OFFICER).tag("street", S2).gauge().value()).isEqualTo(1.0);
    }

    @Test
    void aBatchRedeliveredAfterACrashBetweenTheCountersAndTheSubjectsIsCountedOnce() {
        List<EventRecord> records = dataset();
        List<List<EventRecord>> batches = batches(records, 25);
        // The batch with the transfers and the secretary's replacement: counts that depend on the subjects' state.
        int crashed = batches.size() - 1;
        for (int i = 0; i < crashed; i++) {
            projection().process(batches.get(i));
        }
        List<Document> subjectsBefore = mongo.getCollection(subjects).find().into(new ArrayList<>());
        projection().process(batches.get(crashed));
        // The crash: the counters were written, the subjects were not.
        mongo.getCollection(subjects).drop();
        if (!subjectsBefore.isEmpty()) {
            mongo.getCollection(subjects).insertMany(subjectsBefore);
        }
        projection().process(batches.get(crashed)); // redelivered
        assertThat(figures()).isEqualTo(handChecked());
    }

    /** Everything the API answers from the counters, as one comparable value. */
    record Figures(Object district, Object streets, Object areas, Object secretaries, Object secretariesNextYear,
                   Object secretariesS1, Object coverage, Object coverageNextDay, Object coverageS1, Object workers,
                   Object share2026, Object trends, Object trendsS1) {
    }

    private Figures figures() {
        StatisticsQueries q = queries();
        return new Figures(q.placeCounts(Scope.DISTRICT, List.of(StatisticsFields.DISTRICT_CODE)).get(0),
                q.placeCounts(Scope.STREET, List.of(S1, S2)), q.placeCounts(Scope.AREA, List.of(A1, A2, A3, B1, B2)),
                q.secretaries507030(Scope.DISTRICT, StatisticsFields.DISTRICT_CODE, ON),
                q.secretaries507030(Scope.DISTRICT, StatisticsFields.DISTRICT_CODE, LocalDate.of(2027, 6, 1)),
                q.secretaries507030(Scope.STREET, S1, ON),
                q.coverage(Scope.DISTRICT, StatisticsFields.DISTRICT_CODE, ON, 185),
                q.coverage(Scope.DISTRICT, StatisticsFields.DISTRICT_CODE, ON.plusDays(1), 185),
                q.coverage(Scope.STREET, S1, ON, 16),
                q.workers(Scope.STREET, List.of(S1, S2)),
                q.newMembersPoliceShare(2026),
                q.monthlyTrends(Scope.DISTRICT, StatisticsFields.DISTRICT_CODE, YearMonth.of(2026, 1), YearMonth.of(2026, 12)),
                q.monthlyTrends(Scope.STREET, S1, YearMonth.of(2026, 3), YearMonth.of(2026, 7)));
    }

    /** The figures computed by hand from the dataset's table. */
    private Figures handChecked() {
        StatisticsQueries q = queries();
        Figures actual = figures();
        // Checked field by field (so a failure names the figure), then kept whole for the comparisons after replays.
        StatisticsViews.PlaceCounts district = (StatisticsViews.PlaceCounts) actual.district();
        // Organisations: RESIDENTIAL_AREA G1, G3; OFFICE_BUILDING G2; TWO_NEW G4, G5.
        assertThat(district.organizations().total()).isEqualTo(5);
        assertThat(district.organizations().by()).containsEntry("RESIDENTIAL_AREA", 2L).containsEntry("OFFICE_BUILDING", 1L)
                .containsEntry("TWO_NEW", 2L).containsEntry("RESIDENT_UNIT", 0L);
        // Members: FULL 10 (M1-10) + 6 (M13-18) + 4 (M21-24) = 20; PROBATIONARY 2 (M11-12) + 2 (M19-20) = 4.
        assertThat(district.members().by()).containsEntry("FULL", 20L).containsEntry("PROBATIONARY", 4L);
        assertThat(district.members().total()).isEqualTo(24);
        assertThat(district.buildings()).isEqualTo(2);
        // Units: S1 100 NEW_ECONOMIC + 51 NEW_SOCIAL + 3 STATE_OWNED; S2 150 NEW_SOCIAL.
        assertThat(district.residentUnits().total()).isEqualTo(304);
        assertThat(district.twoNewOrganizations()).isEqualTo(301);
        assertThat(district.youthLeagueOrganizations()).isEqualTo(2);
        assertThat(district.youthLeagueMembers()).isEqualTo(42); // 30 + 12
        assertThat(district.tradeUnions()).isEqualTo(1);
        assertThat(district.tradeUnionMembers()).isEqualTo(200);
        assertThat(district.fullTimeWorkers()).isEqualTo(2);
        assertThat(district.partTimeWorkers()).isEqualTo(1);

        @SuppressWarnings("unchecked")
        List<StatisticsViews.PlaceCounts> streets = (List<StatisticsViews.PlaceCounts>) actual.streets();
        // S1: M1-12 and M21-24 registered there (14 FULL, 2 PROBATIONARY), M1 transferred to B2 in S2: 13 FULL, 2 PROB.
        assertThat(streets.get(0).members().by()).containsEntry("FULL", 13L).containsEntry("PROBATIONARY", 2L);
        // S2: M13-20 (6 FULL, 2 PROB) + M1: 7 FULL, 2 PROB.
        assertThat(streets.get(1).members().by()).containsEntry("FULL", 7L).containsEntry("PROBATIONARY", 2L);
        assertThat(streets.get(0).twoNewOrganizations()).isEqualTo(151);
        assertThat(streets.get(1).twoNewOrganizations()).isEqualTo(150);

        @SuppressWarnings("unchecked")
        List<StatisticsViews.PlaceCounts> areas = (List<StatisticsViews.PlaceCounts>) actual.areas();
        // A1: M1-12 less M1 = 9 FULL + 2 PROB; A2: M21-24 less M21 = 3; A3: M21 = 1; B1: M13-18 = 6; B2: M1 = 1.
        assertThat(areas.stream().map(a -> a.members().total()).toList()).containsExactly(11L, 3L, 1L, 6L, 1L);
        assertThat(areas.get(0).organizations().by()).containsEntry("RESIDENTIAL_AREA", 1L);
        assertThat(areas.get(0).buildings()).isEqualTo(1);

        // 507030 on 2026-12-01, secretaries in office: A1 1975 Y, A2 1979 Y (replaced 1962 N), A3 1984 Y, B1 1965 N, B2 1967 N.
        StatisticsViews.Secretaries507030 s = (StatisticsViews.Secretaries507030) actual.secretaries();
        assertThat(s.secretaries()).isEqualTo(5);
        assertThat(s.careerEstablishment().count()).isEqualTo(3); // 3/5 = 0.6 >= 0.5
        assertThat(s.careerEstablishment().share()).isEqualByComparingTo("0.6");
        assertThat(s.careerEstablishment().met()).isTrue();
        // Working age: 2026 - birth year < 60 for 1975, 1979, 1984, 1967 (59); not 1965 (61): 4/5 = 0.8 >= 0.7.
        assertThat(s.workingAge().count()).isEqualTo(4);
        assertThat(s.workingAge().met()).isTrue();
        // Born 1970-1989: 1975, 1979, 1984: 3/5 = 0.6 >= 0.3.
        assertThat(s.bornIn1970sOr1980s().count()).isEqualTo(3);
        assertThat(s.allMet()).isTrue();
        // Reported in 2027 the secretary born 1967 is 60: working age 3/5 = 0.6 < 0.7, not met.
        StatisticsViews.Secretaries507030 next = (StatisticsViews.Secretaries507030) actual.secretariesNextYear();
        assertThat(next.workingAge().count()).isEqualTo(3);
        assertThat(next.workingAge().share()).isEqualByComparingTo("0.6");
        assertThat(next.workingAge().met()).isFalse();
        assertThat(next.allMet()).isFalse();
        // Street S1: A1, A2, A3: all on career establishment, of working age, born 1970-1989.
        StatisticsViews.Secretaries507030 s1 = (StatisticsViews.Secretaries507030) actual.secretariesS1();
        assertThat(List.of(s1.secretaries(), s1.careerEstablishment().count(), s1.workingAge().count(),
                s1.bornIn1970sOr1980s().count())).containsExactly(3L, 3L, 3L, 3L);

        // Coverage on 2026-12-01. In post: O1 in A1 from 2021-12-02, O4 in A2 from 2024-06-01 (O2 released),
        // O5 in B1 from 2026-11-20 (O3 released, and with O3 the deputy post of B1).
        StatisticsViews.PoliceCoverage c = (StatisticsViews.PoliceCoverage) actual.coverage();
        assertThat(c.areasWithOfficer()).isEqualTo(3); // A1, A2, B1
        assertThat(c.areasWithoutOfficer()).isEqualTo(182); // 185 - 3
        assertThat(c.officersInPost()).isEqualTo(3);
        assertThat(c.officersInPostUnderFiveYears()).isEqualTo(3); // O1's 5 years end on 2026-12-02
        assertThat(c.officersRegistered()).isEqualTo(5);
        assertThat(c.partyMemberOfficers().count()).isEqualTo(3); // O1, O3, O4
        assertThat(c.partyMemberOfficers().share()).isEqualByComparingTo("0.6");
        assertThat(c.areasWithCrossAppointedDeputy().count()).isEqualTo(1); // A1 (O1); B1's ended with O3's release
        assertThat(c.areasWithCrossAppointedDeputy().share()).isEqualByComparingTo("0.0054"); // 1/185
        assertThat(c.releasesWithinFiveYears()).isEqualTo(2); // O2 after 2 years 3 months, O3 after 4 years 11 months
        StatisticsViews.PoliceCoverage nextDay = (StatisticsViews.PoliceCoverage) actual.coverageNextDay();
        assertThat(nextDay.officersInPostUnderFiveYears()).isEqualTo(2); // O1 has served 5 years on 2026-12-02
        // Reported on 2026-11-19, O5 (first day 2026-11-20) is not yet in post: O1 and O4.
        assertThat(q.coverage(Scope.DISTRICT, StatisticsFields.DISTRICT_CODE, LocalDate.of(2026, 11, 19), 185).officersInPost())
                .isEqualTo(2);
        StatisticsViews.PoliceCoverage cs1 = (StatisticsViews.PoliceCoverage) actual.coverageS1();
        assertThat(List.of(cs1.areas(), cs1.areasWithOfficer(), cs1.areasWithoutOfficer())).containsExactly(16L, 2L, 14L);

        // Workers: S1 1 full-time for 151 two-new: 150/151 = 0.9934 per 150, ceil(151/150) = 2 needed, not met;
        // S2 1 full-time for 150: 1.0000, 1 needed, met.
        @SuppressWarnings("unchecked")
        List<StatisticsViews.WorkerRatio> workers = (List<StatisticsViews.WorkerRatio>) actual.workers();
        assertThat(workers.get(0).fullTimeWorkersPer150()).isEqualByComparingTo("0.9934");
        assertThat(workers.get(0).fullTimeWorkersRequired()).isEqualTo(2);
        assertThat(workers.get(0).met()).isFalse();
        assertThat(workers.get(1).fullTimeWorkersPer150()).isEqualByComparingTo("1.0000");
        assertThat(workers.get(1).met()).isTrue();
        StatisticsViews.WorkerRatio districtWorkers = q.workers(Scope.DISTRICT, List.of(StatisticsFields.DISTRICT_CODE)).get(0);
        assertThat(districtWorkers.fullTimeWorkersPer150()).isEqualByComparingTo("0.9967"); // 2 x 150 / 301
        assertThat(districtWorkers.fullTimeWorkersRequired()).isEqualTo(3);

        // 2026's new members: 12 (March) + 8 (July) = 20; officers who joined the party in 2026: O1, O4 = 2; 2/20 = 0.10.
        StatisticsViews.NewMembersPoliceShare share = (StatisticsViews.NewMembersPoliceShare) actual.share2026();
        assertThat(share.communityPoliceShare().count()).isEqualTo(2);
        assertThat(share.communityPoliceShare().of()).isEqualTo(20);
        assertThat(share.communityPoliceShare().share()).isEqualByComparingTo(new BigDecimal("0.1"));
        assertThat(share.communityPoliceShare().met()).isTrue();

        // Trends: members 2026-03: 12, 2026-07: 8; organisations founded 2026-03: G1, G3; 2026-07: G4.
        @SuppressWarnings("unchecked")
        List<StatisticsViews.MonthlyTrend> trends = (List<StatisticsViews.MonthlyTrend>) actual.trends();
        assertThat(trends).hasSize(12);
        assertThat(trends.get(2)).isEqualTo(new StatisticsViews.MonthlyTrend("2026-03", 12, 2));
        assertThat(trends.get(6)).isEqualTo(new StatisticsViews.MonthlyTrend("2026-07", 8, 1));
        assertThat(trends.stream().mapToLong(StatisticsViews.MonthlyTrend::membersJoined).sum()).isEqualTo(20);
        @SuppressWarnings("unchecked")
        List<StatisticsViews.MonthlyTrend> trendsS1 = (List<StatisticsViews.MonthlyTrend>) actual.trendsS1();
        // In S1 only M1-12 (March) and G1 (March); the July members and G4 are S2's.
        assertThat(trendsS1.get(0)).isEqualTo(new StatisticsViews.MonthlyTrend("2026-03", 12, 1));
        assertThat(trendsS1.get(4)).isEqualTo(new StatisticsViews.MonthlyTrend("2026-07", 0, 0));
        return actual;
    }

    /** The hand-checked dataset, in the order the registry would publish it. */
    private List<EventRecord> dataset() {
        List<EventRecord> r = new ArrayList<>();
        // Organisations.
        r.add(org("G1", S1, A1, PartyOrganizationKind.RESIDENTIAL_AREA, LocalDate.of(2026, 3, 1)));
        r.add(org("G2", S1, null, PartyOrganizationKind.OFFICE_BUILDING, LocalDate.of(2001, 5, 5)));
        r.add(org("G3", S2, B1, PartyOrganizationKind.RESIDENTIAL_AREA, LocalDate.of(2026, 3, 15)));
        r.add(org("G4", S2, null, PartyOrganizationKind.TWO_NEW, LocalDate.of(2026, 7, 1)));
        r.add(org("G5", S2, null, PartyOrganizationKind.TWO_NEW, null));
        // Members: M1-10 S1/A1 FULL 2026-03-10; M11-12 S1/A1 PROBATIONARY 2026-03-20; M13-18 S2/B1 FULL 2026-07-01;
        // M19-20 S2 (no area) PROBATIONARY 2026-07-09; M21-24 S1/A2 FULL 2015-06-30.
        for (int i = 1; i <= 24; i++) {
            String street = i <= 12 || i >= 21 ? S1 : S2;
            String area = i <= 12 ? A1 : i <= 18 ? B1 : i <= 20 ? null : A2;
            PartyMemberCategory category = (i == 11 || i == 12 || i == 19 || i == 20) ? PartyMemberCategory.PROBATIONARY
                    : PartyMemberCategory.FULL;
            LocalDate joined = i <= 10 ? LocalDate.of(2026, 3, 10) : i <= 12 ? LocalDate.of(2026, 3, 20)
                    : i <= 18 ? LocalDate.of(2026, 7, 1) : i <= 20 ? LocalDate.of(2026, 7, 9) : LocalDate.of(2015, 6, 30);
            r.add(record("member-" + i, new PartyMemberRegistered(member(i), "org", SEALED, SEALED, null, null, Gender.FEMALE,
                    1980, category, joined, street, area)));
        }
        r.add(record("b1", new BuildingRegistered("b1", "B-1", "Tower", S1, A1, 30)));
        r.add(record("b2", new BuildingRegistered("b2", "B-2", "Plaza", S2, null, 12)));
        for (int i = 0; i < 154; i++) {
            ResidentUnitCategory category = i < 100 ? ResidentUnitCategory.NEW_ECONOMIC : i < 151 ? ResidentUnitCategory.NEW_SOCIAL
                    : ResidentUnitCategory.STATE_OWNED;
            r.add(record("u1-" + i, new ResidentUnitRegistered("u1-" + i, "c1-" + i, "unit", category, S1, null, null, 5)));
        }
        for (int i = 0; i < 150; i++) {
            r.add(record("u2-" + i, new ResidentUnitRegistered("u2-" + i, "c2-" + i, "unit", ResidentUnitCategory.NEW_SOCIAL,
                    S2, null, null, 5)));
        }
        r.add(record("y1", new YouthLeagueOrganizationRegistered("y1", "Y-1", "league", S1, null, 30)));
        r.add(record("y2", new YouthLeagueOrganizationRegistered("y2", "Y-2", "league", S2, null, 12)));
        r.add(record("t1", new TradeUnionRegistered("t1", "T-1", "union", S2, null, 200)));
        r.add(record("w1", new PartyWorkerRegistered("w1", "W-1", SEALED, S1, true)));
        r.add(record("w2", new PartyWorkerRegistered("w2", "W-2", SEALED, S1, false)));
        r.add(record("w3", new PartyWorkerRegistered("w3", "W-3", SEALED, S2, true)));
        // Officers: O1 member joined 2026-07-01; O2 not; O3 member joined 2010-05-04; O4 member joined 2026-03-15; O5 not.
        r.add(officer("O1", "pm-1", LocalDate.of(2026, 7, 1), S1));
        r.add(officer("O2", null, null, S1));
        r.add(officer("O3", "pm-3", LocalDate.of(2010, 5, 4), S2));
        r.add(officer("O4", "pm-4", LocalDate.of(2026, 3, 15), S1));
        r.add(officer("O5", null, null, S2));
        // Secretaries (a 1962-born on no establishment in A2, replaced by a 1979-born on it).
        r.add(secretary(A1, "s1", 1975, true, null));
        r.add(secretary(A2, "s2", 1962, false, null));
        r.add(secretary(A3, "s3", 1984, true, null));
        r.add(secretary(B1, "s4", 1965, false, null));
        r.add(secretary(B2, "s5", 1967, false, null));
        // Police in the areas: first in, then out.
        r.add(area(A1, new CommunityPoliceOfficerAssigned(A1, "O1", LocalDate.of(2021, 12, 2), false)));
        r.add(area(A1, new DeputySecretaryCrossAppointed(A1, "O1", "pm-1", LocalDate.of(2022, 1, 1), null)));
        r.add(area(A2, new CommunityPoliceOfficerAssigned(A2, "O2", LocalDate.of(2022, 3, 1), false)));
        r.add(area(A2, new CommunityPoliceOfficerAssigned(A2, "O4", LocalDate.of(2024, 6, 1), true)));
        r.add(area(A2, new CommunityPoliceOfficerReleased(A2, "O2", LocalDate.of(2022, 3, 1), LocalDate.of(2024, 6, 15), true, false)));
        r.add(area(B1, new CommunityPoliceOfficerAssigned(B1, "O3", LocalDate.of(2021, 12, 2), false)));
        r.add(area(B1, new DeputySecretaryCrossAppointed(B1, "O3", "pm-3", LocalDate.of(2022, 2, 1), null)));
        r.add(area(B1, new CommunityPoliceOfficerAssigned(B1, "O5", LocalDate.of(2026, 11, 20), true)));
        r.add(area(B1, new CommunityPoliceOfficerReleased(B1, "O3", LocalDate.of(2021, 12, 2), LocalDate.of(2026, 11, 25), true, true)));
        // Transfers: M1 from A1 (S1) to B2 (S2); M21 from A2 to A3 (same street). The secretary of A2 is replaced.
        r.add(record("member-1", new PartyMembershipTransferred(member(1), "org", "org2", S2, B2, LocalDate.of(2026, 9, 1), "moved")));
        r.add(record("member-21", new PartyMembershipTransferred(member(21), "org", "org3", S1, A3, LocalDate.of(2026, 9, 2), "moved")));
        r.add(secretary(A2, "s6", 1979, true, "s2"));
        return r;
    }

    private EventRecord org(String code, String street, String area, PartyOrganizationKind kind, LocalDate founded) {
        return record("org-" + code, new PartyOrganizationRegistered("org-" + code, code, "organisation", kind,
                PartyOrganizationLevel.BRANCH, null, street, area, founded));
    }

    private EventRecord officer(String id, String partyMemberId, LocalDate joined, String street) {
        return record(id, new CommunityPoliceOfficerRegistered(id, "badge-" + id, SEALED, partyMemberId, joined, street));
    }

    private EventRecord secretary(String area, String id, int birthYear, boolean career, String predecessor) {
        return area(area, new AreaSecretaryAppointed(area, id, SEALED, birthYear, career, LocalDate.of(2020, 1, 1), predecessor));
    }

    private EventRecord area(String areaCode, Object event) {
        return record(areaCode, event);
    }

    private static String member(int i) {
        return "member-" + i;
    }

    /** The record Kafka would deliver: keyed by the aggregate (its partition), the next offset there, the aggregate's next sequence. */
    private EventRecord record(String aggregateId, Object event) {
        int partition = Math.floorMod(aggregateId.hashCode(), 3);
        long offset = nextOffset.merge(partition, 1L, Long::sum) - 1;
        long sequence = nextSequence.merge(aggregateId, 1L, Long::sum) - 1;
        try {
            return new EventRecord(UUID.randomUUID().toString(), EventTypes.cloudEventType(event.getClass()), aggregateId,
                    sequence, Instant.parse("2026-12-01T00:00:00Z"), objectMapper.writeValueAsBytes(event),
                    Topics.PARTY_REGISTRY_EVENTS, partition, offset);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<List<EventRecord>> batches(List<EventRecord> records, int size) {
        List<List<EventRecord>> batches = new ArrayList<>();
        for (int i = 0; i < records.size(); i += size) {
            batches.add(records.subList(i, Math.min(records.size(), i + size)));
        }
        return batches;
    }
}
