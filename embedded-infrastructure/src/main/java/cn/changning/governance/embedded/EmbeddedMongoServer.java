package cn.changning.governance.embedded;

import cn.changning.governance.embedded.mongo.OrderedH2Backend;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The MongoDB wire-protocol server (mongo-java-server), since no MongoDB binary can be
 * installed here. With a data directory it keeps documents in an H2 MVStore file and
 * commits after every write command ({@link OrderedH2Backend}), so a read-model write acknowledged to a projection
 * (which then commits its Kafka offset) survives a kill of the JVM.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private final MongoServer server;
    private final MongoBackend backend;

    private EmbeddedMongoServer(MongoServer server, MongoBackend backend) {
        this.server = server;
        this.backend = backend;
    }

    /** Starts the server; a null data directory keeps everything in memory. Port 0 picks a free one. */
    public static EmbeddedMongoServer start(Path dataDirectory, int port) {
        MongoBackend backend;
        if (dataDirectory == null) {
            backend = new MemoryBackend();
        } else {
            try {
                Files.createDirectories(dataDirectory);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            backend = new OrderedH2Backend(dataDirectory.resolve("mongo.mv").toString());
        }
        // Driver 5 refuses the older wire versions that are the server's default.
        backend.version(ServerVersion.MONGO_5_0);
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", port > 0 ? port : FreePorts.find());
        return new EmbeddedMongoServer(server, backend);
    }

    public int port() {
        return server.getLocalAddress().getPort();
    }

    public String connectionString() {
        return "mongodb://127.0.0.1:" + port();
    }

    @Override
    public void close() {
        server.shutdown();
        backend.close();
    }
}
