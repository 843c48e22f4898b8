package cn.changning.governance.common.web;

import cn.changning.governance.common.domain.DomainRuleViolation;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The advice's last line: an unexpected failure is a bare 500 problem, and no problem repeats much of the input. */
class ProblemDetailsAdviceTest {

    private final ProblemDetailsAdvice advice = new ProblemDetailsAdvice();

    @Test
    void anUnexpectedFailureIsA500ProblemWithNothingOfTheException() throws Exception {
        ProblemDetail problem = advice.unexpected(new IllegalStateException("jdbc:postgresql://db:5432 password=secret"));
        assertThat(problem.getStatus()).isEqualTo(500);
        assertThat(problem.getType().toString()).endsWith("/internal-error");
        assertThat(problem.getDetail()).doesNotContain("secret").doesNotContain("jdbc").doesNotContain("IllegalState");
    }

    @Test
    void spring_securitysRefusalsAreLeftToItsHandlers() {
        AccessDeniedException denied = new AccessDeniedException("no scope");
        assertThatThrownBy(() -> advice.unexpected(denied)).isSameAs(denied);
    }

    @Test
    void aRuleMessageBuiltFromInputIsCutShort() {
        ProblemDetail problem = advice.ruleViolated(DomainRuleViolation.invalid("unknown-agency", "toAgencyId",
                "No agency " + "x".repeat(10_000_000)));
        assertThat(problem.getDetail()).hasSizeLessThan(ProblemDetailsAdvice.MAX_DETAIL + 40);
        assertThat(problem.getProperties().get("errors").toString()).hasSizeLessThan(500);
        assertThat(new NotFoundException("case", "y".repeat(5_000)).getMessage()).hasSizeLessThan(120);
    }
}
