package cn.changning.governance.contracts.registry;

/** A piece of party business an organisation records (党务管理). */
public enum PartyAffairKind {
    /** 三会一课: branch meetings and party classes */
    BRANCH_MEETING,
    DUES_COLLECTED,
    ELECTION,
    /** Admitting or confirming members (发展党员) */
    MEMBER_DEVELOPMENT,
    DEMOCRATIC_APPRAISAL
}
