package cn.changning.governance.systemtests;

import cn.changning.governance.contracts.Topics;
import cn.changning.governance.localstack.LocalCallers;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A partner's Open311 client through the gateway: its request becomes the partner's case in the platform's own API
 * and on the case topic (the reporter sealed), goes around the loop as staff and agencies drive it, and after each
 * step the request's status and the updates feed follow.
 */
class Open311SystemTest {

    static final String GRID = "310105001000001";
    static final String KEY = LocalCallers.open311Key(LocalCallers.PARTNER);
    static final String NAME = "欧阳测试";
    static final String PHONE = "13907123311";
    static final String EMAIL = "ouyang.open311@example.cn";

    static PlatformClient client;

    @BeforeAll
    static void start() {
        client = new PlatformClient(SharedStack.get());
    }

    @Test
    void aRequestMadeThroughOpen311IsThePartnersCaseAndItsStatusAndUpdatesFollowTheLoop() {
        JsonNode centre = get("/api/v1/geography/grids/" + GRID).get("centre");
        HttpResponse<String> created = client.open311("requests.json", PlatformClient.form("api_key", KEY,
                "service_code", "0101", "lat", centre.get("lat").asText(), "long", centre.get("lng").asText(),
                "address_string", "华阳路1号", "description", "Cover missing\r\nby the school gate",
                "first_name", NAME, "phone", PHONE, "email", EMAIL));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = PlatformClient.json(created.body()).get(0).get("service_request_id").asText();

        // The platform's own API, with the partner's token: its case.
        HttpResponse<String> mine = client.as(LocalCallers.PARTNER, "GET", "/api/v1/cases/" + id, null, null);
        assertThat(mine.statusCode()).as(mine.body()).isEqualTo(200);
        assertThat(PlatformClient.json(mine.body()).get("reportedBy").asText()).isEqualTo(LocalCallers.PARTNER);
        assertThat(PlatformClient.json(mine.body()).get("description").asText()).isEqualTo("Cover missing\r\nby the school gate");
        // The case topic: reported, its reporter sealed (no clear name, phone or email in the record).
        List<ConsumerRecord<String, byte[]>> records = await().atMost(Duration.ofSeconds(20)).until(
                () -> client.readTopic(Topics.CASE_EVENTS).stream().filter(r -> id.equals(r.key())).toList(), r -> !r.isEmpty());
        String published = new String(records.get(0).value(), StandardCharsets.UTF_8);
        assertThat(published).contains("partner-hotline-12345").doesNotContain(NAME).doesNotContain(PHONE).doesNotContain(EMAIL);
        assertThat(PlatformClient.json(published).get("reporter").get("email").get("subject").asText()).isEqualTo("case-reporter:" + id);

        JsonNode reported = request(id, r -> true);
        assertThat(reported.get("status").asText()).isEqualTo("open");
        assertThat(updates(id, 1)).extracting(u -> u.get("status").asText()).containsExactly("open");

        // 2 file: the deadline is the request's expected datetime
        action(id, "file", "{}", 0);
        JsonNode filed = request(id, r -> !r.get("expected_datetime").asText().isEmpty());
        assertThat(filed.get("status").asText()).isEqualTo("open");
        assertThat(updates(id, 2).get(1).get("description").asText()).startsWith("Filed");

        // 3 dispatch (the dispatch service, on its own): the lead agency is responsible
        JsonNode order = awaitOrder(id + "-r0", o -> o.get("order").get("state").asText().equals("AWAITING_ACCEPTANCE"));
        String lead = order.get("order").get("leadAgencyId").asText();
        String leadName = get("/api/v1/agencies/" + lead).get("name").asText();
        JsonNode dispatched = request(id, r -> !r.get("agency_responsible").asText().isEmpty());
        assertThat(dispatched.get("agency_responsible").asText()).isEqualTo(leadName);
        assertThat(updates(id, 3).get(2).get("description").asText()).isEqualTo("Dispatched to " + leadName + ".");

        // 4 handle
        String etag = "\"" + order.get("order").get("version").asLong() + "\"";
        List<String> assistants = new ArrayList<>(order.get("order").get("parts").findValuesAsText("agencyId"));
        assistants.remove(lead);
        etag = orderAction(id + "-r0", etag, "accept", "{\"agencyId\":\"" + lead + "\"}");
        etag = orderAction(id + "-r0", etag, "report", "{\"agencyId\":\"" + lead + "\",\"result\":\"RESOLVED\",\"note\":\"replaced\"}");
        for (String assistant : assistants) {
            etag = orderAction(id + "-r0", etag, "accept", "{\"agencyId\":\"" + assistant + "\"}");
            etag = orderAction(id + "-r0", etag, "confirm", "{\"agencyId\":\"" + assistant + "\"}");
        }
        assertThat(updates(id, 4).get(3).get("status").asText()).isEqualTo("open");

        // 5 verify and close: closed, fixed
        action(id, "verify", "{\"fixed\":true}", 3);
        updates(id, 5);
        action(id, "close", "{\"resolution\":\"FIXED\"}", 4);
        JsonNode closed = request(id, r -> r.get("status").asText().equals("closed"));
        assertThat(closed.get("status_notes").asText()).isEqualTo("fixed");
        List<JsonNode> all = updates(id, 6);
        assertThat(closed.get("updated_datetime").asText()).as("from the last event").isGreaterThanOrEqualTo(all.get(5).get("updated_datetime").asText());
        assertThat(all).extracting(u -> u.get("status").asText()).containsExactly("open", "open", "open", "open", "open", "closed");
        assertThat(all.get(5).get("description").asText()).isEqualTo("Closed: fixed.");
        assertThat(all).extracting(u -> u.get("update_id").asText()).doesNotHaveDuplicates().allMatch(u -> u.startsWith(id + ":"));
    }

    /** The request as its partner reads it through Open311, once the condition holds. */
    private static JsonNode request(String id, Predicate<JsonNode> condition) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
            HttpResponse<String> r = client.open311("requests/" + id + ".json?api_key=" + KEY, null);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            return PlatformClient.json(r.body()).get(0);
        }, condition);
    }

    /** The request's updates, oldest first, once there are {@code count} of them. */
    private static List<JsonNode> updates(String id, int count) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
            HttpResponse<String> r = client.open311("servicerequestupdates.json?api_key=" + KEY, null);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            List<JsonNode> mine = new ArrayList<>();
            PlatformClient.json(r.body()).forEach(u -> {
                if (u.get("service_request_id").asText().equals(id)) {
                    mine.add(u);
                }
            });
            return mine;
        }, u -> u.size() >= count);
    }

    private static void action(String caseId, String action, String body, long ifMatch) {
        HttpResponse<String> r = client.action("/api/v1/cases/" + caseId + "/" + action, body, "\"" + ifMatch + "\"");
        assertThat(r.statusCode()).as(action + ": " + r.body()).isEqualTo(200);
    }

    private static JsonNode awaitOrder(String orderId, Predicate<JsonNode> condition) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            HttpResponse<String> r = client.get("/api/v1/dispatch-orders/" + orderId);
            return r.statusCode() == 200 ? PlatformClient.json(r.body()) : null;
        }, o -> o != null && o.get("order").get("version").asLong() >= 2 && condition.test(o));
    }

    private static String orderAction(String orderId, String etag, String action, String body) {
        HttpResponse<String> r = client.action("/api/v1/dispatch-orders/" + orderId + "/" + action, body, etag);
        assertThat(r.statusCode()).as(action + ": " + r.body()).isEqualTo(200);
        return r.headers().firstValue("ETag").orElseThrow();
    }

    private static JsonNode get(String path) {
        HttpResponse<String> r = client.get(path);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return PlatformClient.json(r.body());
    }
}
