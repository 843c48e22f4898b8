package cn.changning.governance.common.testing.archfixture.acyclic.b;

/** Depends on nothing of ours. */
public class Lower {
}
