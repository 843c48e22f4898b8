package cn.changning.governance.assessment.projection.indicator;

import cn.changning.governance.common.consuming.EventBatchHandler;
import cn.changning.governance.common.consuming.EventRecord;
import cn.changning.governance.common.consuming.EventRouter;
import cn.changning.governance.common.consuming.VersionedDocuments;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One topic's events into one document per aggregate (the record key: a case id on the case topic, an order id on
 * the dispatch topic), each the aggregate's facts as the domain folds them. Per batch: one query loads the stored
 * facts of the aggregates it touches, each event is applied in partition order to the latest facts (several events of
 * one aggregate in one batch build on each other), and one bulk write stores the result. Each document keeps the
 * sequence of the last event applied, so a redelivered or older event changes nothing.
 *
 * @param <F> the facts ({@code OrderFacts} or {@code CaseFacts})
 */
public class IndicatorFactProjection<F> implements EventBatchHandler.BatchProcessor {

    private final MongoTemplate mongo;
    private final VersionedDocuments documents;
    private final String collection;
    private final EventRouter<Void> router;
    private final Function<String, F> empty;
    private final BiFunction<F, Object, F> apply;
    private final Function<Document, F> read;
    private final Function<F, Document> write;

    IndicatorFactProjection(MongoTemplate mongo, VersionedDocuments documents, ObjectMapper objectMapper, String collection,
                            Collection<Class<?>> eventTypes, Function<String, F> empty, BiFunction<F, Object, F> apply,
                            Function<Document, F> read, Function<F, Document> write) {
        this.mongo = mongo;
        this.documents = documents;
        this.collection = collection;
        this.router = EventRouter.using(objectMapper).accepting(eventTypes);
        this.empty = empty;
        this.apply = apply;
        this.read = read;
        this.write = write;
    }

    private record Applied<F>(F facts, long sequence) {
    }

    @Override
    public void process(List<EventRecord> events) {
        List<Map.Entry<EventRecord, Object>> decoded = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (EventRecord record : events) {
            Optional<Object> event = router.decode(record);
            if (event.isPresent()) {
                decoded.add(Map.entry(record, event.get()));
                ids.add(record.subject());
            }
        }
        if (decoded.isEmpty()) {
            return;
        }
        Map<String, Applied<F>> facts = new LinkedHashMap<>();
        Map<Object, Long> storedVersions = new LinkedHashMap<>();
        for (Document d : collection().find(Filters.in(IndicatorFactFields.ID, ids))) {
            Number version = d.get(IndicatorFactFields.VERSION, Number.class);
            long v = version == null ? -1 : version.longValue();
            storedVersions.put(d.get(IndicatorFactFields.ID), v);
            facts.put(d.getString(IndicatorFactFields.ID), new Applied<>(read.apply(d), v));
        }
        Set<String> touched = new LinkedHashSet<>();
        for (Map.Entry<EventRecord, Object> e : decoded) {
            String id = e.getKey().subject();
            Applied<F> current = facts.get(id);
            if (current != null && e.getKey().sequence() <= current.sequence()) {
                continue; // redelivered, or older than what is applied
            }
            F before = current == null ? empty.apply(id) : current.facts();
            facts.put(id, new Applied<>(apply.apply(before, e.getValue()), e.getKey().sequence()));
            touched.add(id);
        }
        List<VersionedDocuments.VersionedWrite> writes = new ArrayList<>();
        for (String id : touched) {
            Applied<F> a = facts.get(id);
            writes.add(VersionedDocuments.applyIfNewer(id, a.sequence(), setAll(write.apply(a.facts()))));
        }
        documents.writeNewer(collection(), writes, storedVersions);
    }

    private static Bson setAll(Document doc) {
        List<Bson> sets = new ArrayList<>();
        doc.forEach((k, v) -> sets.add(Updates.set(k, v)));
        return Updates.combine(sets);
    }

    MongoCollection<Document> collection() {
        return mongo.getCollection(collection);
    }
}
