package cn.changning.governance.reference.catalogue;

/**
 * The four handling types (ABCD 四种类型). The 2016 report names them without defining them; this is
 * our reading, set per item in the catalogue so that it can be changed without code.
 */
public enum HandlingType {
    /** The street handles it alone. */
    A,
    /** The street leads, departments assist. */
    B,
    /** A department leads, the street assists. */
    C,
    /** Needs district-level coordination. */
    D
}
