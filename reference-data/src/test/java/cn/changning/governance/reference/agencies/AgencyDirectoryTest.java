package cn.changning.governance.reference.agencies;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The stationed agencies and street teams, with their parent departments. */
class AgencyDirectoryTest {

    final AgencyDirectory agencies = AgencyDirectory.load();

    @Test
    void everyStreetAndTownHasItsSevenAgenciesWithParentDepartments() {
        assertThat(agencies.list(null, null)).hasSize(70);
        assertThat(agencies.list("310105102", null)).hasSize(7);
        Agency police = agencies.find("310105009-police").orElseThrow();
        assertThat(police.type()).isEqualTo(AgencyType.POLICE_STATION);
        assertThat(police.parentDepartment()).isEqualTo("DISTRICT_PUBLIC_SECURITY_BUREAU");
    }
}
