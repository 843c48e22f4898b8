package cn.changning.governance.contracts.registry;

/** A resident unit's category; a "two new" organisation is a NEW_ECONOMIC or NEW_SOCIAL one. */
public enum ResidentUnitCategory {
    NEW_ECONOMIC,
    NEW_SOCIAL,
    STATE_OWNED,
    PUBLIC_INSTITUTION,
    GOVERNMENT_BODY;

    public boolean isTwoNew() {
        return this == NEW_ECONOMIC || this == NEW_SOCIAL;
    }
}
