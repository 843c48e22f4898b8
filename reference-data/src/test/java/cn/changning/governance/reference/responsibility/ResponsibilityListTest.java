package cn.changning.governance.reference.responsibility;

import cn.changning.governance.reference.agencies.AgencyType;
import cn.changning.governance.reference.agencies.DistrictUnitType;
import cn.changning.governance.reference.catalogue.Catalogue;
import cn.changning.governance.reference.geography.Geography;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The responsibility list and the routing rules built on it. */
class ResponsibilityListTest {

    final ResponsibilityList list = ResponsibilityList.load(Catalogue.load(), Geography.load());

    @Test
    void theListCoversTheWholeCatalogue() {
        assertThat(list.entries()).hasSize(181);
    }

    @Test
    void itemNamesComeFromTheCatalogue() {
        assertThat(list.find("0101")).get().extracting(ResponsibilityList.Entry::itemName).isEqualTo("Water-supply manhole cover");
        assertThat(list.find("1501")).get().extracting(ResponsibilityList.Entry::itemName).isEqualTo("Unlicensed street stalls");
        // A narrowed entry keeps its item's name.
        assertThat(list.find("1502").orElseThrow().narrowedTo("310105102", "310105102000001").itemName())
                .isEqualTo("Illegal passenger transport");
    }

    @Test
    void persistentProblemsAreJointTasksLedByTheSquad() {
        ResponsibilityList.Routing stalls = list.route("1501", "B", true, "310105001", "310105001000001").orElseThrow();
        assertThat(stalls.leadType()).isEqualTo(AgencyType.CITY_MANAGEMENT_SQUAD);
        assertThat(stalls.assistingTypes()).containsExactly(AgencyType.POLICE_STATION);
        assertThat(list.route("1301", "B", true, "310105001", null).orElseThrow().assistingTypes())
                .containsExactly(AgencyType.POLICE_STATION, AgencyType.HOUSING_OFFICE);
    }

    @Test
    void theHandlingTypeDecidesWhoLeads() {
        // A: the street's own team alone; B: the street leads, the department assists; C: the party that answers for
        // the item leads (for a component, the owner of the asset) and the street's own team assists.
        assertThat(list.route("1101", "A", false, "310105001", null).orElseThrow())
                .isEqualTo(new ResponsibilityList.Routing(AgencyType.STREET_TEAM, List.of(), false));
        assertThat(list.route("1105", "B", false, "310105001", null).orElseThrow())
                .isEqualTo(new ResponsibilityList.Routing(AgencyType.STREET_TEAM, List.of(AgencyType.GREENING_CITY_APPEARANCE_OFFICE), false));
        assertThat(list.route("0101", "C", false, "310105001", null).orElseThrow())
                .isEqualTo(new ResponsibilityList.Routing(DistrictUnitType.WATER_SUPPLY_COMPANY, List.of(AgencyType.STREET_TEAM), false));
        // D: a department leads and the district centre follows the order up from the start.
        assertThat(list.route("1404", "D", false, "310105001", null).orElseThrow().districtCoordinated()).isTrue();
        // The same item under another handling type routes differently: the type, not the item, decides.
        assertThat(list.route("0101", "A", false, "310105001", null).orElseThrow().leadType()).isEqualTo(AgencyType.STREET_TEAM);
    }

    @Test
    void aNarrowingAppliesInItsStreetOrGridOnly() {
        assertThat(list.route("1501", "B", true, "310105009", null).orElseThrow().assistingTypes())
                .containsExactly(AgencyType.POLICE_STATION, AgencyType.MARKET_SUPERVISION_OFFICE);
        assertThat(list.route("1502", "B", true, "310105102", "310105102000001").orElseThrow().leadType())
                .isEqualTo(AgencyType.TRAFFIC_POLICE_SQUAD);
        assertThat(list.route("1502", "B", true, "310105102", "310105102000002").orElseThrow().leadType())
                .isEqualTo(AgencyType.CITY_MANAGEMENT_SQUAD);
        assertThat(list.route("9999", "A", false, "310105001", null)).isEmpty();
    }
}
