package cn.changning.governance.reference.geography;

import cn.changning.governance.reference.ReferenceJson;
import java.util.Objects;

/**
 * A street (街道) or town (镇) of the district.
 *
 * @param code the 9-digit administrative code: 6-digit district + 3-digit street code
 */
public record Subdistrict(String code, String name, String nameZh, SubdistrictKind kind) {

    public Subdistrict {
        if (code == null || !code.matches("\\d{9}")) {
            throw new IllegalArgumentException("subdistrict code must be 9 digits: " + code);
        }
        ReferenceJson.requireText(name, "subdistrict name");
        ReferenceJson.requireText(nameZh, "subdistrict Chinese name");
        Objects.requireNonNull(kind, "subdistrict kind");
    }

    /** The 3-digit street segment, as it appears in grid codes. */
    public String streetCode() {
        return code.substring(6);
    }

    public String districtCode() {
        return code.substring(0, 6);
    }
}
