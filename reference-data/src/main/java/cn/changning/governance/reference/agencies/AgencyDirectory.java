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
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The agencies of every street, from {@value #RESOURCE}, built on the {@link Geography}: every street and the town
 * has one agency of each stationed type and its own street team. The file states the departments and the types
 * once; an agency's id, street and names follow from its subdistrict, so no street name is written twice.
 *
 * <p>Beside them, the district units (our reading): utilities and district departments outside the streets'
 * stationed agencies that own public assets or answer for a service. Each street is served by exactly one unit of
 * each {@link DistrictUnitType}, so {@link #inStreet(String, PartyType)} finds a party of any kind in any street.</p>
 */
public final class AgencyDirectory {

    public static final String RESOURCE = "reference/agencies.v2.json";

    private final String version;
    private final Map<String, Department> departments;
    private final Map<String, Agency> byId;
    private final List<DistrictUnit> units;
    private final Map<String, Agency> unitsById;

    /** The streets' agencies only, without district units. */
    public AgencyDirectory(String version, Collection<Department> departments, Collection<Agency> agencies) {
        this(version, departments, agencies, null, List.of());
    }

    /**
     * @param districtCode the district's code, a district unit's street code as a party (it is stationed in no street)
     * @param units        the district units; every street of {@code agencies} must be served by exactly one of each type
     */
    public AgencyDirectory(String version, Collection<Department> departments, Collection<Agency> agencies,
                           String districtCode, Collection<DistrictUnit> units) {
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
        List<String> streets = map.values().stream().map(Agency::streetCode).distinct().toList();
        // Every street needs one agency of each type, or routing would fail for a filed case.
        for (String street : streets) {
            for (AgencyType type : AgencyType.values()) {
                if (map.values().stream().filter(a -> a.streetCode().equals(street) && a.type() == type).count() != 1) {
                    throw new IllegalArgumentException("street " + street + " needs exactly one " + type);
                }
            }
        }
        this.units = List.copyOf(units);
        Map<String, Agency> unitMap = new LinkedHashMap<>();
        for (DistrictUnit unit : this.units) {
            if (map.containsKey(unit.id()) || unitMap.containsKey(unit.id())) {
                throw new IllegalArgumentException("agency listed twice: " + unit.id());
            }
            if (unit.department() != null && !departmentsByCode.containsKey(unit.department())) {
                throw new IllegalArgumentException("district unit " + unit.id() + " names unknown department " + unit.department());
            }
            for (String street : unit.servedStreets()) {
                if (!streets.contains(street)) {
                    throw new IllegalArgumentException("district unit " + unit.id() + " serves unknown street " + street);
                }
            }
            unitMap.put(unit.id(), unit.asAgency(ReferenceJson.requireText(districtCode, "district code"),
                    unit.department() == null ? null : departmentsByCode.get(unit.department())));
        }
        this.unitsById = Map.copyOf(unitMap);
        // The same holds for the units: a component's owner must be found in whichever street the case is in.
        if (!this.units.isEmpty()) {
            for (String street : streets) {
                for (DistrictUnitType type : DistrictUnitType.values()) {
                    if (this.units.stream().filter(u -> u.type() == type && u.serves(street)).count() != 1) {
                        throw new IllegalArgumentException("street " + street + " needs exactly one district unit " + type);
                    }
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
        Set<String> allStreets = geography.subdistricts().stream().map(Subdistrict::code).collect(Collectors.toSet());
        List<DistrictUnit> units = json.districtUnits().units().stream()
                .map(u -> u.toUnit(geography.districtCode(), allStreets, departments)).toList();
        return new AgencyDirectory(json.version(), json.departments(), agencies, geography.districtCode(), units);
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

    /** A street's agency or a district unit, by id: whoever a dispatch order may name. */
    public Optional<Agency> find(String id) {
        return Optional.ofNullable(id == null ? null : byId.getOrDefault(id, unitsById.get(id)));
    }

    /**
     * The party of the given kind for a case in the street: the street's own agency of an {@link AgencyType}, or the
     * district unit of a {@link DistrictUnitType} that serves the street.
     */
    public Optional<Agency> inStreet(String streetCode, PartyType type) {
        if (type instanceof DistrictUnitType unitType) {
            return knowsStreet(streetCode)
                    ? units.stream().filter(u -> u.type() == unitType && u.serves(streetCode)).findFirst().map(u -> unitsById.get(u.id()))
                    : Optional.empty();
        }
        return byId.values().stream().filter(a -> a.streetCode().equals(streetCode) && a.type() == type).findFirst();
    }

    /** A street or the town: a subdistrict with agencies stationed in it (the district's code is none). */
    public boolean knowsStreet(String streetCode) {
        return byId.values().stream().anyMatch(a -> a.streetCode().equals(streetCode));
    }

    /** The district units (utilities and district departments outside the streets), in the file's order. */
    public List<DistrictUnit> districtUnits() {
        return units;
    }

    /**
     * The streets' agencies (stationed agencies and street teams) in id order, optionally of one street and/or one
     * type; district units are {@link #districtUnits()}.
     */
    public List<Agency> list(String streetCode, PartyType type) {
        return byId.values().stream()
                .filter(a -> streetCode == null || a.streetCode().equals(streetCode))
                .filter(a -> type == null || a.type() == type)
                .sorted(Comparator.comparing(Agency::id))
                .toList();
    }

    private record Json(String version, String description, List<Department> departments,
                        List<StationedTypeJson> stationedAgencyTypes, StreetTeamJson streetTeam, DistrictUnitsJson districtUnits) {
    }

    private record DistrictUnitsJson(String description, List<DistrictUnitJson> units) {
    }

    /**
     * A unit's id is the district's code and its suffix, as a stationed agency's is its street's code and suffix.
     * It serves the whole district, or the streets listed (codes only; names come from the geography). A unit that
     * is one of the departments takes the department's names, so they are written once.
     */
    private record DistrictUnitJson(DistrictUnitType type, DistrictUnit.Kind kind, String idSuffix, String name, String nameZh,
                                    String department, boolean servesWholeDistrict, List<String> servedStreets) {

        DistrictUnit toUnit(String districtCode, Set<String> allStreets, Map<String, Department> departments) {
            boolean listed = servedStreets != null && !servedStreets.isEmpty();
            if (servesWholeDistrict == listed) {
                throw new IllegalArgumentException("district unit " + idSuffix + " must serve either the whole district or listed streets");
            }
            String id = districtCode + "-" + ReferenceJson.requireText(idSuffix, "id suffix of " + type);
            Department parent = null;
            if (department != null) {
                parent = departments.get(department);
                if (parent == null) {
                    throw new IllegalArgumentException("district unit " + id + " names unknown department " + department);
                }
                if (name != null || nameZh != null) {
                    throw new IllegalArgumentException("district unit " + id + " repeats the names of department " + department);
                }
            }
            return new DistrictUnit(id, type, kind, parent == null ? name : parent.name(), parent == null ? nameZh : parent.nameZh(),
                    department, servesWholeDistrict ? allStreets : Set.copyOf(servedStreets));
        }
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
