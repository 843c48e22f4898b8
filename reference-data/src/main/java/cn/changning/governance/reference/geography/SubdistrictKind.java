package cn.changning.governance.reference.geography;

/** A subdistrict is a street (街道) or, once, a town (镇); both run a street-level grid centre. */
public enum SubdistrictKind {
    STREET,
    TOWN
}
