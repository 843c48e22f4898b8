package cn.changning.governance.common.testing.archfixture.routes;

import cn.changning.governance.common.security.RequiresScope;
import cn.changning.governance.contracts.identity.Scopes;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** One route with its scope rule and one without, for the route rule's own test. */
@RestController
public class FixtureRoutes {

    @GetMapping("/api/v1/ruled")
    @RequiresScope(Scopes.CASES_READ)
    public String ruled() {
        return "ruled";
    }

    @PostMapping("/api/v1/unruled")
    public String unruled() {
        return "unruled";
    }
}
