package cn.changning.governance.contracts.registry;

/** As read from the 17th digit of the identity number (odd: male, even: female): a statistical fact kept in clear. */
public enum Gender {
    MALE,
    FEMALE
}
