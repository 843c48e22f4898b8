package cn.changning.governance.systemtests;

import cn.changning.governance.contracts.EventHeaders;
import cn.changning.governance.localstack.LocalCallers;
import cn.changning.governance.localstack.LocalStack;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What the platform's callers and an integrator see: the gateway's REST API and the event topics. Each call is made
 * as the caller who would make it, with that caller's token from the stack's authorisation server (see
 * {@link LocalCallers}).
 */
final class PlatformClient {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final String bootstrapServers;
    private final LocalCallers callers;

    PlatformClient(int gatewayPort, String bootstrapServers, String issuer) {
        this.baseUrl = "http://127.0.0.1:" + gatewayPort;
        this.bootstrapServers = bootstrapServers;
        this.callers = new LocalCallers(issuer, baseUrl);
    }

    PlatformClient(LocalStack stack) {
        this(stack.gatewayPort(), stack.infrastructure().kafka().bootstrapServers(), stack.issuer());
    }

    LocalCallers callers() {
        return callers;
    }

    static String reportBody(String description) {
        return """
                {"itemCode":"0101","location":{"latitude":31.2155,"longitude":121.4231,"gridCode":"310105001000001","address":"Yan'an Rd W 1"},
                 "description":"%s","source":"RESIDENT","reporter":{"name":"Li","contact":"13800000000"}}
                """.formatted(description);
    }

    static String reportBody(String itemCode, double latitude, double longitude, String description) {
        return """
                {"itemCode":"%s","location":{"latitude":%s,"longitude":%s,"address":"Huayang Rd"},
                 "description":"%s","source":"GRID_SUPERVISOR_PATROL","reporter":{"name":"supervisor-7"}}
                """.formatted(itemCode, latitude, longitude, description);
    }

    HttpResponse<String> post(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .header("Authorization", callers.authorization("POST", path, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /**
     * An action (a state change) with If-Match, which every action requires: the ETag last read, or {@code *};
     * null sends none (to see the 428).
     */
    HttpResponse<String> action(String path, String body, String ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .header("Authorization", callers.authorization("POST", path, body))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(request.build());
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", callers.authorization("GET", path, null)).GET().build());
    }

    /** A call as a given client (null: with no token), for tests of who may do what. */
    HttpResponse<String> as(String clientId, String method, String path, String body, String ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (clientId != null) {
            request.header("Authorization", "Bearer " + callers.token(clientId));
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(request.build());
    }

    /** A call as a given client with a body of another type than JSON (a CSV upload). */
    HttpResponse<String> send(String clientId, String method, String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", contentType)
                .header("Authorization", "Bearer " + callers.token(clientId))
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /**
     * A call to the Open311 facade as a partner's client makes it: no token (the api_key is in the form or the query),
     * a form-encoded body for a POST, null for a GET.
     */
    HttpResponse<String> open311(String pathAndQuery, String form) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/open311/v2/" + pathAndQuery));
        if (form != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
        }
        return send(request.build());
    }

    /** A form body of name, value pairs, URL-encoded. */
    static String form(String... pairs) {
        java.util.StringJoiner form = new java.util.StringJoiner("&");
        for (int i = 0; i < pairs.length; i += 2) {
            form.add(java.net.URLEncoder.encode(pairs[i], StandardCharsets.UTF_8) + "="
                    + java.net.URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return form.toString();
    }

    /** Reports a case and returns its id (asserting 201 and the Location). */
    String reportCase(String description) {
        return created(post("/api/v1/cases", reportBody(description)));
    }

    String reportCase(String itemCode, double latitude, double longitude, String description) {
        return created(post("/api/v1/cases", reportBody(itemCode, latitude, longitude, description)));
    }

    private static String created(HttpResponse<String> response) {
        if (response.statusCode() != 201) {
            throw new AssertionError("report refused: " + response.statusCode() + " " + response.body());
        }
        String location = response.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every record on the topic from the beginning, read to its current end. */
    List<ConsumerRecord<String, byte[]>> readTopic(String topic) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "system-test-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.currentTimeMillis() + 30_000;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.currentTimeMillis() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    static Map<String, Long> countByKey(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
    }

    static Optional<String> header(ConsumerRecord<?, ?> record, String name) {
        return Optional.ofNullable(record.headers().lastHeader(name)).map(h -> new String(h.value(), StandardCharsets.UTF_8));
    }

    static long sequence(ConsumerRecord<?, ?> record) {
        return Long.parseLong(header(record, EventHeaders.SEQUENCE).orElseThrow());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
