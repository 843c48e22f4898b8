package cn.changning.governance.common.consuming;

import cn.changning.governance.contracts.EventTypes;
import cn.changning.governance.contracts.cases.CaseResumed;
import cn.changning.governance.contracts.cases.CaseSuspended;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one decoder of published events: by exact type and version, to the registered class, or poison. */
class EventRouterTest {

    static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule()).build();
    static final String SUSPENDED = EventTypes.cloudEventType(CaseSuspended.class);

    final List<String> handled = new ArrayList<>();
    final EventRouter<Void> router = EventRouter.using(JSON)
            .on(CaseSuspended.class, (record, e) -> handled.add("suspended " + e.caseId() + " by " + e.approvedBy()));

    @Test
    void anEventOfARegisteredTypeIsDecodedIntoItsRecordAndHandled() {
        boolean routed = router.route(record(SUSPENDED, """
                {"caseId":"c-1","reason":"awaiting funds","approvedBy":"centre","suspendedBy":"op","suspendedAt":"2026-12-01T08:00:00Z"}"""));
        assertThat(routed).isTrue();
        assertThat(handled).containsExactly("suspended c-1 by centre");
    }

    @Test
    void typesTheConsumerDidNotRegisterAreSkippedWithoutDecoding() {
        assertThat(router.route(record(EventTypes.cloudEventType(CaseResumed.class), "not even json"))).isFalse();
        assertThat(router.route(record("org.example.SomethingElse.v1", "{}"))).isFalse();
        assertThat(router.decode(record(EventTypes.cloudEventType(CaseResumed.class), "{}"))).isEmpty();
        assertThat(handled).isEmpty();
    }

    @Test
    void aVersionTheConsumerDoesNotKnowIsPoisonNeverTheRegisteredClass() {
        EventRecord future = record(SUSPENDED.replace(".v1", ".v9"), "{\"caseId\":\"c-1\"}");
        assertThatThrownBy(() -> router.route(future)).isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("version not known").hasMessageContaining(SUSPENDED);
        assertThatThrownBy(() -> router.decode(future)).isInstanceOf(PoisonEventException.class);
        assertThat(handled).isEmpty();
    }

    @Test
    void aBodyThatDoesNotDecodeIsPoison() {
        assertThatThrownBy(() -> router.route(record(SUSPENDED, "{not json"))).isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("does not decode as CaseSuspended");
        assertThatThrownBy(() -> router.route(record(SUSPENDED, "null"))).isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("no data");
        assertThatThrownBy(() -> router.route(record(SUSPENDED, "{\"suspendedAt\":\"yesterday\"}")))
                .isInstanceOf(PoisonEventException.class);
        assertThat(handled).isEmpty();
    }

    @Test
    void aContextIsHandedToTheHandlerWithTheEvent() {
        StringBuilder order = new StringBuilder("order: ");
        EventRouter<StringBuilder> withContext = EventRouter.using(JSON, StringBuilder.class)
                .on(CaseSuspended.class, (StringBuilder doc, EventRecord r, CaseSuspended e) -> doc.append("on hold for ").append(e.reason()));
        withContext.route(order, record(SUSPENDED, "{\"caseId\":\"c-1\",\"reason\":\"funds\"}"));
        assertThat(order).hasToString("order: on hold for funds");
    }

    @Test
    void aTypeIsRoutedOnce() {
        assertThatThrownBy(() -> router.on(CaseSuspended.class, (record, e) -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static EventRecord record(String type, String body) {
        return new EventRecord("id-1", type, "c-1", 1, Instant.EPOCH, body.getBytes(StandardCharsets.UTF_8), "t", 0, 0);
    }
}
