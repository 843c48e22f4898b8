package cn.changning.governance.benchmarks.core;

import cn.changning.governance.localstack.LocalCallers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A small JSON-over-HTTP client on the JDK's HttpClient (HTTP/1.1, keep-alive), shared by all scenarios. */
public final class Http {

    /** @param etag the ETag header (an action's new version, which the next action sends as If-Match), or null */
    public record Response(int status, String body, String location, String etag) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final Duration timeout;
    private final LocalCallers callers;

    /** @param callers who makes each call, with its token (tokens are fetched once and kept, not per call) */
    public Http(Duration timeout, LocalCallers callers) {
        this.timeout = timeout;
        this.callers = callers;
    }

    public LocalCallers callers() {
        return callers;
    }

    public Response post(String url, String json) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Authorization", callers.authorization("POST", URI.create(url).getPath(), json))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** An action (a state change): If-Match is required on every one, the ETag last read or {@code *}. */
    public Response post(String url, String json, String ifMatch) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Content-Type", "application/json").header("If-Match", ifMatch)
                .header("Authorization", callers.authorization("POST", URI.create(url).getPath(), json))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public Response get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Authorization", callers.authorization("GET", URI.create(url).getPath(), null)).GET().build());
    }

    /** A GET that does not hold a thread while it waits (the visibility probes run many at once). */
    public CompletableFuture<Response> getAsync(String url) {
        return client.sendAsync(HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                        .header("Authorization", callers.authorization("GET", URI.create(url).getPath(), null)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).thenApply(Http::toResponse);
    }

    private Response send(HttpRequest request) {
        try {
            return toResponse(client.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static Response toResponse(HttpResponse<String> r) {
        return new Response(r.statusCode(), r.body(), r.headers().firstValue("Location").orElse(null),
                r.headers().firstValue("ETag").orElse(null));
    }
}
