package cn.changning.governance.contracts.registry;

/**
 * A party organisation's level in the hierarchy: a committee (党委) has no parent or a committee; a general branch
 * (党总支) has a committee; a branch (党支部) has a general branch or a committee.
 */
public enum PartyOrganizationLevel {
    COMMITTEE,
    GENERAL_BRANCH,
    BRANCH
}
