package cn.changning.governance.partyregistry.projection.statistics;

import cn.changning.governance.common.consuming.EventBatchHandler;
import cn.changning.governance.common.consuming.EventRecord;
import cn.changning.governance.common.consuming.EventRouter;
import cn.changning.governance.common.consuming.VersionedDocuments;
import cn.changning.governance.contracts.registry.AreaSecretaryAppointed;
import cn.changning.governance.contracts.registry.BuildingRegistered;
import cn.changning.governance.contracts.registry.CommunityPoliceOfficerAssigned;
import cn.changning.governance.contracts.registry.CommunityPoliceOfficerRegistered;
import cn.changning.governance.contracts.registry.CommunityPoliceOfficerReleased;
import cn.changning.governance.contracts.registry.DeputySecretaryCrossAppointed;
import cn.changning.governance.contracts.registry.PartyMemberDataErased;
import cn.changning.governance.contracts.registry.PartyMemberRegistered;
import cn.changning.governance.contracts.registry.PartyMembershipTransferred;
import cn.changning.governance.contracts.registry.PartyOrganizationRegistered;
import cn.changning.governance.contracts.registry.PartyWorkerRegistered;
import cn.changning.governance.contracts.registry.ResidentUnitRegistered;
import cn.changning.governance.contracts.registry.TradeUnionRegistered;
import cn.changning.governance.contracts.registry.YouthLeagueOrganizationRegistered;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static cn.changning.governance.partyregistry.projection.statistics.StatisticsFields.*;

/**
 * The registry topic into pre-aggregated counters (consumer group {@code party-registry-service.statistics}): counts
 * by street, residential area and kind, the 507030 facts of the secretaries, police coverage, workers and "two new"
 * units, and the monthly trends.
 *
 * <p>Per batch: the subjects whose later events move a count (members, areas) are read in one query and followed in
 * memory through the batch; every change is a {@link CounterStore.Change} tagged with its record's partition and
 * offset; the counters are written first, then the subjects. A batch redelivered after a crash between the two writes
 * finds the subjects as they were, computes the same changes, and the counters skip them by offset; an event a
 * subject already holds (its sequence) is skipped whole. A member's erasure changes no count: the statistics keep no
 * personal value, only codes, categories and dates.</p>
 */
public class StatisticsProjection implements EventBatchHandler.BatchProcessor {

    private final MongoTemplate mongo;
    private final VersionedDocuments documents;
    private final CounterStore counters;
    private final String countersCollection;
    private final String subjectsCollection;
    private final EventRouter<Batch> router;

    public StatisticsProjection(MongoTemplate mongo, VersionedDocuments documents, ObjectMapper objectMapper) {
        this(mongo, documents, objectMapper, COUNTERS, SUBJECTS);
    }

    /** With collections of its own (a test's fresh read model). */
    public StatisticsProjection(MongoTemplate mongo, VersionedDocuments documents, ObjectMapper objectMapper,
                                String countersCollection, String subjectsCollection) {
        this.mongo = mongo;
        this.documents = documents;
        this.counters = new CounterStore(documents.guard());
        this.countersCollection = countersCollection;
        this.subjectsCollection = subjectsCollection;
        this.router = EventRouter.using(objectMapper, Batch.class)
                .on(PartyOrganizationRegistered.class, this::organization)
                .on(PartyMemberRegistered.class, this::member)
                .on(PartyMembershipTransferred.class, this::transfer)
                .on(PartyMemberDataErased.class, (Batch b, EventRecord r, PartyMemberDataErased e) -> { })
                .on(BuildingRegistered.class, this::building)
                .on(ResidentUnitRegistered.class, this::unit)
                .on(YouthLeagueOrganizationRegistered.class, this::youthLeague)
                .on(TradeUnionRegistered.class, this::tradeUnion)
                .on(PartyWorkerRegistered.class, this::worker)
                .on(CommunityPoliceOfficerRegistered.class, this::officer)
                .on(AreaSecretaryAppointed.class, this::secretary)
                .on(CommunityPoliceOfficerAssigned.class, this::assigned)
                .on(CommunityPoliceOfficerReleased.class, this::released)
                .on(DeputySecretaryCrossAppointed.class, this::deputy);
    }

    /** One batch's changes and the subjects it follows. */
    final class Batch {
        final List<CounterStore.Change> changes = new ArrayList<>();
        final Map<String, Document> subjects;
        final Map<String, Long> subjectVersions = new HashMap<>();
        final Set<String> touched = new LinkedHashSet<>();
        EventRecord record;

        Batch(Map<String, Document> subjects) {
            this.subjects = subjects;
            subjects.forEach((id, d) -> subjectVersions.put(id, versionOf(d)));
        }

        /** The subject's document if this event is not in it yet; empty: skip the event (already applied). */
        Optional<Document> follow(String subjectId) {
            Long version = subjectVersions.get(subjectId);
            if (version != null && record.sequence() <= version) {
                return Optional.empty();
            }
            subjectVersions.put(subjectId, record.sequence());
            touched.add(subjectId);
            return Optional.of(subjects.computeIfAbsent(subjectId, k -> new Document()));
        }

        void count(Metric metric, String breakdown, long delta, String streetCode, String areaCode) {
            add(metric, Scope.DISTRICT, DISTRICT_CODE, breakdown, delta);
            if (streetCode != null) {
                add(metric, Scope.STREET, streetCode, breakdown, delta);
            }
            if (areaCode != null) {
                add(metric, Scope.AREA, areaCode, breakdown, delta);
            }
        }

        private void add(Metric metric, Scope scope, String place, String breakdown, long delta) {
            changes.add(new CounterStore.Change(counterId(metric, scope, place), metric, scope, place, breakdown, delta,
                    record.partition(), record.offset()));
        }
    }

    @Override
    public void process(List<EventRecord> events) {
        List<EventRecord> ours = new ArrayList<>();
        Set<String> subjectIds = new LinkedHashSet<>();
        List<Object> decoded = new ArrayList<>();
        for (EventRecord record : events) {
            Optional<Object> event = router.decode(record);
            if (event.isPresent()) {
                ours.add(record);
                decoded.add(event.get());
                subjectId(event.get()).ifPresent(subjectIds::add);
            }
        }
        if (ours.isEmpty()) {
            return;
        }
        Map<String, Document> subjects = new HashMap<>();
        if (!subjectIds.isEmpty()) {
            for (Document d : subjects().find(Filters.in(ID, subjectIds))) {
                subjects.put(d.getString(ID), d);
            }
        }
        Batch batch = new Batch(subjects);
        for (EventRecord record : ours) {
            batch.record = record;
            router.route(batch, record);
        }
        counters.apply(counters(), batch.changes);
        List<VersionedDocuments.VersionedWrite> writes = new ArrayList<>();
        for (String id : batch.touched) {
            Document d = batch.subjects.get(id);
            List<Bson> sets = new ArrayList<>();
            d.forEach((k, v) -> {
                if (!ID.equals(k) && !VersionedDocuments.VERSION.equals(k)) {
                    sets.add(Updates.set(k, v));
                }
            });
            writes.add(VersionedDocuments.applyIfNewer(id, batch.subjectVersions.get(id), Updates.combine(sets)));
        }
        documents.writeNewer(subjects(), writes);
    }

    private static Optional<String> subjectId(Object event) {
        if (event instanceof PartyMemberRegistered e) {
            return Optional.of(memberSubject(e.memberId()));
        }
        if (event instanceof PartyMembershipTransferred e) {
            return Optional.of(memberSubject(e.memberId()));
        }
        if (event instanceof AreaSecretaryAppointed e) {
            return Optional.of(areaSubject(e.areaCode()));
        }
        if (event instanceof CommunityPoliceOfficerAssigned e) {
            return Optional.of(areaSubject(e.areaCode()));
        }
        if (event instanceof CommunityPoliceOfficerReleased e) {
            return Optional.of(areaSubject(e.areaCode()));
        }
        if (event instanceof DeputySecretaryCrossAppointed e) {
            return Optional.of(areaSubject(e.areaCode()));
        }
        return Optional.empty();
    }

    private void organization(Batch b, EventRecord r, PartyOrganizationRegistered e) {
        b.count(Metric.ORGANIZATIONS, e.kind().name(), 1, e.streetCode(), e.residentialAreaCode());
        if (e.foundedOn() != null) {
            b.count(Metric.ORGANIZATIONS_FOUNDED, month(e.foundedOn()), 1, e.streetCode(), null);
        }
    }

    private void member(Batch b, EventRecord r, PartyMemberRegistered e) {
        b.follow(memberSubject(e.memberId())).ifPresent(m -> {
            b.count(Metric.MEMBERS, e.category().name(), 1, e.streetCode(), e.residentialAreaCode());
            b.count(Metric.MEMBERS_JOINED, month(e.joinedOn()), 1, e.streetCode(), null);
            m.put(STREET_CODE, e.streetCode());
            m.put(AREA_CODE, e.residentialAreaCode());
            m.put(CATEGORY, e.category().name());
        });
    }

    /** The member's count moves from the old street and area to the new (the district's total stays). */
    private void transfer(Batch b, EventRecord r, PartyMembershipTransferred e) {
        b.follow(memberSubject(e.memberId())).ifPresent(m -> {
            String category = m.getString(CATEGORY);
            if (category == null) {
                return; // a transfer of a member whose registration this read model never saw: nothing to move
            }
            String fromStreet = m.getString(STREET_CODE);
            String fromArea = m.getString(AREA_CODE);
            if (!java.util.Objects.equals(fromStreet, e.toStreetCode())) {
                b.add(Metric.MEMBERS, Scope.STREET, fromStreet, category, -1);
                b.add(Metric.MEMBERS, Scope.STREET, e.toStreetCode(), category, 1);
            }
            if (!java.util.Objects.equals(fromArea, e.toResidentialAreaCode())) {
                if (fromArea != null) {
                    b.add(Metric.MEMBERS, Scope.AREA, fromArea, category, -1);
                }
                if (e.toResidentialAreaCode() != null) {
                    b.add(Metric.MEMBERS, Scope.AREA, e.toResidentialAreaCode(), category, 1);
                }
            }
            m.put(STREET_CODE, e.toStreetCode());
            m.put(AREA_CODE, e.toResidentialAreaCode());
        });
    }

    private void building(Batch b, EventRecord r, BuildingRegistered e) {
        b.count(Metric.BUILDINGS, TOTAL, 1, e.streetCode(), e.residentialAreaCode());
    }

    private void unit(Batch b, EventRecord r, ResidentUnitRegistered e) {
        b.count(Metric.RESIDENT_UNITS, e.category().name(), 1, e.streetCode(), e.residentialAreaCode());
    }

    private void youthLeague(Batch b, EventRecord r, YouthLeagueOrganizationRegistered e) {
        b.count(Metric.YOUTH_LEAGUE_ORGANIZATIONS, TOTAL, 1, e.streetCode(), null);
        b.count(Metric.YOUTH_LEAGUE_ORGANIZATIONS, MEMBER_COUNT, e.members(), e.streetCode(), null);
    }

    private void tradeUnion(Batch b, EventRecord r, TradeUnionRegistered e) {
        b.count(Metric.TRADE_UNIONS, TOTAL, 1, e.streetCode(), null);
        b.count(Metric.TRADE_UNIONS, MEMBER_COUNT, e.members(), e.streetCode(), null);
    }

    private void worker(Batch b, EventRecord r, PartyWorkerRegistered e) {
        b.count(Metric.PARTY_WORKERS, e.fullTime() ? FULL_TIME : PART_TIME, 1, e.streetCode(), null);
    }

    private void officer(Batch b, EventRecord r, CommunityPoliceOfficerRegistered e) {
        b.count(Metric.POLICE_OFFICERS, e.partyMemberId() != null ? PARTY_MEMBER : NOT_PARTY_MEMBER, 1, e.streetCode(), null);
        if (e.joinedPartyOn() != null) {
            b.count(Metric.OFFICERS_JOINED_PARTY, Integer.toString(e.joinedPartyOn().getYear()), 1, e.streetCode(), null);
        }
    }

    /** The secretary in office replaces the predecessor in the 507030 counts. */
    private void secretary(Batch b, EventRecord r, AreaSecretaryAppointed e) {
        String street = streetOf(e.areaCode());
        b.follow(areaSubject(e.areaCode())).ifPresent(a -> {
            Number before = a.get(SECRETARY_BIRTH_YEAR, Number.class);
            if (before != null) {
                b.count(Metric.SECRETARIES, secretaryBreakdown(before.intValue(),
                        Boolean.TRUE.equals(a.getBoolean(SECRETARY_CAREER))), -1, street, null);
            }
            b.count(Metric.SECRETARIES, secretaryBreakdown(e.birthYear(), e.careerEstablishment()), 1, street, null);
            a.put(SECRETARY_BIRTH_YEAR, e.birthYear());
            a.put(SECRETARY_CAREER, e.careerEstablishment());
        });
    }

    private void assigned(Batch b, EventRecord r, CommunityPoliceOfficerAssigned e) {
        String street = streetOf(e.areaCode());
        b.follow(areaSubject(e.areaCode())).ifPresent(a -> {
            int inPost = intOf(a, OFFICERS_IN_POST);
            b.count(Metric.OFFICERS_IN_POST, e.inPostFrom().toString(), 1, street, null);
            if (inPost == 0) {
                b.count(Metric.AREAS, COVERED, 1, street, null);
            }
            a.put(OFFICERS_IN_POST, inPost + 1);
        });
    }

    private void released(Batch b, EventRecord r, CommunityPoliceOfficerReleased e) {
        String street = streetOf(e.areaCode());
        b.follow(areaSubject(e.areaCode())).ifPresent(a -> {
            int inPost = intOf(a, OFFICERS_IN_POST);
            b.count(Metric.OFFICERS_IN_POST, e.inPostFrom().toString(), -1, street, null);
            if (inPost == 1) {
                b.count(Metric.AREAS, COVERED, -1, street, null); // the aggregate refuses this; counted right all the same
            }
            if (e.deputySecretaryVacated() && Boolean.TRUE.equals(a.getBoolean(HAS_DEPUTY))) {
                b.count(Metric.AREAS, DEPUTY, -1, street, null);
                a.put(HAS_DEPUTY, false);
            }
            if (e.leftWithinFiveYears()) {
                b.count(Metric.EARLY_RELEASES, Integer.toString(e.releasedOn().getYear()), 1, street, null);
            }
            a.put(OFFICERS_IN_POST, Math.max(0, inPost - 1));
        });
    }

    private void deputy(Batch b, EventRecord r, DeputySecretaryCrossAppointed e) {
        String street = streetOf(e.areaCode());
        b.follow(areaSubject(e.areaCode())).ifPresent(a -> {
            if (!Boolean.TRUE.equals(a.getBoolean(HAS_DEPUTY))) {
                b.count(Metric.AREAS, DEPUTY, 1, street, null);
            }
            a.put(HAS_DEPUTY, true);
        });
    }

    static String memberSubject(String memberId) {
        return "member:" + memberId;
    }

    static String areaSubject(String areaCode) {
        return "area:" + areaCode;
    }

    /** An area's code starts with its street's (the reference data's coding). */
    static String streetOf(String areaCode) {
        return areaCode.substring(0, 9);
    }

    static String month(LocalDate date) {
        return date.toString().substring(0, 7);
    }

    private static int intOf(Document d, String field) {
        Number n = d.get(field, Number.class);
        return n == null ? 0 : n.intValue();
    }

    private static long versionOf(Document d) {
        Number v = d.get(VersionedDocuments.VERSION, Number.class);
        return v == null ? -1 : v.longValue();
    }

    MongoCollection<Document> counters() {
        return mongo.getCollection(countersCollection);
    }

    MongoCollection<Document> subjects() {
        return mongo.getCollection(subjectsCollection);
    }
}
