package cn.changning.governance.reference.agencies;

import cn.changning.governance.reference.ReferenceJson;
import cn.changning.governance.reference.geography.Geography;
import cn.changning.governance.reference.geography.Subdistrict;
import cn.changning.governance.reference.geography.SubdistrictKind;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The agencies of every street, from {@value #RESOURCE}, built on the {@link Geography}: every street and the town
 * has one agency of each stationed type and its own street team. The file states the departments and the types
 * once; an agency's id, street and names follow from its subdistrict, so no street name is written twice.
 */
public final class AgencyDirectory {

    public static final String RESOURCE = "reference/agencies.v1.json";

    private final String version;
    private final Map<String, Department> departments;
    private final Map<String, Agency> byId;

    public AgencyDirectory(String version, Collection<Department> departments, Collection<Agency> agencies) {
        this.version = ReferenceJson.requireText(version, "agencies version");
        Map<String, Department> departmentsByCode = new LinkedHashMap<>();
        for (Department department : departments) {
            if (departmentsByCode.put(department.code(), department) != null) {
                throw new IllegalArgumentException("department listed twice: " + department.code());
            }
        }
        this.departments = Collections.unmodifiableMap(departmentsByCode);
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

    public static AgencyDirectory load(Geography geography) {
        Json json = ReferenceJson.read(RESOURCE, Json.class);
        Map<String, Department> departments = new LinkedHashMap<>();
        json.departments().forEach(d -> departments.put(d.code(), d));
        List<Agency> agencies = new ArrayList<>();
        for (Subdistrict street : geography.subdistricts()) {
            for (StationedTypeJson type : json.stationedAgencyTypes()) {
                agencies.add(type.agencyIn(street, departments));
            }
            agencies.add(json.streetTeam().teamOf(street));
        }
        return new AgencyDirectory(json.version(), json.departments(), agencies);
    }

    public String version() {
        return version;
    }

    /** The district departments that station agencies; a street team answers to its own street's office instead. */
    public List<Department> departments() {
        return List.copyOf(departments.values());
    }

    public Optional<Department> department(String code) {
        return Optional.ofNullable(code == null ? null : departments.get(code));
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

    /** All agencies in id order, optionally of one street and/or one type. */
    public List<Agency> list(String streetCode, AgencyType type) {
        return byId.values().stream()
                .filter(a -> streetCode == null || a.streetCode().equals(streetCode))
                .filter(a -> type == null || a.type() == type)
                .sorted(Comparator.comparing(Agency::id))
                .toList();
    }

    private record Json(String version, String description, List<Department> departments,
                        List<StationedTypeJson> stationedAgencyTypes, StreetTeamJson streetTeam) {
    }

    /** A stationed type: names are the part after the subdistrict's name ("华阳路街道" + "城管中队"). */
    private record StationedTypeJson(AgencyType type, String idSuffix, String department, String name, String nameZh) {

        Agency agencyIn(Subdistrict street, Map<String, Department> departments) {
            if (type == null || type == AgencyType.STREET_TEAM) {
                throw new IllegalArgumentException("not a stationed agency type: " + type);
            }
            Department parent = departments.get(department);
            if (parent == null) {
                throw new IllegalArgumentException(type + " names unknown department " + department);
            }
            return new Agency(street.code() + "-" + ReferenceJson.requireText(idSuffix, "id suffix of " + type), type,
                    street.name() + " " + name, street.nameZh() + nameZh, street.code(),
                    parent.code(), parent.name(), parent.nameZh());
        }
    }

    /** The street's own team answers to the street's own office; both are named per kind (street office, town government). */
    private record StreetTeamJson(String idSuffix, String office, Map<SubdistrictKind, TeamNamesJson> byKind) {

        Agency teamOf(Subdistrict street) {
            TeamNamesJson names = byKind.get(street.kind());
            if (names == null) {
                throw new IllegalArgumentException("no street-team names for a " + street.kind());
            }
            return new Agency(street.code() + "-" + idSuffix, AgencyType.STREET_TEAM,
                    street.name() + " " + names.name(), street.nameZh() + names.nameZh(), street.code(),
                    office, street.name() + " " + names.officeName(), street.nameZh() + names.officeNameZh());
        }
    }

    private record TeamNamesJson(String name, String nameZh, String officeName, String officeNameZh) {
    }
}
