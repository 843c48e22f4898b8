package cn.changning.governance.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/** A small real HTTP server standing in for the case service behind the gateway in its tests. */
final class TestBackend {

    private TestBackend() {
    }

    /** Serves {@code /api/v1/cases} with the handler, on a free port of 127.0.0.1. */
    static HttpServer start(HttpHandler cases) {
        return start("/api/v1/cases", cases);
    }

    /** Serves the path (and below) with the handler, a thread per request, on a free port of 127.0.0.1. */
    static HttpServer start(String path, HttpHandler handler) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext(path, handler);
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A port of 127.0.0.1 where nothing listens (a stopped service). */
    static String stoppedServiceUrl() {
        HttpServer server = start("/", exchange -> exchange.close());
        String url = url(server);
        server.stop(0);
        return url;
    }

    /** Answers 200 with a JSON body. */
    static void json(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    static String url(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
