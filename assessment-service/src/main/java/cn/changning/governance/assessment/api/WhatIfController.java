package cn.changning.governance.assessment.api;

import cn.changning.governance.assessment.domain.period.ReportingPeriod;
import cn.changning.governance.assessment.domain.scheme.SchemeLibrary;
import cn.changning.governance.assessment.domain.scheme.SchemeVariant;
import cn.changning.governance.assessment.domain.scheme.VariantRefused;
import cn.changning.governance.assessment.domain.scheme.WhatIf;
import cn.changning.governance.assessment.domain.scheme.WhatIfAnswer;
import cn.changning.governance.assessment.domain.scoring.AgencyInputs;
import cn.changning.governance.assessment.domain.scoring.ScoredPeriod;
import cn.changning.governance.assessment.domain.scoring.ScoredPeriods;
import cn.changning.governance.common.security.Actor;
import cn.changning.governance.common.security.RequiresScope;
import cn.changning.governance.common.web.InvalidParameterException;
import cn.changning.governance.common.web.ProblemDetailsAdvice;
import cn.changning.governance.contracts.identity.Scopes;
import cn.changning.governance.reference.agencies.AgencyDirectory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.function.Predicate;

/**
 * What-if re-scoring of a scored period. It changes nothing (so it asks only {@code assessment:read}); what the caller
 * sees of the answer follows the assessment's reading rule.
 */
@RestController
@Tag(name = "What-if", description = "A past period re-scored under another scheme, beside its recorded results")
public class WhatIfController {

    static final String RULES = "Re-scores every agency and (for a year) every street of the period from the inputs recorded with "
            + "their scores, under the variant, and answers both rankings side by side: each subject's rank and total before "
            + "(the recorded card, corrections applied) and after, and the lines whose points changed most, in words. Nothing "
            + "recorded changes, confirmed or not. The variant (every field optional): agencySchemeId / streetSchemeId (another "
            + "scheme, see /schemes), satisfactionPoints (0-100: the SATISFACTION items scaled to it, the others to the rest of "
            + "100), residentEvaluationWeight (0-100, the indicators scaled to the rest), indicatorWeights {INDICATOR: weight "
            + ">= 0} (relative, then scaled), gradeBands {excellent, good, pass} (rising, pass > 0, excellent <= 100), "
            + "withoutItems [item codes] (the rest scaled to keep 100). An unknown scheme, indicator or item, a negative weight "
            + "or bands out of order: 400 naming the field. Street rankings exist only for years (period 2026, not 2026-Q3). "
            + "Who sees what: the district centre every agency and street; a street centre its own street's agencies (ranked "
            + "among themselves) and the whole street ranking; a department its own agencies, an agency itself (no street "
            + "ranking for either). A period not scored: 404.";

    private final WhatIf whatIf;
    private final SchemeLibrary schemes;
    private final WhatIfAudience audience;
    private final ObjectProvider<ScoredPeriods> scoredPeriods;

    public WhatIfController(WhatIf whatIf, SchemeLibrary schemes, AgencyDirectory agencies, ObjectProvider<ScoredPeriods> scoredPeriods) {
        this.whatIf = whatIf;
        this.schemes = schemes;
        this.audience = new WhatIfAudience(agencies);
        this.scoredPeriods = scoredPeriods;
    }

    @PostMapping("/api/v1/assessments/periods/{period}/what-if")
    @RequiresScope(Scopes.ASSESSMENT_READ)
    @Operation(summary = "Re-score a scored period under another scheme: both rankings side by side, each move explained",
            description = RULES)
    public WhatIfAnswer rescore(Actor actor,
                               @Parameter(description = "A year (2026), a quarter (2026-Q3) or a month (2026-07)") @PathVariable String period,
                               @RequestBody SchemeVariant variant) {
        if (!ReportingPeriod.isValid(period)) {
            throw new InvalidParameterException("period", "a period is a year (2026), a quarter (2026-Q3) or a month (2026-07)");
        }
        ReportingPeriod reporting = ReportingPeriod.parse(period);
        Predicate<AgencyInputs> shown = audience.agencies(actor).orElseThrow(() -> new PeriodNotScored(reporting));
        variant.check(schemes);
        ScoredPeriods periods = scoredPeriods.getIfAvailable();
        if (periods == null) {
            throw new ScoredPeriodsUnavailable();
        }
        ScoredPeriod scored = periods.find(reporting).orElseThrow(() -> new PeriodNotScored(reporting));
        return whatIf.answer(scored, variant, shown, audience.seesStreetRanking(actor));
    }

    @ExceptionHandler(VariantRefused.class)
    ProblemDetail variantRefused(VariantRefused refused) {
        ProblemDetail problem = ProblemDetailsAdvice.problem(HttpStatus.BAD_REQUEST, "validation-failed", "Invalid request",
                refused.getMessage());
        problem.setProperty("errors", List.of(new ProblemDetailsAdvice.FieldProblem(refused.field(), refused.reason())));
        return problem;
    }

    @ExceptionHandler(PeriodNotScored.class)
    ProblemDetail notScored(PeriodNotScored e) {
        return ProblemDetailsAdvice.problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
    }

    @ExceptionHandler(ScoredPeriodsUnavailable.class)
    ProblemDetail unavailable(ScoredPeriodsUnavailable e) {
        return ProblemDetailsAdvice.problem(HttpStatus.SERVICE_UNAVAILABLE, "scored-periods-unavailable", "Scored periods unavailable",
                e.getMessage());
    }

    static final class PeriodNotScored extends RuntimeException {
        PeriodNotScored(ReportingPeriod period) {
            super("Period " + period.id() + " has not been scored (or is not yours to see): there is nothing to re-score");
        }
    }

    static final class ScoredPeriodsUnavailable extends RuntimeException {
        ScoredPeriodsUnavailable() {
            super("The scored periods are not available in this service yet: what-if cannot read a period; retry later");
        }
    }
}
