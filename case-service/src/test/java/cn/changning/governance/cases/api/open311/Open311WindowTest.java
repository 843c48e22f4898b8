package cn.changning.governance.cases.api.open311;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Open311WindowTest {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    private static void refused(String field, String start, String end) {
        assertThatThrownBy(() -> Open311Window.of(start, end, NOW, Open311Window.REQUESTS))
                .isInstanceOfSatisfying(Open311Exception.class, e -> {
                    assertThat(e.status().value()).isEqualTo(400);
                    assertThat(e.getMessage()).startsWith(field);
                });
    }

    @Test
    void withoutDatesTheWindowIsTheDefaultSpanEndingNow() {
        assertThat(Open311Window.of(null, null, NOW, Open311Window.REQUESTS))
                .isEqualTo(new Open311Window(NOW.minus(Duration.ofDays(90)), NOW));
        assertThat(Open311Window.of(null, null, NOW, Open311Window.UPDATES))
                .isEqualTo(new Open311Window(NOW.minus(Duration.ofDays(1)), NOW));
    }

    @Test
    void aStartAloneRunsUntilNowAnEndAloneReachesBackTheDefaultSpanAndBothAreTakenAsGiven() {
        assertThat(Open311Window.of("2026-11-30T00:00:00+08:00", null, NOW, Open311Window.UPDATES))
                .as("since a partner's last poll, though longer ago than the default day")
                .isEqualTo(new Open311Window(Instant.parse("2026-11-29T16:00:00Z"), NOW));
        assertThat(Open311Window.of("2026-12-01T00:05:00Z", null, NOW, Open311Window.UPDATES))
                .as("a start ahead of our clock: nothing yet, no refusal")
                .isEqualTo(new Open311Window(Instant.parse("2026-12-01T00:05:00Z"), Instant.parse("2026-12-01T00:05:00Z")));
        assertThat(Open311Window.of(null, "2026-11-01T00:00:00Z", NOW, Open311Window.REQUESTS).from())
                .isEqualTo(Instant.parse("2026-08-03T00:00:00Z"));
        assertThat(Open311Window.of("2026-09-02T00:00:00Z", "2026-12-01T00:00:00Z", NOW, Open311Window.REQUESTS))
                .as("exactly 90 days").isEqualTo(new Open311Window(Instant.parse("2026-09-02T00:00:00Z"), NOW));
        assertThat(Open311Window.of("2026-11-01T00:00:00 08:00", null, NOW, Open311Window.REQUESTS).from())
                .as("a + that arrived as a space").isEqualTo(Instant.parse("2026-10-31T16:00:00Z"));
    }

    @Test
    void aWindowWiderThanTheMaximumBackwardsOrUnreadableIsRefused() {
        refused("start_date, end_date", "2026-09-01T00:00:00Z", "2026-12-01T00:00:00Z");
        refused("start_date, end_date", "2026-12-01T00:00:00Z", "2026-11-01T00:00:00Z");
        refused("start_date", "2026-11-01", null);
        refused("start_date, end_date", "2026-08-01T00:00:00Z", null);
        refused("end_date", null, "2026-11-01T00:00:00");
    }

    @Test
    void theStatusFilterIsOpenClosedOrBoth() {
        assertThat(Open311Window.openFilter(null)).isNull();
        assertThat(Open311Window.openFilter("open")).isTrue();
        assertThat(Open311Window.openFilter("closed")).isFalse();
        assertThat(Open311Window.openFilter("open, closed")).isNull();
        assertThatThrownBy(() -> Open311Window.openFilter("pending")).isInstanceOf(Open311Exception.class).hasMessageStartingWith("status");
    }
}
