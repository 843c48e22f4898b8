package cn.changning.governance.reference.agencies;

import cn.changning.governance.reference.geography.Geography;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The stationed agencies and street teams, with their parent departments. */
class AgencyDirectoryTest {

    final AgencyDirectory agencies = AgencyDirectory.load(Geography.load());

    @Test
    void everyStreetAndTownHasItsSevenAgenciesWithParentDepartments() {
        assertThat(agencies.list(null, null)).hasSize(70);
        assertThat(agencies.list("310105102", null)).hasSize(7);
        Agency police = agencies.find("310105009-police").orElseThrow();
        assertThat(police.type()).isEqualTo(AgencyType.POLICE_STATION);
        assertThat(police.parentDepartment()).isEqualTo("DISTRICT_PUBLIC_SECURITY_BUREAU");
    }

    @Test
    void namesAndDepartmentsFollowFromTheStreetAndTheType() {
        Agency squad = agencies.find("310105001-squad").orElseThrow();
        assertThat(squad).isEqualTo(new Agency("310105001-squad", AgencyType.CITY_MANAGEMENT_SQUAD,
                "Huayang Road City-management squad", "华阳路街道城管中队", "310105001", "DISTRICT_CITY_MANAGEMENT_BUREAU",
                "District City Management and Law Enforcement Bureau", "区城管执法局"));
        assertThat(agencies.department(squad.parentDepartment())).get().extracting(Department::nameZh).isEqualTo("区城管执法局");
        // The town's own team answers to the town government, a street's to the street office.
        assertThat(agencies.inStreet("310105102", AgencyType.STREET_TEAM)).get().satisfies(team -> {
            assertThat(team.id()).isEqualTo("310105102-street-team");
            assertThat(team.name()).isEqualTo("Xinjing town service team");
            assertThat(team.nameZh()).isEqualTo("新泾镇综合服务队");
            assertThat(team.parentDepartmentNameZh()).isEqualTo("新泾镇人民政府");
        });
        assertThat(agencies.inStreet("310105009", AgencyType.STREET_TEAM)).get()
                .extracting(Agency::parentDepartmentNameZh).isEqualTo("虹桥街道办事处");
    }

    @Test
    void sixDistrictDepartmentsStationAgencies() {
        assertThat(agencies.departments()).extracting(Department::code).containsExactlyInAnyOrder(
                "DISTRICT_CITY_MANAGEMENT_BUREAU", "DISTRICT_PUBLIC_SECURITY_BUREAU", "DISTRICT_MARKET_SUPERVISION_BUREAU",
                "DISTRICT_HOUSING_ADMINISTRATION", "DISTRICT_GREENING_CITY_APPEARANCE_BUREAU", "DISTRICT_TRAFFIC_POLICE_DETACHMENT");
        assertThat(agencies.list(null, null)).filteredOn(a -> a.type() != AgencyType.STREET_TEAM)
                .allSatisfy(a -> assertThat(agencies.department(a.parentDepartment())).isPresent());
    }

    @Test
    void aStreetWithoutOneOfTheTypesIsRefused() {
        Agency squad = agencies.find("310105001-squad").orElseThrow();
        assertThatThrownBy(() -> new AgencyDirectory("test", agencies.departments(), List.of(squad)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("310105001");
    }

    @Test
    void districtUnitsServeEveryStreetFromOutsideIt() {
        // The seventy agencies of the streets are unchanged; the units are parties beside them.
        assertThat(agencies.list(null, null)).hasSize(70).noneMatch(a -> a.type() instanceof DistrictUnitType);
        assertThat(agencies.districtUnits()).extracting(DistrictUnit::type).containsExactlyInAnyOrder(DistrictUnitType.values());
        Agency water = agencies.inStreet("310105102", DistrictUnitType.WATER_SUPPLY_COMPANY).orElseThrow();
        assertThat(water.id()).isEqualTo("310105-water-supply");
        assertThat(water.streetCode()).as("stationed in no street: the district's code").isEqualTo("310105");
        assertThat(water.parentDepartment()).as("a utility answers to no district department").isNull();
        assertThat(agencies.find(water.id())).contains(water);
        assertThat(agencies.inStreet("310105001", DistrictUnitType.WATER_SUPPLY_COMPANY)).contains(water);
        assertThat(agencies.inStreet("999999999", DistrictUnitType.WATER_SUPPLY_COMPANY)).isEmpty();
        assertThat(agencies.knowsStreet("310105")).as("the district is no street").isFalse();
        // A unit that is one of the departments carries the department's names, written once.
        assertThat(agencies.inStreet("310105001", DistrictUnitType.DISTRICT_GREENING_BUREAU)).get().satisfies(bureau -> {
            assertThat(bureau.nameZh()).isEqualTo("区绿化市容局");
            assertThat(bureau.parentDepartment()).isEqualTo("DISTRICT_GREENING_CITY_APPEARANCE_BUREAU");
        });
    }

    @Test
    void aStreetNotServedByAUnitOfEachTypeIsRefused() {
        List<DistrictUnit> units = agencies.districtUnits();
        DistrictUnit water = units.stream().filter(u -> u.type() == DistrictUnitType.WATER_SUPPLY_COMPANY).findFirst().orElseThrow();
        List<DistrictUnit> waterOnlyInHuayang = units.stream()
                .map(u -> u == water ? new DistrictUnit(u.id(), u.type(), u.kind(), u.name(), u.nameZh(), null, Set.of("310105001")) : u)
                .toList();
        assertThatThrownBy(() -> new AgencyDirectory("test", agencies.departments(), agencies.list(null, null), "310105", waterOnlyInHuayang))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("WATER_SUPPLY_COMPANY");
        // Two water companies splitting the district between them is fine.
        DistrictUnit west = new DistrictUnit("310105-water-west", DistrictUnitType.WATER_SUPPLY_COMPANY, DistrictUnit.Kind.UTILITY,
                "West water", "西部供水", null, agencies.list(null, AgencyType.STREET_TEAM).stream()
                .map(Agency::streetCode).filter(s -> !s.equals("310105001")).collect(java.util.stream.Collectors.toSet()));
        AgencyDirectory split = new AgencyDirectory("test", agencies.departments(), agencies.list(null, null), "310105",
                java.util.stream.Stream.concat(waterOnlyInHuayang.stream(), java.util.stream.Stream.of(west)).toList());
        assertThat(split.inStreet("310105001", DistrictUnitType.WATER_SUPPLY_COMPANY)).get().extracting(Agency::id).isEqualTo(water.id());
        assertThat(split.inStreet("310105102", DistrictUnitType.WATER_SUPPLY_COMPANY)).get().extracting(Agency::id).isEqualTo(west.id());
    }
}
