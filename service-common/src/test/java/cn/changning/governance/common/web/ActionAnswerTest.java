package cn.changning.governance.common.web;

import cn.changning.governance.common.domain.DomainRuleViolation;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** If-Match in, {id, version} + ETag out: the two halves of an action, as both services use them. */
class ActionAnswerTest {

    record Updated(String caseId, long version) {
    }

    @Test
    void anActionAnswersItsNewVersionInTheBodyAndAsETag() {
        ResponseEntity<Updated> answer = ActionAnswer.of(4L, v -> new Updated("c-1", v));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getHeaders().getETag()).isEqualTo("\"4\"");
        assertThat(answer.getBody()).isEqualTo(new Updated("c-1", 4));
    }

    @Test
    void aHandlerThatAnswersNoVersionGivesMinusOne() {
        ResponseEntity<Updated> answer = ActionAnswer.of(null, v -> new Updated("c-1", v));

        assertThat(answer.getHeaders().getETag()).isEqualTo("\"-1\"");
        assertThat(answer.getBody().version()).isEqualTo(-1);
    }

    @Test
    void theExpectedVersionIsReadFromIfMatch() {
        assertThat(resolve("\"3\"").value()).isEqualTo(3L);
        assertThat(resolve("*").value()).as("* is any current version: no version check").isNull();
    }

    @Test
    void anIfMatchThatIsNoStrongQuotedETagIsRefusedNotReadAsAVersion() {
        for (String bad : new String[]{"W/\"5\"", "5", "\"5", "\"\"", "\"abc\"", "\"1\", \"2\""}) {
            assertThatThrownBy(() -> resolve(bad).value()).as(bad).isInstanceOf(cn.changning.governance.common.domain.DomainRuleViolation.class)
                    .hasMessageContaining("If-Match");
        }
    }

    @Test
    void anActionWithoutIfMatchIsRefusedAsPreconditionRequired() {
        assertThatThrownBy(() -> resolve(null)).isInstanceOf(PreconditionRequiredException.class)
                .hasMessageContaining("If-Match");
        assertThatThrownBy(() -> resolve("  ")).isInstanceOf(PreconditionRequiredException.class);
    }

    @Test
    void aMalformedIfMatchIsRefusedWhenRead() {
        ExpectedVersion expected = resolve("\"seven\"");

        assertThatThrownBy(expected::value).isInstanceOf(DomainRuleViolation.class).hasMessageContaining("If-Match");
    }

    @Test
    void severalIfMatchHeadersAreReadAsOneListAndRefused() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("If-Match", "\"1\"");
        request.addHeader("If-Match", "\"2\"");
        ExpectedVersion expected = new ExpectedVersionArgumentResolver().resolveArgument(null, null, new ServletWebRequest(request), null);

        assertThat(expected.ifMatch()).isEqualTo("\"1\",\"2\"");
        assertThatThrownBy(expected::value).isInstanceOf(DomainRuleViolation.class);
    }

    private static ExpectedVersion resolve(String ifMatch) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        if (ifMatch != null) {
            request.addHeader("If-Match", ifMatch);
        }
        return new ExpectedVersionArgumentResolver().resolveArgument(null, null, new ServletWebRequest(request), null);
    }
}
