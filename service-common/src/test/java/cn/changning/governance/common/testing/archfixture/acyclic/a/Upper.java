package cn.changning.governance.common.testing.archfixture.acyclic.a;

import cn.changning.governance.common.testing.archfixture.acyclic.b.Lower;

/** Uses {@link Lower}, which knows nothing of it: no cycle. */
public class Upper {

    public Lower lower() {
        return new Lower();
    }
}
