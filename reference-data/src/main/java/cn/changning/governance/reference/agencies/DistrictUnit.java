package cn.changning.governance.reference.agencies;

import cn.changning.governance.reference.ReferenceJson;

import java.util.Objects;
import java.util.Set;

/**
 * A unit outside the streets' stationed agencies that serves streets directly (our reading, see
 * {@link DistrictUnitType}): a utility or a district department. It is stationed in no street; it serves the
 * streets named here (usually the whole district). A district department that also stations agencies names its
 * {@link Department} instead of repeating its names.
 *
 * @param department the department the unit is, or null for a utility or a department that stations no agencies
 */
public record DistrictUnit(String id, DistrictUnitType type, Kind kind, String name, String nameZh, String department,
                           Set<String> servedStreets) {

    /** A utility (公用事业企业) or a district department (区职能部门). */
    public enum Kind { UTILITY, DISTRICT_DEPARTMENT }

    public DistrictUnit {
        ReferenceJson.requireText(id, "district unit id");
        Objects.requireNonNull(type, "type of " + id);
        Objects.requireNonNull(kind, "kind of " + id);
        ReferenceJson.requireText(name, "name of " + id);
        ReferenceJson.requireText(nameZh, "Chinese name of " + id);
        if (kind == Kind.UTILITY && department != null) {
            throw new IllegalArgumentException("utility " + id + " is not a district department");
        }
        servedStreets = Set.copyOf(servedStreets);
        if (servedStreets.isEmpty()) {
            throw new IllegalArgumentException("district unit " + id + " serves no street");
        }
    }

    public boolean serves(String streetCode) {
        return servedStreets.contains(streetCode);
    }

    /**
     * The unit as a party of a dispatch order. Its street code is the district's, since it is stationed in no
     * street; its parent is the department it is (a utility answers to none here).
     */
    Agency asAgency(String districtCode, Department parent) {
        return new Agency(id, type, name, nameZh, districtCode, parent == null ? null : parent.code(),
                parent == null ? null : parent.name(), parent == null ? null : parent.nameZh());
    }
}
