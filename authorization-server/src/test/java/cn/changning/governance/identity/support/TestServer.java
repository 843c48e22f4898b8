package cn.changning.governance.identity.support;

import cn.changning.governance.identity.AuthorizationServerApplication;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The server started in-process as the local stack will start it (its own config file), on a random port, with a real HTTP client. */
public final class TestServer implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestServer shared;

    private final ConfigurableApplicationContext context;
    private final String baseUrl;

    private TestServer(ConfigurableApplicationContext context) {
        this.context = context;
        this.baseUrl = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    /** Random port, development secrets, the given key directory; {@code settings} add to or override these. */
    public static TestServer start(Path keyDirectory, Map<String, ?> settings) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("server.port", 0);
        p.put("identity.key-directory", keyDirectory);
        p.put("identity.development-secrets", true);
        p.put("spring.main.banner-mode", "off");
        p.putAll(settings);
        return new TestServer(AuthorizationServerApplication.builder()
                .registerShutdownHook(false)
                .run(AuthorizationServerApplication.withOverrides(p)));
    }

    /** One server for the test classes that only read from it (started once per test JVM, stopped at its exit). */
    public static synchronized TestServer shared() {
        if (shared == null) {
            try {
                shared = start(Files.createTempDirectory("identity-keys"), Map.of());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    /** A token request, the client authenticating with HTTP Basic; {@code scope} null asks for none (all granted). */
    public Answer token(String clientId, String secret, String scope) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        if (scope != null) {
            form.put("scope", scope);
        }
        return post("/oauth2/token", basic(clientId, secret), form);
    }

    public Answer post(String path, String authorization, Map<String, String> form) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"))));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }

    public static String basic(String clientId, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (context.isActive()) {
            context.close();
        }
    }

    /** An HTTP answer. */
    public record Answer(int status, String contentType, String body) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (" + status + "): " + body, e);
            }
        }

        public String accessToken() {
            if (status != 200) {
                throw new IllegalStateException("no token: " + status + " " + body);
            }
            return json().get("access_token").asText();
        }
    }
}
