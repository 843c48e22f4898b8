package cn.changning.governance.common.testing.archfixture.cycle.a;

import cn.changning.governance.common.testing.archfixture.cycle.b.Beta;

/** Deliberately in a cycle with {@link Beta}: the cycle rule must fail on it. Imported only by ArchitectureRulesTest. */
public class Alpha {

    public Beta partner() {
        return new Beta();
    }
}
