package cn.changning.governance.common.web;

import cn.changning.governance.common.domain.DomainRuleViolation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** If-Match as the platform reads it: the ETag it gave (a quoted version from 0), or * for any version. */
class ETagsTest {

    @Test
    void aQuotedVersionOrAStarIsRead() {
        assertThat(ETags.parseIfMatch("\"0\"")).isZero();
        assertThat(ETags.parseIfMatch(" \"12\" ")).isEqualTo(12L);
        assertThat(ETags.parseIfMatch("*")).isNull();
        assertThat(ETags.of(7)).isEqualTo("\"7\"");
    }

    @Test
    void anythingElseIsRefusedAsNoETagWeGave() {
        for (String value : List.of("3", "W/\"3\"", "\"-1\"", "\"abc\"", "\"\"", "\"3\", \"4\"")) {
            assertThatThrownBy(() -> ETags.parseIfMatch(value)).as(value).isInstanceOf(DomainRuleViolation.class);
        }
    }
}
