package cn.changning.governance.dispatch.api;

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
    @Operation(summary = "The last case event the dispatch service applied for this case")
    public CaseIntakeProjection.CaseIntake find(@PathVariable String caseId) {
        return intake.find(caseId).orElseThrow(() -> new NotFoundException("case seen by dispatch", caseId));
    }
}
