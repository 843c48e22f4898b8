package cn.changning.governance.assessment.api;

import cn.changning.governance.assessment.domain.indicator.Indicator;
import cn.changning.governance.assessment.domain.indicator.SubjectKind;
import cn.changning.governance.common.security.RequiresScope;
import cn.changning.governance.contracts.identity.Scopes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

@RestController
@Tag(name = "Indicators", description = "The indicators of digital urban management, per agency and per street")
public class IndicatorDefinitionController {

    /** One indicator's definition, as {@link Indicator} holds it. */
    public record IndicatorDefinition(Indicator indicator, String label, String numerator, String denominator, String clock,
                                      boolean higherIsBetter, Set<SubjectKind> subjects) {
    }

    @GetMapping("/api/v1/assessments/indicators/definitions")
    @RequiresScope(Scopes.ASSESSMENT_READ)
    @Operation(summary = "What each indicator counts",
            description = "Each indicator's numerator and denominator (which events count), and which instant puts a fact in a "
                    + "period (its date in Asia/Shanghai). A ratio whose denominator is 0 has no value.")
    public List<IndicatorDefinition> definitions() {
        return Arrays.stream(Indicator.values())
                .map(i -> new IndicatorDefinition(i, i.label(), i.numerator(), i.denominator(), i.clock(), i.higherIsBetter(), i.subjects()))
                .toList();
    }
}
