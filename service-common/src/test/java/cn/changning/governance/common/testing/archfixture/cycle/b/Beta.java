package cn.changning.governance.common.testing.archfixture.cycle.b;

import cn.changning.governance.common.testing.archfixture.cycle.a.Alpha;

/** Deliberately in a cycle with {@link Alpha}. */
public class Beta {

    public Alpha partner() {
        return new Alpha();
    }
}
