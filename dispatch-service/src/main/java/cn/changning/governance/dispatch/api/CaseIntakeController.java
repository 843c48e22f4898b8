package cn.changning.governance.dispatch.api;

import cn.changning.governance.common.security.Actor;
import cn.changning.governance.common.security.RequiresScope;
import cn.changning.governance.contracts.identity.Scopes;
import cn.changning.governance.common.web.NotFoundException;
import cn.changning.governance.dispatch.projection.CaseIntakeProjection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/dispatch/case-intake")
@Tag(name = "Case intake", description = "What the dispatch service has seen of each case")
public class CaseIntakeController {

    private final CaseIntakeProjection intake;

    public CaseIntakeController(CaseIntakeProjection intake) {
        this.intake = intake;
    }

    @GetMapping("/{caseId}")
    @RequiresScope(Scopes.DISPATCH_READ)
    @Operation(summary = "The last case event the dispatch service applied for this case",
            description = "A street centre sees its street's cases, an agency the cases of the orders it has or had a part "
                    + "in, the district centre and departments all; another case answers 404, as an unknown one.")
    public CaseIntakeProjection.CaseIntake find(Actor actor, @PathVariable String caseId) {
        return intake.find(caseId, CallerAccess.visibility(actor))
                .orElseThrow(() -> new NotFoundException("case seen by dispatch", caseId));
    }
}
