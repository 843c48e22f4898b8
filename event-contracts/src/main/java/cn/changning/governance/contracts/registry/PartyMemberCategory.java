package cn.changning.governance.contracts.registry;

/** Full (正式) or probationary (预备) membership. */
public enum PartyMemberCategory {
    FULL,
    PROBATIONARY
}
