package cn.changning.governance.benchmarks.scenarios;

import cn.changning.governance.assessment.config.DataFiles;
import cn.changning.governance.assessment.domain.indicator.CaseFacts;
import cn.changning.governance.assessment.domain.indicator.Indicator;
import cn.changning.governance.assessment.domain.indicator.IndicatorCounter;
import cn.changning.governance.assessment.domain.indicator.IndicatorSubject;
import cn.changning.governance.assessment.domain.indicator.IndicatorValues;
import cn.changning.governance.assessment.domain.indicator.OrderFacts;
import cn.changning.governance.assessment.domain.indicator.SubjectKind;
import cn.changning.governance.assessment.domain.period.ReportingPeriod;
import cn.changning.governance.assessment.domain.scheme.SchemeLibrary;
import cn.changning.governance.assessment.domain.scheme.SchemeVariant;
import cn.changning.governance.assessment.domain.scheme.WhatIf;
import cn.changning.governance.assessment.domain.scheme.WhatIfAnswer;
import cn.changning.governance.assessment.domain.scoring.ScoredPeriod;
import cn.changning.governance.assessment.projection.indicator.IndicatorFactFields;
import cn.changning.governance.assessment.projection.indicator.IndicatorProjections;
import cn.changning.governance.assessment.projection.indicator.IndicatorQueries;
import cn.changning.governance.benchmarks.core.Latency;
import cn.changning.governance.benchmarks.core.Report;
import cn.changning.governance.benchmarks.core.ScenarioResult;
import cn.changning.governance.benchmarks.support.AssessmentEventLog;
import cn.changning.governance.benchmarks.support.AssessmentEventLog.Lifecycle;
import cn.changning.governance.benchmarks.support.AssessmentEventLog.Stamped;
import cn.changning.governance.benchmarks.support.AssessmentInputs;
import cn.changning.governance.benchmarks.support.CaseEventLog;
import cn.changning.governance.common.consuming.EventBatchHandler;
import cn.changning.governance.common.consuming.EventRecord;
import cn.changning.governance.common.consuming.VersionedDocuments;
import cn.changning.governance.benchmarks.support.Engines;
import cn.changning.governance.reference.agencies.AgencyDirectory;
import cn.changning.governance.reference.calendar.WorkingCalendar;
import cn.changning.governance.reference.catalogue.Catalogue;
import cn.changning.governance.reference.geography.Geography;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scenario 7: re-score a year of the whole district (10 streets, 70 agencies) as the assessment service does, over a
 * year of generated cases ({@link AssessmentEventLog}). The events go to two topics of their own (case, dispatch),
 * the assessment service's own indicator projections ({@link IndicatorProjections}, behind {@link EventBatchHandler},
 * batches of up to 1,000 as their listeners) build a database of their own, and then, several times: (a) the year's
 * indicators of every subject from that database ({@link IndicatorQueries#allIndicators}), (b) 70 agency and 10
 * street score cards under the current schemes, (c) a what-if with satisfaction at 20 points. The pure cost (the
 * domain's fold and count over all events in memory) is timed beside it.
 *
 * <p>The projection is capped in time; past the cap, the rest of the facts are folded in memory with the same
 * {@code apply} and bulk-written in the projection's stored form, and the report says so.</p>
 */
public final class AssessmentRescoringScenario {

    public static final String GROUP = "7 assessment";
    public static final String NAME = "re-score a year";
    private static final String CASE_TOPIC = "bench.assessment.case-events";
    private static final String DISPATCH_TOPIC = "bench.assessment.dispatch-events";
    private static final String DATABASE = "assessment_service_rescoring";
    /** Cases whose events are interleaved by time on the topics: about the cases open at once in a district. */
    private static final int WINDOW = 2_000;
    private static final int CHUNK = 5_000;
    private static final SchemeVariant SATISFACTION_AT_20 = new SchemeVariant(null, null, 20.0, null, null, null, null);

    private final Engines engines;
    private final int cases;
    private final Duration projectionCap;
    private final int repetitions;

    public AssessmentRescoringScenario(Engines engines, int cases, Duration projectionCap, int repetitions) {
        this.engines = engines;
        this.cases = cases;
        this.projectionCap = projectionCap;
        this.repetitions = repetitions;
    }

    public void run(Report report) {
        Geography geography = Geography.load();
        AgencyDirectory directory = AgencyDirectory.load(geography);
        ZoneId zone = WorkingCalendar.load().zone();
        AssessmentEventLog log = new AssessmentEventLog(geography, directory, Catalogue.load(), zone, cases);
        ScenarioResult result = new ScenarioResult(GROUP, NAME);

        engines.createTopics(List.of(CASE_TOPIC, DISPATCH_TOPIC), 3);
        long t0 = System.nanoTime();
        long[] written = write(log);
        double writeSeconds = seconds(t0);
        long events = written[0] + written[1];
        say("%,d cases: %,d events (%,d case, %,d dispatch) written to two topics in %.1f s", cases, events, written[0], written[1], writeSeconds);

        try (MongoClient client = MongoClients.create(engines.mongoUri())) {
            client.getDatabase(DATABASE).drop();
            MongoTemplate mongo = new MongoTemplate(client, DATABASE);
            IndicatorProjections.createIndexes(mongo);
            Latency perBatch = new Latency("projection batch (up to 1,000 events)");
            Map<String, Long> projected = new HashMap<>();
            t0 = System.nanoTime();
            long replayed = project(mongo, written, perBatch, projected);
            double projectSeconds = seconds(t0);
            say("projection: %,d of %,d events in %.1f s = %,.0f events/s", replayed, events, projectSeconds, replayed / projectSeconds);

            // The pure cost: every aggregate folded in memory (generation untimed), and the rest written if the cap cut the projection.
            List<OrderFacts> orders = new ArrayList<>();
            List<CaseFacts> caseFacts = new ArrayList<>();
            AssessmentInputs.Feedback feedback = new AssessmentInputs.Feedback();
            long foldNanos = 0;
            long[] fallback = {0, 0};
            long fallbackStart = 0;
            long fallbackNanos = 0;
            for (int from = 0; from < cases; from += CHUNK) {
                List<Lifecycle> chunk = new ArrayList<>();
                for (int i = from; i < Math.min(cases, from + CHUNK); i++) {
                    chunk.add(log.lifecycle(i));
                }
                int ordersBefore = orders.size();
                int casesBefore = caseFacts.size();
                long f0 = System.nanoTime();
                for (Lifecycle l : chunk) {
                    caseFacts.add(CaseFacts.fold(l.caseId(), l.caseEvents().stream().map(Stamped::event).toList()));
                    l.orders().forEach((id, es) -> orders.add(OrderFacts.fold(id, es.stream().map(Stamped::event).toList())));
                }
                foldNanos += System.nanoTime() - f0;
                chunk.forEach(feedback::add);
                fallbackStart = System.nanoTime();
                writeUnprojected(mongo, chunk, orders.subList(ordersBefore, orders.size()), caseFacts.subList(casesBefore, caseFacts.size()),
                        projected, fallback);
                fallbackNanos += System.nanoTime() - fallbackStart;
            }
            projected.clear();
            double foldSeconds = foldNanos / 1e9;
            say("in-memory fold of %,d events into %,d order and %,d case facts: %.2f s", events, orders.size(), caseFacts.size(), foldSeconds);
            if (fallback[0] + fallback[1] > 0) {
                say("projection cap reached: %,d order and %,d case facts written from the in-memory fold in %.1f s",
                        fallback[0], fallback[1], fallbackNanos / 1e9);
            }
            long orderDocs = mongo.getCollection(IndicatorFactFields.ORDERS).countDocuments();
            long caseDocs = mongo.getCollection(IndicatorFactFields.CASES).countDocuments();

            ReportingPeriod year = ReportingPeriod.year(AssessmentEventLog.YEAR);
            IndicatorQueries queries = new IndicatorQueries(mongo, zone);
            IndicatorCounter counter = new IndicatorCounter(zone);
            SchemeLibrary library = SchemeLibrary.load(DataFiles::read);
            WhatIf whatIf = new WhatIf(library);
            AssessmentInputs inputs = new AssessmentInputs(directory, library, feedback);

            Latency mongoPath = new Latency("(a) indicators of the year from Mongo (allIndicators)");
            Latency scoring = new Latency("(b) 70 agency + 10 street cards");
            Latency whatIfTime = new Latency("(c) what-if, satisfaction at 20");
            Latency endToEnd = new Latency("re-score a year (a+b+c)");
            Latency pure = new Latency("in-memory countAll over all facts");
            Map<IndicatorSubject, IndicatorValues> fromMongo = Map.of();
            Map<IndicatorSubject, IndicatorValues> inMemory = Map.of();
            WhatIfAnswer answer = null;
            for (int rep = 0; rep < repetitions; rep++) {
                long a = System.nanoTime();
                fromMongo = queries.allIndicators(year);
                long b = System.nanoTime();
                ScoredPeriod scored = inputs.score(year, fromMongo);
                long c = System.nanoTime();
                answer = whatIf.answer(scored, SATISFACTION_AT_20);
                long d = System.nanoTime();
                mongoPath.recordNanos(b - a);
                scoring.recordNanos(c - b);
                whatIfTime.recordNanos(d - c);
                endToEnd.recordNanos(d - a);
                long p = System.nanoTime();
                inMemory = counter.countAll(orders, caseFacts, year);
                pure.recordNanos(System.nanoTime() - p);
                say("repetition %d: (a) %.0f ms, (b) %.1f ms, (c) %.1f ms, a+b+c %.0f ms; in-memory countAll %.0f ms",
                        rep + 1, (b - a) / 1e6, (c - b) / 1e6, (d - c) / 1e6, (d - a) / 1e6, (System.nanoTime() - p) / 1e6);
            }
            long differing = differing(fromMongo, inMemory);
            int agenciesMoved = answer.agencies().moved();
            int streetsMoved = answer.streets() == null ? 0 : answer.streets().moved();
            say("what-if (satisfaction at 20): %d of %d agencies and %d of %d streets moved rank; Mongo and in-memory indicators differ for %d subjects",
                    agenciesMoved, answer.agencies().subjects(), streetsMoved, answer.streets() == null ? 0 : answer.streets().subjects(), differing);

            result.load(String.format(Locale.ROOT, "%,d cases of %d (%,d events: %,d case, %,d dispatch) over the 10 streets and 70 agencies, "
                            + "on two 3-partition topics, projected by the assessment service's indicator projections into an empty database; "
                            + "then %d re-scorings of the year; in-process, one thread", cases, AssessmentEventLog.YEAR, events, written[0], written[1],
                            repetitions))
                    .timing(0, projectSeconds + foldSeconds + endToEnd.count() * endToEnd.meanMs() / 1000)
                    .figure("cases", cases)
                    .figure("events", events)
                    .figure("facts", orderDocs + caseDocs)
                    .figure("orderFacts", orderDocs)
                    .figure("caseFacts", caseDocs)
                    .figure("topicWriteSeconds", writeSeconds)
                    .figure("eventsProjected", replayed)
                    .figure("projectionEventsPerSecond", replayed / projectSeconds)
                    .figure("projectionSeconds", projectSeconds)
                    .figure("foldSeconds", foldSeconds)
                    .figure("pureFoldAndCountSeconds", foldSeconds + pure.percentileMs(50) / 1000)
                    .figure("mongoIndicatorsP50Ms", mongoPath.percentileMs(50))
                    .figure("scoreCardsP50Ms", scoring.percentileMs(50))
                    .figure("whatIfP50Ms", whatIfTime.percentileMs(50))
                    .figure("rescoreYearP50Ms", endToEnd.percentileMs(50))
                    .figure("rescoreYearMaxMs", endToEnd.maxMs())
                    .figure("inMemoryCountP50Ms", pure.percentileMs(50))
                    .figure("subjectsScored", answer.agencies().subjects() + (answer.streets() == null ? 0 : answer.streets().subjects()))
                    .figure("agenciesMovedUnderWhatIf", agenciesMoved)
                    .figure("streetsMovedUnderWhatIf", streetsMoved)
                    .figure("subjectsMongoDiffersFromMemory", differing)
                    .latency(endToEnd).latency(mongoPath).latency(scoring).latency(whatIfTime).latency(pure).latency(perBatch)
                    .note("load: generated in-process by AssessmentEventLog (seed " + AssessmentEventLog.SEED + "), one thread throughout; "
                            + "projection, queries and scoring run in the benchmark's JVM against the stack's Mongo wire server (H2)")
                    .note("inputs besides the indicators are synthetic: survey respondents and score per street and agency from a seeded "
                            + "random (streets 1,000-1,400 respondents, 70-92 points); case feedback tallied from the generated "
                            + "CaseFeedbackRecorded events (agency: the closing order's lead); street RECORDED items at 60-100% of their scale, seeded")
                    .note("(a) reads every fact of the year from Mongo and counts it with IndicatorCounter; (b) and (c) are pure; the in-memory "
                            + "fold excludes generating the events, its countAll line is the same count without Mongo")
                    .note("the year's shares, district-wide (sum over the streets): " + shares(inMemory))
                    .note(String.format(Locale.ROOT, "what-if moves: %s", moves(answer)));
            if (replayed < events) {
                result.note(String.format(Locale.ROOT, "projection time cap of %d s reached after %,d of %,d events (rate over those); "
                                + "the remaining %,d order and %,d case facts were folded in memory with the same apply and bulk-written in the "
                                + "projection's stored form (%.1f s)", projectionCap.toSeconds(), replayed, events, fallback[0], fallback[1],
                        fallbackNanos / 1e9));
            }
            if (differing > 0) {
                result.note(differing + " subjects' indicators from Mongo differ from the in-memory count: look into it");
            }
            report.add(result);
        }
    }

    /** Writes the log to the two topics, in windows of {@link #WINDOW} cases sorted by time; returns {case, dispatch} events. */
    private long[] write(AssessmentEventLog log) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, engines.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 262144,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        long[] counts = {0, 0};
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int from = 0; from < log.cases(); from += WINDOW) {
                List<Stamped> window = new ArrayList<>();
                for (int i = from; i < Math.min(log.cases(), from + WINDOW); i++) {
                    Lifecycle l = log.lifecycle(i);
                    window.addAll(l.caseEvents());
                    l.orders().values().forEach(window::addAll);
                }
                window.sort(Comparator.comparing(Stamped::time)); // stable: one aggregate's events keep their order
                for (Stamped s : window) {
                    producer.send(AssessmentEventLog.record(s.dispatch() ? DISPATCH_TOPIC : CASE_TOPIC, s));
                    counts[s.dispatch() ? 1 : 0]++;
                }
            }
            producer.flush();
        }
        return counts;
    }

    /** Both topics from offset 0 through the real projections, one batch at a time, until done or the cap. */
    private long project(MongoTemplate mongo, long[] written, Latency perBatch, Map<String, Long> projected) {
        VersionedDocuments documents = VersionedDocuments.forServer(mongo.getDb());
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        EventBatchHandler caseHandler = new EventBatchHandler("indicator-cases-bench",
                IndicatorProjections.cases(mongo, documents, CaseEventLog.MAPPER), meters);
        EventBatchHandler orderHandler = new EventBatchHandler("indicator-orders-bench",
                IndicatorProjections.orders(mongo, documents, CaseEventLog.MAPPER), meters);
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, engines.bootstrapServers(),
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<byte[], byte[]> cases = consumer(config, CASE_TOPIC);
             KafkaConsumer<byte[], byte[]> orders = consumer(config, DISPATCH_TOPIC)) {
            long[] done = {0, 0};
            long deadline = System.nanoTime() + projectionCap.toNanos();
            while ((done[0] < written[0] || done[1] < written[1]) && System.nanoTime() < deadline) {
                // As the two listeners would, one after the other on one thread.
                if (done[0] < written[0]) {
                    done[0] += batch(cases, caseHandler, perBatch, projected);
                }
                if (done[1] < written[1] && System.nanoTime() < deadline) {
                    done[1] += batch(orders, orderHandler, perBatch, projected);
                }
            }
            return done[0] + done[1];
        }
    }

    private static KafkaConsumer<byte[], byte[]> consumer(Map<String, Object> config, String topic) {
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo p : consumer.partitionsFor(topic)) {
            partitions.add(new TopicPartition(topic, p.partition()));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    private static int batch(KafkaConsumer<byte[], byte[]> consumer, EventBatchHandler handler, Latency perBatch, Map<String, Long> projected) {
        List<EventRecord> batch = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
            batch.add(EventRecord.of(r));
        }
        if (batch.isEmpty()) {
            return 0;
        }
        long t0 = System.nanoTime();
        handler.process(batch);
        perBatch.recordNanos(System.nanoTime() - t0);
        for (EventRecord r : batch) {
            projected.merge(r.subject(), r.sequence(), Math::max);
        }
        return batch.size();
    }

    /**
     * The facts of this chunk the projection did not finish (the cap), in its stored form with the version of their
     * last event: inserted where nothing was projected, replaced where only the first events were.
     */
    private static void writeUnprojected(MongoTemplate mongo, List<Lifecycle> chunk, List<OrderFacts> orders, List<CaseFacts> cases,
                                         Map<String, Long> projected, long[] counts) {
        Map<String, Long> last = new HashMap<>();
        for (Lifecycle l : chunk) {
            last.put(l.caseId(), l.caseEvents().size() - 1L);
            l.orders().forEach((id, es) -> last.put(id, es.size() - 1L));
        }
        List<WriteModel<Document>> orderWrites = new ArrayList<>();
        for (OrderFacts o : orders) {
            if (projected.getOrDefault(o.orderId(), -1L) < last.get(o.orderId())) {
                orderWrites.add(replace(o.orderId(), IndicatorFactFields.toDocument(o), last.get(o.orderId())));
            }
        }
        List<WriteModel<Document>> caseWrites = new ArrayList<>();
        for (CaseFacts c : cases) {
            if (projected.getOrDefault(c.caseId(), -1L) < last.get(c.caseId())) {
                caseWrites.add(replace(c.caseId(), IndicatorFactFields.toDocument(c), last.get(c.caseId())));
            }
        }
        bulk(mongo.getCollection(IndicatorFactFields.ORDERS), orderWrites);
        bulk(mongo.getCollection(IndicatorFactFields.CASES), caseWrites);
        counts[0] += orderWrites.size();
        counts[1] += caseWrites.size();
    }

    private static WriteModel<Document> replace(String id, Document fields, long version) {
        Document d = new Document(IndicatorFactFields.ID, id);
        d.putAll(fields);
        d.put(IndicatorFactFields.VERSION, version);
        return new ReplaceOneModel<>(Filters.eq(IndicatorFactFields.ID, id), d, new ReplaceOptions().upsert(true));
    }

    private static void bulk(MongoCollection<Document> collection, List<WriteModel<Document>> writes) {
        for (int i = 0; i < writes.size(); i += 1_000) {
            collection.bulkWrite(writes.subList(i, Math.min(writes.size(), i + 1_000)), new BulkWriteOptions().ordered(false));
        }
    }

    /** Subjects whose indicators differ between the two counts, or that only one has. */
    private static long differing(Map<IndicatorSubject, IndicatorValues> a, Map<IndicatorSubject, IndicatorValues> b) {
        return a.entrySet().stream().filter(e -> !e.getValue().equals(b.get(e.getKey()))).count()
                + b.keySet().stream().filter(k -> !a.containsKey(k)).count();
    }

    /** Each street indicator summed over the streets: what the generated year looks like. */
    private static String shares(Map<IndicatorSubject, IndicatorValues> counted) {
        List<String> parts = new ArrayList<>();
        for (Indicator indicator : Indicator.values()) {
            long numerator = 0;
            long denominator = 0;
            for (Map.Entry<IndicatorSubject, IndicatorValues> e : counted.entrySet()) {
                if (e.getKey().kind() == SubjectKind.STREET && e.getValue().ratios().containsKey(indicator)) {
                    numerator += e.getValue().of(indicator).numerator();
                    denominator += e.getValue().of(indicator).denominator();
                }
            }
            parts.add(String.format(Locale.ROOT, "%s %,d/%,d = %.1f%%", indicator, numerator, denominator,
                    denominator == 0 ? Double.NaN : 100.0 * numerator / denominator));
        }
        return String.join("; ", parts);
    }

    /** The rank changes of the what-if, compact: streets first. */
    private static String moves(WhatIfAnswer answer) {
        List<String> parts = new ArrayList<>();
        if (answer.streets() != null) {
            answer.streets().moves().stream().filter(m -> m.rankChange() != 0)
                    .forEach(m -> parts.add("street " + m.subjectId() + " " + m.rankBefore() + "→" + m.rankAfter()
                            + String.format(Locale.ROOT, " (%.2f→%.2f)", m.totalBefore(), m.totalAfter())));
        }
        long agencies = answer.agencies().moves().stream().filter(m -> m.rankChange() != 0).count();
        parts.add(agencies + " agencies moved (the variant changes the street items only)");
        return String.join("; ", parts);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void say(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[%tT] assessment: %s%n", System.currentTimeMillis(), String.format(Locale.ROOT, format, args));
    }
}
