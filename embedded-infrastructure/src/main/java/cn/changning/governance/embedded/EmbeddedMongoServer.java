package cn.changning.governance.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * The MongoDB wire-protocol server (mongo-java-server), since no MongoDB binary can be
 * installed here. With a data directory it keeps documents in an H2 MVStore file and
 * commits after every write command, so a read-model write acknowledged to a projection
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
            backend = new CommittingH2Backend(dataDirectory.resolve("mongo.mv").toString());
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

    /** Commits the MVStore after each write command instead of on H2's one-second timer. */
    private static final class CommittingH2Backend extends H2Backend {

        private static final Set<String> WRITE_COMMANDS = Set.of(
                "insert", "update", "delete", "findandmodify", "createindexes", "drop",
                "dropdatabase", "dropindexes", "create", "renamecollection");

        CommittingH2Backend(String fileName) {
            super(fileName);
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
}
