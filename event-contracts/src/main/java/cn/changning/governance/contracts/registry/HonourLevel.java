package cn.changning.governance.contracts.registry;

/** Who conferred an honour (荣誉展示). */
public enum HonourLevel {
    STREET,
    DISTRICT,
    MUNICIPAL,
    NATIONAL
}
