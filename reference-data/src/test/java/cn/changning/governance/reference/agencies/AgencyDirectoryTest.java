package cn.changning.governance.reference.agencies;

import cn.changning.governance.reference.geography.Geography;
import org.junit.jupiter.api.Test;

import java.util.List;

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
}
