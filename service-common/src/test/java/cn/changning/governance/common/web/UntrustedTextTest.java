package cn.changning.governance.common.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What an error may repeat of the input, and which characters input may not hold. */
class UntrustedTextTest {

    @Test
    void anExcerptIsShortAndHasItsControlCharactersEscaped() {
        String huge = "x".repeat(10_000_000);
        assertThat(UntrustedText.excerpt(huge)).hasSizeLessThan(100).endsWith("… (10000000 characters)");
        assertThat(UntrustedText.excerpt("a\u0000b\nc")).isEqualTo("a\\u0000b\\u000Ac");
        assertThat(UntrustedText.excerpt("short")).isEqualTo("short");
    }

    @Test
    void freeTextMayHoldTabsAndLineBreaksIdentifiersNone() {
        assertThat(UntrustedText.controlCharacterProblem("line\r\n\tnext", true)).isNull();
        assertThat(UntrustedText.controlCharacterProblem("line\nnext", false)).contains("U+000A");
        assertThat(UntrustedText.controlCharacterProblem("a\u0000", true)).contains("U+0000").contains("position 1");
        assertThat(UntrustedText.controlCharacterProblem("a\u007f", true)).contains("U+007F");
        assertThat(UntrustedText.controlCharacterProblem("长宁区 ok", false)).isNull();
    }

    @Test
    void textMustBeWellFormedUnicode() {
        assertThat(UntrustedText.controlCharacterProblem("emoji \uD83D\uDE00 ok", true)).isNull();
        assertThat(UntrustedText.controlCharacterProblem("lone \uD800 high", true)).contains("unpaired surrogate U+D800");
        assertThat(UntrustedText.controlCharacterProblem("\uDC00 lone low", true)).contains("unpaired surrogate U+DC00");
        assertThat(UntrustedText.controlCharacterProblem("trailing \uD83D", true)).contains("unpaired surrogate");
        assertThat(UntrustedText.controlCharacterProblem("bad \uFFFD bytes", false)).contains("not valid UTF-8");
        assertThat(UntrustedText.controlCharacterProblem("c1 \u0085 next line", true)).contains("U+0085");
    }
}
