package cn.changning.governance.common.testing;

import cn.changning.governance.common.security.RequiresScope;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authorisation matrix of one service, generated from its routes: every API route the service maps must have a
 * row, and each row is called over real HTTP with no token (401), an expired one (401), one signed by an unknown key
 * (401), the right caller's without the route's scope (403), another street's or agency's caller (404, where the
 * route serves a resource of a place) and the right caller (2xx). The scope asked is read from the route's own
 * {@link RequiresScope}. Every failure is collected, then reported together.
 */
public final class AuthorisationMatrix {

    /** A concrete call of a route: its path with real ids, a JSON body or null, an If-Match or null. */
    public record Call(String method, String path, String body, String ifMatch) {

        public static Call get(String path) {
            return new Call("GET", path, null, null);
        }

        public static Call post(String path, String body) {
            return new Call("POST", path, body, null);
        }

        public static Call post(String path, String body, String ifMatch) {
            return new Call("POST", path, body, ifMatch);
        }
    }

    private record Row(String method, String pattern, TestCallers caller, TestCallers stranger, Supplier<Call> prepare) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final Map<String, String> routeScopes = new LinkedHashMap<>();
    private final List<Row> rows = new ArrayList<>();

    /** @param mapping the service's handler mapping: its routes under {@code /api/} are the matrix's rows to fill */
    public AuthorisationMatrix(String baseUrl, RequestMappingHandlerMapping mapping) {
        this.baseUrl = baseUrl;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
            RequiresScope scope = e.getValue().getMethodAnnotation(RequiresScope.class);
            for (String pattern : e.getKey().getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                for (var method : e.getKey().getMethodsCondition().getMethods()) {
                    routeScopes.put(method.name() + " " + pattern, scope == null ? null : scope.value());
                }
            }
        }
    }

    /**
     * A row: the route, the caller it is for and how to prepare one call of it (creating what it acts on).
     *
     * @param stranger a caller of the same kind elsewhere (another street, another agency) that must get 404; or null
     *                 where the route serves no place's resource
     */
    public AuthorisationMatrix row(String method, String pattern, TestCallers caller, TestCallers stranger, Supplier<Call> prepare) {
        rows.add(new Row(method, pattern, caller, stranger, prepare));
        return this;
    }

    public void check() {
        List<String> failures = new ArrayList<>();
        TreeSet<String> missing = new TreeSet<>(routeScopes.keySet());
        for (Row row : rows) {
            String route = row.method() + " " + row.pattern();
            if (!missing.remove(route) && !routeScopes.containsKey(route)) {
                failures.add(route + ": no such route in the service");
                continue;
            }
            String scope = routeScopes.get(route);
            if (scope == null) {
                failures.add(route + ": names no scope (@RequiresScope)");
                continue;
            }
            Call call = row.prepare().get();
            expect(failures, route, "no token", call, null, 401);
            expect(failures, route, "expired token", call, row.caller().expiredToken(), 401);
            expect(failures, route, "token signed by an unknown key", call, row.caller().foreignToken(), 401);
            expect(failures, route, "token without " + scope, call, row.caller().tokenWithout(scope), 403);
            if (row.stranger() != null) {
                expect(failures, route, row.stranger().clientId() + " (elsewhere)", call, row.stranger().token(), 404);
            }
            int status = send(call, row.caller().token()).statusCode();
            if (status / 100 != 2) {
                failures.add(route + ": " + row.caller().clientId() + " got " + status + ", not 2xx");
            }
        }
        missing.forEach(route -> failures.add(route + ": no row in the authorisation matrix"));
        assertThat(failures).as("authorisation matrix of " + routeScopes.size() + " routes").isEmpty();
    }

    private void expect(List<String> failures, String route, String what, Call call, String token, int expected) {
        int status = send(call, token).statusCode();
        if (status != expected) {
            failures.add(route + ": " + what + " got " + status + ", not " + expected);
        }
    }

    /** One call over HTTP; also for tests that need the answer. */
    public HttpResponse<String> send(Call call, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + call.path()))
                .timeout(Duration.ofSeconds(30))
                .method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(call.body()))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (call.ifMatch() != null) {
            request.header("If-Match", call.ifMatch());
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(call + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
