package cn.changning.governance.common.web;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Query parameters and path variables are read exactly; Spring's binding reads 0x10, yes and "" leniently. */
class StrictParametersTest {

    enum Step { REPORTED, FILED }

    /** A handler as the controllers declare them. */
    static class Handler {
        public void list(@RequestParam(required = false) Integer page, @RequestParam(name = "class", required = false) Step step,
                         @RequestParam(required = false) Boolean suspended, @RequestParam(required = false) Instant from,
                         @RequestParam double lat, @PathVariable long id, @RequestParam(required = false) String q) {
        }
    }

    @Test
    void exactValuesAreRead() {
        assertThat(StrictParameters.convert(Integer.class, "16")).isEqualTo(16);
        assertThat(StrictParameters.convert(long.class, "-3")).isEqualTo(-3L);
        assertThat(StrictParameters.convert(double.class, "31.2155")).isEqualTo(31.2155);
        assertThat(StrictParameters.convert(Boolean.class, "true")).isEqualTo(true);
        assertThat(StrictParameters.convert(boolean.class, "false")).isEqualTo(false);
        assertThat(StrictParameters.convert(Step.class, "FILED")).isEqualTo(Step.FILED);
        assertThat(StrictParameters.convert(String.class, "manhole")).isEqualTo("manhole");
        assertThat(StrictParameters.convert(java.time.Duration.class, "PT5S")).isEqualTo(java.time.Duration.ofSeconds(5));
        assertThat(StrictParameters.convert(java.time.LocalDate.class, "2026-07-01")).isEqualTo(java.time.LocalDate.of(2026, 7, 1));
        assertThat(StrictParameters.convert(Instant.class, "2026-11-27T02:00:00Z")).isEqualTo(Instant.parse("2026-11-27T02:00:00Z"));
    }

    @Test
    void lenientReadingsAreRefused() {
        refused("0x10", Integer.class);
        refused("+16", Integer.class);
        refused(" 16", Integer.class);
        refused("", Integer.class);
        refused("99999999999", Integer.class);
        refused("NaN", Double.class);
        refused("0x1p3", Double.class);
        refused("yes", Boolean.class);
        refused("on", Boolean.class);
        refused("", Boolean.class);
        refused("", Step.class);
        refused("\u0000", Step.class);
        refused("filed", Step.class);
        refused(" FILED", Step.class);
        refused("+1000000000-12-31T23:59:59Z", Instant.class);
        refused("yesterday", Instant.class);
        refused("", String.class);
        refused("", java.time.Duration.class);
        refused("5s", java.time.Duration.class);
        refused("", java.time.LocalDate.class);
        refused("2026-7-1", java.time.LocalDate.class);
        refused("2026-02-30", java.time.LocalDate.class);
    }

    private static void refused(String text, Class<?> type) {
        assertThatThrownBy(() -> StrictParameters.convert(type, text)).as("'" + text + "' as " + type.getSimpleName())
                .isInstanceOf(StrictParameters.RefusedParameterException.class);
    }

    @Test
    void theHandlersParametersAreCheckedByTheirNames() throws Exception {
        HandlerMethod handler = new HandlerMethod(new Handler(), Handler.class.getMethod("list", Integer.class, Step.class,
                Boolean.class, Instant.class, double.class, long.class, String.class));
        assertThat(check(handler, Map.of("page", "2", "class", "FILED", "suspended", "true", "lat", "31.2", "q", "0x10"), "7")).isNull();
        assertThat(check(handler, Map.of("page", "0x10"), "7")).isEqualTo("page");
        assertThat(check(handler, Map.of("class", ""), "7")).isEqualTo("class");
        assertThat(check(handler, Map.of("suspended", "yes"), "7")).isEqualTo("suspended");
        assertThat(check(handler, Map.of("from", "+1000000000-12-31T23:59:59Z"), "7")).isEqualTo("from");
        assertThat(check(handler, Map.of("lat", "NaN"), "7")).isEqualTo("lat");
        assertThat(check(handler, Map.of(), "0x7")).isEqualTo("id");
    }

    /** The parameter refused, or null. */
    private static String check(HandlerMethod handler, Map<String, String> query, String id) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/x/" + id);
        query.forEach(request::setParameter);
        request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, Map.of("id", id));
        try {
            new StrictParameters().preHandle(request, new MockHttpServletResponse(), handler);
            return null;
        } catch (InvalidParameterException e) {
            return e.parameter();
        }
    }
}
