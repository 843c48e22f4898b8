package cn.changning.governance.dispatch;

import cn.changning.governance.common.testing.TestCallers;
import cn.changning.governance.contracts.dispatch.DispatchOrderAccepted;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who acts and who sees, over HTTP with real tokens: an agency's action is recorded for the agency of its token
 * whatever the body says, and a street's or an agency's caller sees only its own orders, in single reads and in
 * lists alike.
 */
class DispatchCallersIntegrationTest extends DispatchHttpTest {

    @Test
    void anAgencysActionIsRecordedForTheAgencyOfItsTokenWhateverTheBodySays() {
        // Zhoujiaqiao (310105005): no other test's orders there.
        String squad = "310105005-squad";
        String police = "310105005-police";
        String orderId = issue("310105005", squad, police);
        long before = awaitOrder(orderId, o -> true).get("order").get("version").asLong();

        // The squad's token, a body naming the police station (which has a part too): refused, nothing recorded.
        ResponseEntity<JsonNode> posing = post(orderId, "accept", "{\"agencyId\":\"" + police + "\"}", "*", agency(squad));
        assertThat(posing.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(posing.getBody().get("type").asText()).endsWith("/actor-mismatch");
        assertThat(posing.getBody().get("errors").findValuesAsText("field")).containsExactly("agencyId");
        ResponseEntity<JsonNode> posingToReturn = post(orderId, "return", "{\"agencyId\":\"" + squad + "\",\"reason\":\"WRONG_AGENCY\"}",
                "*", agency(police));
        assertThat(posingToReturn.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(events(orderId)).as("the event store has only the issue's three events").hasSize(3);

        // Without agencyId: the token's agency is the one recorded, in the event store and in the read model.
        long v = version(post(orderId, "accept", "{}", etag(before), agency(police)));
        assertThat(v).as("no event was stored by the refused calls").isEqualTo(before + 1);
        List<Object> payloads = events(orderId).stream().<Object>map(DomainEventMessage::getPayload).toList();
        assertThat(payloads).hasSize(4).last().isInstanceOfSatisfying(DispatchOrderAccepted.class,
                accepted -> assertThat(accepted.agencyId()).isEqualTo(police));
        JsonNode order = awaitOrder(orderId, o -> o.get("order").get("version").asLong() == before + 1);
        assertThat(order.get("history").get(order.get("history").size() - 1).get("agencyId").asText()).isEqualTo(police);
        assertThat(order.get("order").get("parts").get(0).get("state").asText()).as("the squad's part").isEqualTo("AWAITING_ACCEPTANCE");
    }

    @Test
    void aStreetsOrAnAgencysCallerSeesOnlyItsOwnOrdersInReadsAndLists() {
        // Xianxia Xincun (310105008) and Beixinjing (310105011): no other test's orders there.
        String squad = "310105008-squad";
        String police = "310105008-police";
        String ours = issue("310105008", squad);
        String alsoOurs = issue("310105008", police);
        String theirs = issue("310105011", "310105011-squad");
        TestCallers xianxia = centre("310105008");

        JsonNode list = read("/api/v1/dispatch-orders?size=10", xianxia);
        assertThat(list.get("items").findValuesAsText("orderId")).containsExactlyInAnyOrder(ours, alsoOurs);
        assertThat(list.get("total").asLong()).isEqualTo(2);
        JsonNode firstPage = read("/api/v1/dispatch-orders?size=1", xianxia);
        assertThat(firstPage.get("items")).hasSize(1);
        assertThat(firstPage.get("total").asLong()).as("the total counts what the caller sees, not the whole model").isEqualTo(2);
        JsonNode asked = read("/api/v1/dispatch-orders?streetCode=310105011", xianxia);
        assertThat(asked.get("items")).as("another street named in the query: an empty page").isEmpty();
        assertThat(asked.get("total").asLong()).isZero();
        assertThat(read("/api/v1/dispatch-orders?streetCode=310105011", DISTRICT).get("items").findValuesAsText("orderId"))
                .contains(theirs);
        assertThat(get("/api/v1/dispatch-orders/" + theirs, xianxia).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("/api/v1/dispatch/streets/310105011/board", xianxia).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("/api/v1/agencies/310105011-squad/queue", xianxia).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(read("/api/v1/agencies/" + squad + "/queue", xianxia).get("items").findValuesAsText("orderId")).containsExactly(ours);
        ResponseEntity<JsonNode> strangerAction = post(theirs, "reissue", "{\"returnedAgencyId\":\"310105011-squad\"}", "*", xianxia);
        assertThat(strangerAction.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(strangerAction.getBody().get("detail").asText()).as("the same answer as for an order that does not exist")
                .isEqualTo("No dispatch order with id " + theirs);

        TestCallers theSquad = agency(squad);
        assertThat(read("/api/v1/dispatch-orders", theSquad).get("items").findValuesAsText("orderId")).containsExactly(ours);
        assertThat(read("/api/v1/dispatch-orders?agencyId=" + police, theSquad).get("total").asLong())
                .as("another agency named in the query: an empty page").isZero();
        assertThat(get("/api/v1/dispatch-orders/" + alsoOurs, theSquad).getStatusCode()).as("the police's order, same street")
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("/api/v1/agencies/" + police + "/queue", theSquad).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("/api/v1/agencies/" + police + "/stats", theSquad).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(read("/api/v1/agencies/" + squad + "/stats", theSquad).get("dispatched").asLong()).isEqualTo(1);
        assertThat(read("/api/v1/dispatch/streets/310105008/board", theSquad).get("streetCode").asText()).isEqualTo("310105008");
        assertThat(get("/api/v1/dispatch/streets/310105011/board", theSquad).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private List<? extends DomainEventMessage<?>> events(String orderId) {
        return eventStore.readEvents(orderId).asStream().toList();
    }
}
