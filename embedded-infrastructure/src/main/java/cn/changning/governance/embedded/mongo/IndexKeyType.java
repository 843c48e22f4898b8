package cn.changning.governance.embedded.mongo;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import org.h2.mvstore.type.ObjectDataType;

import java.util.Comparator;
import java.util.Objects;

/**
 * The key type of the wire server's unique-index maps. H2's {@link ObjectDataType} compares two objects that are not
 * {@link Comparable} by serialising both with Java serialisation, and mongo-java-server's {@link KeyValue} is not
 * Comparable: every step of every index lookup serialised two keys (about a tenth of the platform's CPU under the
 * benchmark's load). This compares the keys' values in MongoDB's order instead, element by element; values that order
 * equal without being equal (1 and 1.0L, say) are told apart by their serialised bytes, as before, so the index finds
 * and rejects exactly the keys it did. Keys are written and read exactly as {@link ObjectDataType} does: the file
 * format is unchanged, only the order of keys in a map's pages, which {@link IndexKeyOrder} rebuilds for files
 * written before it.
 */
final class IndexKeyType extends ObjectDataType {

    private static final Comparator<Object> VALUES = ValueComparator.ascWithoutListHandling();

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue x && b instanceof KeyValue y) {
            return compareKeys(x, y);
        }
        return super.compare(a, b);
    }

    private int compareKeys(KeyValue x, KeyValue y) {
        int n = Math.min(x.size(), y.size());
        for (int i = 0; i < n; i++) {
            Object a = x.get(i);
            Object b = y.get(i);
            int c = VALUES.compare(a, b);
            if (c == 0 && !Objects.equals(a, b)) {
                c = compareNotNull(serialize(a), serialize(b));
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.size(), y.size());
    }
}
