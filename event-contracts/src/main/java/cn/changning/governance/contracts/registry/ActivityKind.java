package cn.changning.governance.contracts.registry;

/** What kind of party activity was held (活动记录). */
public enum ActivityKind {
    /** 主题党日 */
    THEME_PARTY_DAY,
    /** 组织生活会 */
    ORGANIZATIONAL_LIFE_MEETING,
    STUDY_SESSION,
    VOLUNTEER_SERVICE,
    OTHER
}
