package cn.changning.governance.dispatch.api;

import cn.changning.governance.common.security.RequiresScope;
import cn.changning.governance.contracts.identity.Scopes;
import cn.changning.governance.common.web.InvalidParameterException;
import cn.changning.governance.common.web.Page;
import cn.changning.governance.common.web.PageQuery;
import cn.changning.governance.dispatch.projection.DispatchConsistency;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;

@RestController
@RequestMapping("/api/v1/dispatch/consistency")
@Tag(name = "Consistency", description = "Cases whose dispatch side is missing or disagrees with the case")
public class ConsistencyController {

    private final DispatchConsistency consistency;

    public ConsistencyController(DispatchConsistency consistency) {
        this.consistency = consistency;
    }

    @GetMapping
    @RequiresScope(Scopes.DISPATCH_DISTRICT)
    @Operation(summary = "Every case whose dispatch side is missing or disagrees (no order for its round, an order closed "
            + "while the case is open or open while it ended, a clock running on hold or paused without one, another deadline)",
            description = "Cases whose last event is younger than settledFor (ISO-8601 duration, default PT5S, at most P1D) "
                    + "are left out: their reaction may still be on its way. After a quiet spell the list should be empty.")
    public Page<DispatchConsistency.Disagreement> check(
            @Parameter(description = "How long a case's last event must be past, e.g. PT5S") @RequestParam(defaultValue = "PT5S") Duration settledFor,
            PageQuery page) {
        if (settledFor.isNegative() || settledFor.compareTo(Duration.ofDays(1)) > 0) {
            throw new InvalidParameterException("settledFor", "must lie between PT0S and P1D");
        }
        return Page.of(consistency.check(settledFor), page);
    }
}
