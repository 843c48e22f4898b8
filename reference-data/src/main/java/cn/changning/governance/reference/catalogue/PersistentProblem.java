package cn.changning.governance.reference.catalogue;

import java.util.Arrays;
import java.util.Optional;

/**
 * The six persistent problems (管理顽症) that need joint enforcement (联勤联动). The constant name is the
 * stable code; each maps to exactly one catalogue item, checked when the catalogue loads. The item's
 * names are the catalogue's; this enum holds only the code that joint enforcement is keyed on.
 */
public enum PersistentProblem {
    ILLEGAL_CONSTRUCTION("1301"),
    GROUP_RENTING("1601"),
    UNLICENSED_STREET_STALLS("1501"),
    ILLEGAL_PASSENGER_TRANSPORT("1502"),
    TRADING_ACROSS_DOORWAY("1503"),
    UNLICENSED_BUSINESS("1504");

    private final String itemCode;

    PersistentProblem(String itemCode) {
        this.itemCode = itemCode;
    }

    public String itemCode() {
        return itemCode;
    }

    public static Optional<PersistentProblem> ofItemCode(String itemCode) {
        return Arrays.stream(values()).filter(p -> p.itemCode.equals(itemCode)).findFirst();
    }
}
