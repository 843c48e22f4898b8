package cn.changning.governance.common.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bodies are read strictly; the application's own mapper (events) is left as tolerant as it was. */
class StrictJsonTest {

    enum Colour { RED, GREEN }

    record Request(String name, Integer count, Boolean flag, Colour colour, Instant at, List<String> tags, Double lat,
                   java.time.LocalDate on) {
    }

    /** As Boot builds the application's mapper (fail-on-unknown-properties off, see GovernanceDefaults). */
    private final ObjectMapper application = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final ObjectMapper strict = StrictJson.of(application);

    @Test
    void aWellFormedBodyIsRead() throws Exception {
        Request r = strict.readValue("""
                {"name":"a\\tb\\nc","count":3,"flag":true,"colour":"RED","at":"2026-11-27T02:00:00Z","tags":["x"],"lat":31,"on":"2026-07-01"}
                """, Request.class);
        assertThat(r).isEqualTo(new Request("a\tb\nc", 3, true, Colour.RED, Instant.parse("2026-11-27T02:00:00Z"), List.of("x"), 31.0,
                java.time.LocalDate.of(2026, 7, 1)));
    }

    @Test
    void duplicateKeysUnknownPropertiesAndTrailingTokensAreRefused() {
        assertThatThrownBy(() -> strict.readValue("{\"name\":\"a\",\"name\":\"b\"}", Request.class))
                .isInstanceOf(JsonProcessingException.class).hasMessageContaining("Duplicate field");
        assertThatThrownBy(() -> strict.readValue("{\"nmae\":\"a\"}", Request.class))
                .isInstanceOf(UnrecognizedPropertyException.class);
        assertThatThrownBy(() -> strict.readValue("{\"name\":\"a\"} {}", Request.class))
                .isInstanceOf(MismatchedInputException.class).hasMessageContaining("Trailing token");
    }

    @Test
    void noValueIsCoercedFromAnotherJsonType() {
        for (String body : List.of("{\"count\":\"1\"}", "{\"count\":1.5}", "{\"name\":12}", "{\"name\":true}",
                "{\"flag\":1}", "{\"flag\":\"true\"}", "{\"colour\":0}", "{\"colour\":\"\"}", "{\"tags\":\"x\"}",
                "{\"at\":1764208800}", "{\"lat\":\"31.2\"}", "{\"name\":[\"a\"]}", "{\"on\":123}")) {
            assertThatThrownBy(() -> strict.readValue(body, Request.class)).as(body).isInstanceOf(JsonMappingException.class);
        }
    }

    @Test
    void controlCharactersAndInstantsOutOfRangeAreRefusedNamingTheField() {
        for (String body : List.of("{\"name\":\"a\\u0000b\"}", "{\"name\":\"a\\u001bb\"}", "{\"name\":\"a\\u007fb\"}",
                "{\"tags\":[\"ok\",\"a\\u0000\"]}", "{\"at\":\"+1000000000-12-31T23:59:59Z\"}", "{\"at\":\"1969-12-31T23:59:59Z\"}",
                "{\"name\":\"lone \\ud800\"}", "{\"colour\":\"RED \"}", "{\"colour\":\" GREEN\"}")) {
            assertThatThrownBy(() -> strict.readValue(body, Request.class)).as(body)
                    .isInstanceOfSatisfying(StrictJson.RefusedValueException.class, e -> assertThat(e.getPath()).isNotEmpty());
        }
    }

    @Test
    void stringsAndNestingAreBounded() {
        String longName = "{\"name\":\"" + "x".repeat(StrictJson.MAX_STRING_LENGTH + 1) + "\"}";
        assertThatThrownBy(() -> strict.readValue(longName, Request.class)).isInstanceOf(JsonProcessingException.class);
        String deep = "[".repeat(StrictJson.MAX_NESTING_DEPTH + 1) + "]".repeat(StrictJson.MAX_NESTING_DEPTH + 1);
        assertThatThrownBy(() -> strict.readTree(deep)).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void theApplicationsMapperStaysTolerantForEvents() throws Exception {
        // An event from a newer producer, with a field this consumer does not know: still read.
        Request event = application.readValue("{\"name\":\"a\",\"addedLater\":1}", Request.class);
        assertThat(event.name()).isEqualTo("a");
        assertThat(application.getFactory().streamReadConstraints().getMaxNestingDepth())
                .isGreaterThan(StrictJson.MAX_NESTING_DEPTH);
    }
}
