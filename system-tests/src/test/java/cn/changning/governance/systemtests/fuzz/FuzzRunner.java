package cn.changning.governance.systemtests.fuzz;

import cn.changning.governance.systemtests.fuzz.ApiDocuments.Operation;
import cn.changning.governance.systemtests.fuzz.FuzzRequest.Verdict;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Sends the fuzz requests to the gateway (the partners' entrance) with a few concurrent clients and judges every
 * answer: no 5xx, every 4xx problem+json with its status and a title, nothing the server must refuse accepted, 401
 * without a valid token and 403 without the scope, and no long input echoed back. What java.net.http refuses to send
 * goes over a plain socket.
 */
public final class FuzzRunner {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_READ = 20 * 1024 * 1024;

    /** An answer (status -1: none, with the reason in body) and every check it failed. */
    /** An answer (status -1: none, with the reason in body; the body cut to its first 1,000 characters) and every check it failed. */
    public record Result(FuzzRequest request, int status, String contentType, String body, int length, String problemType,
                         List<String> failures) {
    }

    private final int port;
    private final Function<String, String> tokens;
    private final Function<Operation, Map<String, String>> samples;
    private final Consumer<FuzzRequest> consumed;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @param tokens   a client's current token
     * @param samples  an operation's sample values (its path variables), read when a request is sent
     * @param consumed told when a POST was or may have been carried out (an action's case or order may need replacing)
     */
    public FuzzRunner(int gatewayPort, Function<String, String> tokens, Function<Operation, Map<String, String>> samples,
                      Consumer<FuzzRequest> consumed) {
        this.port = gatewayPort;
        this.tokens = tokens;
        this.samples = samples;
        this.consumed = consumed;
    }

    public List<Result> run(List<FuzzRequest> requests, int clients) {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Result>> futures = new ArrayList<>();
            for (FuzzRequest r : requests) {
                futures.add(pool.submit(() -> judge(r, sendOnce(r))));
            }
            List<Result> results = new ArrayList<>();
            long start = System.nanoTime();
            for (Future<Result> f : futures) {
                results.add(f.get());
            }
            System.out.printf("fuzz: %d requests in %d ms%n", results.size(), (System.nanoTime() - start) / 1_000_000);
            return results;
        } catch (Exception e) {
            throw new IllegalStateException("the fuzz run broke off: " + e, e);
        } finally {
            pool.shutdownNow();
        }
    }


    record Answer(int status, String contentType, String body) {
    }

    private Answer sendOnce(FuzzRequest r) {
        String target = r.target(samples.apply(r.operation()));
        String authorization = r.authorization != null ? r.authorization : r.client == null ? null : "Bearer " + tokens.apply(r.client);
        byte[] body = r.bodyBytes != null ? r.bodyBytes : r.body == null ? null : FuzzRequest.expand(r.body).getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        r.headers.forEach((name, value) -> headers.put(name, FuzzRequest.expand(value)));
        if (!r.rawSocket) {
            try {
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + target)).timeout(TIMEOUT)
                        .method(r.operation().method(), body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
                headers.forEach(b::header);
                if (authorization != null) {
                    b.header("Authorization", authorization);
                }
                HttpResponse<String> response = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
            } catch (IllegalArgumentException refusedByTheClient) {
                // a target or header java.net.http will not send: the socket sends it as it is
            } catch (IOException e) {
                return new Answer(-1, "", "no answer: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Answer(-1, "", "interrupted");
            }
        }
        return raw(r.operation().method(), target, headers, authorization, body);
    }

    /** One request written byte for byte on a socket (Connection: close), and its answer read to the end. */
    private Answer raw(String method, String target, Map<String, String> headers, String authorization, byte[] body) {
        StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (authorization != null) {
            head.append("Authorization: ").append(authorization).append("\r\n");
        }
        head.append("Content-Length: ").append(body == null ? 0 : body.length).append("\r\nConnection: close\r\n\r\n");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            OutputStream o = socket.getOutputStream();
            try {
                o.write(head.toString().getBytes(StandardCharsets.UTF_8));
                if (body != null) {
                    o.write(body);
                }
                o.flush();
            } catch (IOException refusedWhileWriting) {
                // the server may answer and close before the whole request is written: read what it said
            }
            return parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            return new Answer(-1, "", "no answer: " + e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        int n;
        while (bytes.size() < MAX_READ && (n = in.read(buffer)) > 0) {
            bytes.write(buffer, 0, n);
        }
        return bytes.toByteArray();
    }

    private static Answer parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/") || end < 0) {
            return new Answer(-1, "", "no HTTP answer: " + text.substring(0, Math.min(200, text.length())));
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        String contentType = "";
        boolean chunked = false;
        for (String line : lines) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-type:")) {
                contentType = line.substring(13).trim();
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        String body = text.substring(end + 4);
        if (chunked) {
            StringBuilder joined = new StringBuilder();
            int at = 0;
            while (at < body.length()) {
                int lineEnd = body.indexOf("\r\n", at);
                int size = lineEnd < 0 ? 0 : Integer.parseInt(body.substring(at, lineEnd).split(";")[0].trim(), 16);
                if (size == 0) {
                    break;
                }
                joined.append(body, lineEnd + 2, Math.min(body.length(), lineEnd + 2 + size));
                at = lineEnd + 2 + size + 2;
            }
            body = joined.toString();
        }
        return new Answer(status, contentType, new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }

    private Result judge(FuzzRequest r, Answer a) {
        List<String> failures = new ArrayList<>();
        int s = a.status();
        if (s < 0) {
            failures.add("no answer");
        } else if (s >= 500) {
            failures.add("5xx");
        } else if (s < 200 || (s >= 300 && s < 400)) {
            failures.add("neither 2xx nor 4xx");
        }
        if (s >= 400 && s < 500) {
            problem(s, a, failures);
        }
        boolean accepted = s >= 200 && s < 300;
        if (r.verdict() == Verdict.MUST_REFUSE && accepted) {
            failures.add("invalid input accepted");
        }
        // What may be accepted may also have been carried out before its answer was refused (an Accept it cannot serve).
        if ((accepted || r.verdict() == Verdict.MAY_ACCEPT) && r.operation().method().equals("POST")) {
            consumed.accept(r);
        }
        if (r.verdict() == Verdict.UNAUTHENTICATED && s != 401 && s > 0) {
            failures.add(accepted ? "served without a valid token" : "not 401 without a valid token");
        }
        if (r.verdict() == Verdict.FORBIDDEN && s != 403 && s > 0) {
            failures.add(accepted ? "served without the scope" : "not 403 without the scope");
        }
        if (a.body().contains(Mutations.ECHO_PROBE) || (s >= 400 && r.inputLength() > 10_000 && a.body().length() > 2_048)) {
            failures.add("long input echoed");
        }
        // Only the start of an answer is kept (so that a long run's results stay small); a failure's a little more.
        String kept = a.body().substring(0, Math.min(failures.isEmpty() ? 300 : 1_000, a.body().length()));
        return new Result(r, s, a.contentType(), kept, a.body().length(), problemType(a), failures);
    }

    /**
     * An invalid request refused just as its operation's valid one was (the same 4xx, the same problem type: the case's
     * state, say) was not refused for being invalid: the server did not look at what is wrong with it. Input is
     * checked before state here, so its answer must differ. Call once the baselines have been answered.
     */
    public static void compareWithBaselines(List<Result> mutations, List<Result> baselines) {
        java.util.Map<ApiDocuments.Operation, Result> valid = new java.util.HashMap<>();
        baselines.forEach(b -> valid.put(b.request().operation(), b));
        for (Result m : mutations) {
            Result b = valid.get(m.request().operation());
            if (b != null && m.request().verdict() == Verdict.MUST_REFUSE && b.status() >= 400 && m.status() == b.status()
                    && java.util.Objects.equals(m.problemType(), b.problemType()) && !m.failures().contains("invalid input accepted")) {
                m.failures().add("invalid input refused only as the valid request is");
            }
        }
    }

    private static String problemType(Answer a) {
        if (!a.contentType().startsWith("application/problem+json")) {
            return null;
        }
        try {
            return Values.JSON.readTree(a.body()).path("type").asText(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static void problem(int status, Answer a, List<String> failures) {
        if (!a.contentType().startsWith("application/problem+json")) {
            failures.add("4xx not problem+json");
            return;
        }
        try {
            JsonNode problem = Values.JSON.readTree(a.body());
            if (problem.path("status").asInt() != status || problem.path("title").asText("").isBlank()) {
                failures.add("problem without its status or title");
            }
        } catch (IOException e) {
            failures.add("problem without its status or title");
        }
    }
}
