package cn.changning.governance.reference.agencies;

import cn.changning.governance.reference.ReferenceJson;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The agencies of every street, from {@value #RESOURCE}. */
public final class AgencyDirectory {

    public static final String RESOURCE = "reference/agencies.v1.json";

    private final String version;
    private final Map<String, Agency> byId;

    public AgencyDirectory(String version, Collection<Agency> agencies) {
        this.version = version;
        Map<String, Agency> map = new LinkedHashMap<>();
        for (Agency agency : agencies) {
            ReferenceJson.requireText(agency.id(), "agency id");
            ReferenceJson.requireText(agency.streetCode(), "street of " + agency.id());
            if (agency.type() == null) {
                throw new IllegalArgumentException("agency " + agency.id() + " has no type");
            }
            if (map.put(agency.id(), agency) != null) {
                throw new IllegalArgumentException("agency listed twice: " + agency.id());
            }
        }
        this.byId = Map.copyOf(map);
        // Every street needs one agency of each type, or routing would fail for a filed case.
        for (String street : map.values().stream().map(Agency::streetCode).distinct().toList()) {
            for (AgencyType type : AgencyType.values()) {
                if (map.values().stream().filter(a -> a.streetCode().equals(street) && a.type() == type).count() != 1) {
                    throw new IllegalArgumentException("street " + street + " needs exactly one " + type);
                }
            }
        }
    }

    public static AgencyDirectory load() {
        Json json = ReferenceJson.read(RESOURCE, Json.class);
        return new AgencyDirectory(json.version(), json.agencies());
    }

    public String version() {
        return version;
    }

    public Optional<Agency> find(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    public Optional<Agency> inStreet(String streetCode, AgencyType type) {
        return byId.values().stream().filter(a -> a.streetCode().equals(streetCode) && a.type() == type).findFirst();
    }

    public boolean knowsStreet(String streetCode) {
        return byId.values().stream().anyMatch(a -> a.streetCode().equals(streetCode));
    }

    /** All agencies in file order, optionally of one street and/or one type. */
    public List<Agency> list(String streetCode, AgencyType type) {
        return byId.values().stream()
                .filter(a -> streetCode == null || a.streetCode().equals(streetCode))
                .filter(a -> type == null || a.type() == type)
                .sorted(java.util.Comparator.comparing(Agency::id))
                .toList();
    }

    private record Json(String version, String description, List<Agency> agencies) {
    }
}
