package cn.changning.governance.reference.catalogue;

import java.util.Arrays;
import java.util.Optional;

/**
 * The six persistent problems (管理顽症) that need joint enforcement (联勤联动). The constant name is the
 * stable code; each maps to exactly one catalogue item, checked when the catalogue loads.
 */
public enum PersistentProblem {
    ILLEGAL_CONSTRUCTION("1301", "违法搭建"),
    GROUP_RENTING("1601", "群租"),
    UNLICENSED_STREET_STALLS("1501", "无序设摊"),
    ILLEGAL_PASSENGER_TRANSPORT("1502", "非法客运"),
    TRADING_ACROSS_DOORWAY("1503", "跨门营业"),
    UNLICENSED_BUSINESS("1504", "无证无照");

    private final String itemCode;
    private final String nameZh;

    PersistentProblem(String itemCode, String nameZh) {
        this.itemCode = itemCode;
        this.nameZh = nameZh;
    }

    public String itemCode() {
        return itemCode;
    }

    public String nameZh() {
        return nameZh;
    }

    public static Optional<PersistentProblem> ofItemCode(String itemCode) {
        return Arrays.stream(values()).filter(p -> p.itemCode.equals(itemCode)).findFirst();
    }
}
