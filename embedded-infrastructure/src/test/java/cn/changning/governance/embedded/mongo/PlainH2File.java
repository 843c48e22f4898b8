package cn.changning.governance.embedded.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;

import java.nio.file.Path;
import java.util.function.Consumer;

/** A data file as mongo-java-server's plain H2 backend writes it: what files of runs before our backend hold. */
final class PlainH2File {

    private PlainH2File() {
    }

    /** Writes {@code mongo.mv} in {@code folder} through a server on the plain backend, doing {@code writes} to read.cases. */
    static void write(Path folder, Consumer<MongoCollection<Document>> writes) {
        folder.toFile().mkdirs();
        H2Backend plain = new H2Backend(folder.resolve("mongo.mv").toString());
        plain.version(ServerVersion.MONGO_5_0);
        MongoServer old = new MongoServer(plain);
        old.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + old.getLocalAddress().getPort())) {
            writes.accept(client.getDatabase("read").getCollection("cases"));
        } finally {
            old.shutdown();
            plain.close();
        }
    }
}
