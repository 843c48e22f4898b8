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

        List<Integer> ports = new ArrayList<>();
        ports.add(stack.gatewayPort());
        SERVICES.forEach(s -> ports.add(stack.servicePort(s)));
        for (int port : ports) {
            for (String name : consumers) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/" + name))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("[\"not an event\"]")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as("POST /" + name + " on port " + port + ": " + response.body()).isEqualTo(404);
            }
        }
    }
}
