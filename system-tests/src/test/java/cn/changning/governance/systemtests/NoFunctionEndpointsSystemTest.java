package cn.changning.governance.systemtests;

import cn.changning.governance.common.consuming.EventConsumer;
import cn.changning.governance.localstack.LocalStack;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consumers are Spring Cloud Stream functions, and Spring Cloud Gateway (on the stack's one
 * classpath) can route {@code POST /{function}} of any application to them. Tried as an outsider
 * would: no service and not the gateway answers a consumer's name as a path, so events reach the
 * read models and policies only through the topics.
 */
class NoFunctionEndpointsSystemTest {

    static final List<String> SERVICES = List.of("case-service", "dispatch-service", "assessment-service", "party-registry-service");

    @Test
    void noApplicationInvokesAConsumerFunctionOverHttp() throws Exception {
        LocalStack stack = SharedStack.get();
        HttpClient http = HttpClient.newHttpClient();
        List<String> consumers = new ArrayList<>();
        for (String service : SERVICES) {
            Map<String, EventConsumer> beans = stack.service(service).getBeansOfType(EventConsumer.class);
            beans.values().forEach(c -> consumers.add(c.name()));
        }
        assertThat(consumers).contains("case-projection", "dispatch-policy", "case-intake", "dispatch-orders");

        // With a valid token, so that what answers is the routing, not the token check: a service has no such
        // route (404); the gateway proxies only its route table and refuses anything else (403).
        String token = new PlatformClient(stack).callers().token("district-centre");
        Map<Integer, Integer> expected = new java.util.LinkedHashMap<>();
        expected.put(stack.gatewayPort(), 403);
        SERVICES.forEach(s -> expected.put(stack.servicePort(s), 404));
        for (Map.Entry<Integer, Integer> port : expected.entrySet()) {
            for (String name : consumers) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.getKey() + "/" + name))
                        .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofString("[\"not an event\"]")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as("POST /" + name + " on port " + port.getKey() + ": " + response.body())
                        .isEqualTo(port.getValue());
            }
        }
    }
}
