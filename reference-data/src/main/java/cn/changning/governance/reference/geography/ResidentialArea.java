package cn.changning.governance.reference.geography;

import cn.changning.governance.reference.ReferenceJson;
import java.util.Objects;

/**
 * A residential area (居民区), the unit with a residents' committee and a party secretary.
 *
 * @param code 12 digits: the 9-digit subdistrict code + a 3-digit serial within the subdistrict,
 *             like the statistical codes of residents' committees
 */
public record ResidentialArea(String code, String name, String nameZh, String gridCode, String subdistrictCode) {

    public ResidentialArea {
        if (code == null || !code.matches("\\d{12}")) {
            throw new IllegalArgumentException("residential area code must be 12 digits: " + code);
        }
        ReferenceJson.requireText(name, "residential area name");
        ReferenceJson.requireText(nameZh, "residential area Chinese name");
        Objects.requireNonNull(gridCode, "residential area grid");
        Objects.requireNonNull(subdistrictCode, "residential area subdistrict");
        if (!code.startsWith(subdistrictCode) || !gridCode.startsWith(subdistrictCode)) {
            throw new IllegalArgumentException("residential area " + code + " is not coded under " + subdistrictCode);
        }
    }
}
