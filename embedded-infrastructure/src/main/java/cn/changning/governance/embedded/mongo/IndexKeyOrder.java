package cn.changning.governance.embedded.mongo;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A store file written before {@link IndexKeyType} holds its index maps' keys in the order of their serialised bytes;
 * a lookup in the new order would miss keys that are there. Once per file, each index map is read in page order (a
 * scan compares no keys) and written again in the new order; a marker in the file says it was done. A crash in the
 * middle leaves no marker, and the next start rebuilds again from the same entries.
 */
public final class IndexKeyOrder {

    private static final Logger log = LoggerFactory.getLogger(IndexKeyOrder.class);
    static final String FORMAT_MAP = "governance.format";
    static final String INDEX_KEY_ORDER = "index-key-order";
    static final String CURRENT = "mongo-values-1";

    private IndexKeyOrder() {
    }

    /** @return the number of index entries rebuilt (0 for a new file or one already in the new order) */
    public static long ensure(MVStore store) {
        MVMap<String, String> format = store.openMap(FORMAT_MAP);
        if (CURRENT.equals(format.get(INDEX_KEY_ORDER))) {
            return 0;
        }
        long entries = 0;
        int maps = 0;
        for (String name : store.getMapNames()) {
            if (!name.contains(OrderedIndexes.INDEX_MAP_INFIX)) {
                continue;
            }
            MVMap<KeyValue, Object> index = OrderedIndexes.openIndexMap(store, name);
            List<Map.Entry<KeyValue, Object>> all = new ArrayList<>(index.entrySet());
            index.clear();
            for (Map.Entry<KeyValue, Object> entry : all) {
                index.put(entry.getKey(), entry.getValue());
            }
            entries += all.size();
            maps++;
        }
        format.put(INDEX_KEY_ORDER, CURRENT);
        store.commit();
        if (maps > 0) {
            log.info("Mongo wire server: rebuilt {} index map(s), {} entries, in the ordered key format", maps, entries);
        }
        return entries;
    }
}
