package cn.changning.governance.embedded.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;

import java.util.List;
import java.util.Set;

/**
 * mongo-java-server's H2 backend with three changes: documents stored as BSON ({@link DocumentValueType}, not Java
 * serialisation), unique indexes keyed by {@link IndexKeyType} (a lookup compares values, it does not serialise
 * keys), and a commit of the MVStore after each write command instead of on H2's
 * one-second timer, so a read-model write acknowledged to a projection (which then commits its Kafka offset) survives
 * a kill of the JVM.
 */
public final class OrderedH2Backend extends H2Backend {

    /** H2Database's names of a collection's maps (its constants are not visible here). */
    static final String DATA_MAP_PREFIX = "databases.";
    static final String META_MAP_PREFIX = "meta.";

    private static final Set<String> WRITE_COMMANDS = Set.of(
            "insert", "update", "delete", "findandmodify", "createindexes", "drop",
            "dropdatabase", "dropindexes", "create", "renamecollection");

    public OrderedH2Backend(String fileName) {
        super(fileName);
        IndexKeyOrder.ensure(getMvStore());
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    /**
     * An inner class on purpose: H2Database's constructor opens the existing indexes, before a field of a subclass
     * would be set; the enclosing backend (and its store) is set before any constructor runs.
     */
    private final class Database extends H2Database {

        Database(String name) {
            super(name, getMvStore(), getCursorRegistry());
        }

        /** As H2Database opens a collection, with the documents stored as BSON ({@link DocumentValueType}). */
        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String fullName = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> dataMap = getMvStore().openMap(DATA_MAP_PREFIX + fullName,
                    new MVMap.Builder<Object, Document>().valueType(new DocumentValueType()));
            MVMap<String, Object> metaMap = getMvStore().openMap(META_MAP_PREFIX + fullName);
            return new H2Collection(this, collectionName, options, dataMap, metaMap, getCursorRegistry());
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                         boolean sparse) {
            String mapName = getFullCollectionNamespace(collectionName) + OrderedIndexes.INDEX_MAP_INFIX + indexName;
            return new OrderedIndexes.UniqueIndex(OrderedIndexes.openIndexMap(getMvStore(), mapName), indexName, keys, sparse);
        }
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        Document result = super.handleCommand(channel, databaseName, command, query);
        if (WRITE_COMMANDS.contains(command.toLowerCase())) {
            commit();
        }
        return result;
    }
}
