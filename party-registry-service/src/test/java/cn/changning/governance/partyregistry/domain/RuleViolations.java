package cn.changning.governance.partyregistry.domain;

import cn.changning.governance.common.domain.DomainRuleViolation;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

/** Matchers for the registry's fixture tests: a refusal with this code (and, when given, this field). */
public final class RuleViolations {

    private RuleViolations() {
    }

    public static Matcher<Object> violation(String code, String... field) {
        return new TypeSafeDiagnosingMatcher<>(DomainRuleViolation.class) {
            @Override
            protected boolean matchesSafely(Object item, Description mismatch) {
                DomainRuleViolation v = (DomainRuleViolation) item;
                mismatch.appendText("code ").appendValue(v.code()).appendText(" field ").appendValue(v.field());
                return v.code().equals(code) && (field.length == 0 || field[0].equals(v.field()));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a rule violation ").appendValue(code)
                        .appendText(field.length == 0 ? "" : " on field " + field[0]);
            }
        };
    }
}
