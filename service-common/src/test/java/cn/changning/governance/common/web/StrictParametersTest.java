package cn.changning.governance.common.web;

import org.junit.jupiter.api.Test;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.format.support.DefaultFormattingConversionService;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Query parameters and path variables are converted exactly; Spring's defaults read 0x10, yes and "" leniently. */
class StrictParametersTest {

    enum Step { REPORTED, FILED }

    private final DefaultFormattingConversionService conversions = new DefaultFormattingConversionService();

    {
        StrictParameters.register(conversions);
    }

    @Test
    void exactValuesAreConverted() {
        assertThat(conversions.convert("16", Integer.class)).isEqualTo(16);
        assertThat(conversions.convert("-3", Long.class)).isEqualTo(-3L);
        assertThat(conversions.convert("31.2155", Double.class)).isEqualTo(31.2155);
        assertThat(conversions.convert("true", Boolean.class)).isTrue();
        assertThat(conversions.convert("false", Boolean.class)).isFalse();
        assertThat(conversions.convert("FILED", Step.class)).isEqualTo(Step.FILED);
        assertThat(conversions.convert("2026-11-27T02:00:00Z", Instant.class)).isEqualTo(Instant.parse("2026-11-27T02:00:00Z"));
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
    }

    private void refused(String text, Class<?> type) {
        assertThatThrownBy(() -> conversions.convert(text, type)).as("'" + text + "' as " + type.getSimpleName())
                .isInstanceOf(ConversionFailedException.class)
                .hasRootCauseInstanceOf(StrictParameters.RefusedParameterException.class);
    }

    @Test
    void aPageIsDecimalDigitsOnly() {
        for (String page : List.of("0x10", "+1", " 1")) {
            assertThatThrownBy(() -> StrictParameters.wholeNumber(page, 0, 10)).as(page)
                    .isInstanceOf(StrictParameters.RefusedParameterException.class);
        }
    }
}
