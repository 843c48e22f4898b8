package cn.changning.governance.reference.responsibility;

import cn.changning.governance.reference.agencies.Agency;
import cn.changning.governance.reference.agencies.AgencyDirectory;
import cn.changning.governance.reference.agencies.AgencyType;
import cn.changning.governance.reference.catalogue.Catalogue;
import cn.changning.governance.reference.catalogue.HandlingType;
import cn.changning.governance.reference.catalogue.ManagementItem;
import cn.changning.governance.reference.geography.Geography;
import cn.changning.governance.reference.geography.Grid;
import cn.changning.governance.reference.geography.Subdistrict;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every item of the whole responsibility list, in every street and grid, routes as its handling type says (the
 * brief's reading: A = the street handles it alone; B = the street leads, departments assist; C = a department
 * leads, the street assists; D = needs district-level coordination), and to parties that exist there.
 * The rules are the brief's, written here; nothing is read back from the data file to form an expectation.
 */
class RoutingByHandlingTypeTest {

    static final Geography GEOGRAPHY = Geography.load();
    static final Catalogue CATALOGUE = Catalogue.load();
    static final AgencyDirectory AGENCIES = AgencyDirectory.load(GEOGRAPHY);
    static final ResponsibilityList LIST = ResponsibilityList.load(CATALOGUE, GEOGRAPHY);

    /** Each item of the type, in each street (without a grid and in each of its grids), with the party it resolves to. */
    private static void forEvery(HandlingType type, BiConsumer<SoftAssertions, Routed> check) {
        List<ManagementItem> items = CATALOGUE.items().stream().filter(i -> i.handlingType() == type).toList();
        assertThat(items).as("items of type %s", type).isNotEmpty();
        SoftAssertions softly = new SoftAssertions();
        for (ManagementItem item : items) {
            for (Subdistrict street : GEOGRAPHY.subdistricts()) {
                List<String> grids = new ArrayList<>();
                grids.add(null);
                GEOGRAPHY.grids(street.code()).stream().map(Grid::code).forEach(grids::add);
                for (String grid : grids) {
                    ResponsibilityList.Routing routing = LIST.route(item.code(), type.name(), item.persistentProblem(),
                            street.code(), grid).orElse(null);
                    String where = item.code() + " (" + item.name() + ", " + type + ") in " + street.code() + "/" + grid;
                    softly.assertThat(routing).as("routing of %s", where).isNotNull();
                    if (routing == null) {
                        continue;
                    }
                    Agency lead = AGENCIES.inStreet(street.code(), routing.leadType()).orElse(null);
                    softly.assertThat(lead).as("lead %s of %s exists", routing.leadType(), where).isNotNull();
                    List<Agency> assistants = new ArrayList<>();
                    routing.assistingTypes().forEach(t -> {
                        Agency a = AGENCIES.inStreet(street.code(), t).orElse(null);
                        softly.assertThat(a).as("assistant %s of %s exists", t, where).isNotNull();
                        assistants.add(a);
                    });
                    softly.assertThat(routing.assistingTypes()).as("assistants of %s", where)
                            .doesNotContain(routing.leadType()).doesNotHaveDuplicates();
                    if (lead != null && !assistants.contains(null)) {
                        check.accept(softly, new Routed(item, street.code(), grid, where, routing, lead, assistants));
                    }
                }
            }
        }
        softly.assertAll();
    }

    record Routed(ManagementItem item, String streetCode, String gridCode, String where, ResponsibilityList.Routing routing, Agency lead, List<Agency> assistants) {
        boolean streetTeamAssists() {
            return routing.assistingTypes().stream().anyMatch(t -> t == AgencyType.STREET_TEAM);
        }
    }

    @Test
    void typeAIsHandledByTheStreetAlone() {
        forEvery(HandlingType.A, (softly, r) -> {
            softly.assertThat(r.routing().leadType()).as("lead of %s", r.where()).isEqualTo(AgencyType.STREET_TEAM);
            softly.assertThat(r.lead().streetCode()).as("street of the lead of %s", r.where()).isEqualTo(r.streetCode());
            softly.assertThat(r.routing().assistingTypes()).as("assistants of %s", r.where()).isEmpty();
            softly.assertThat(r.routing().districtCoordinated()).as("district coordination of %s", r.where()).isFalse();
        });
    }

    @Test
    void typeBIsLedByTheStreetWithDepartmentsAssisting() {
        forEvery(HandlingType.B, (softly, r) -> {
            if (r.item().persistentProblem()) {
                // Joint enforcement (联勤联动): the street leads it as the one that dispatches, follows up and
                // arbitrates, and the city-management squad is its backbone (以城管中队为骨干), the order's lead part,
                // with the police station and the other offices taking part.
                // A narrowing may give one grid's lead to another stationed agency (the traffic police at a hub).
                softly.assertThat(r.routing().leadType()).as("lead of %s", r.where()).isNotEqualTo(AgencyType.STREET_TEAM);
                softly.assertThat(r.lead().streetCode()).as("lead of %s stationed in the street", r.where()).isEqualTo(r.streetCode());
                if (r.gridCode() == null) {
                    softly.assertThat(r.routing().leadType()).as("backbone of %s", r.where()).isEqualTo(AgencyType.CITY_MANAGEMENT_SQUAD);
                }
                softly.assertThat(r.routing().assistingTypes()).as("joint enforcement of %s", r.where()).isNotEmpty();
            } else {
                softly.assertThat(r.routing().leadType()).as("lead of %s", r.where()).isEqualTo(AgencyType.STREET_TEAM);
                softly.assertThat(r.routing().assistingTypes()).as("departments assisting in %s", r.where()).isNotEmpty();
                softly.assertThat(r.streetTeamAssists()).as("the street team assists itself in %s", r.where()).isFalse();
            }
            softly.assertThat(r.routing().districtCoordinated()).as("district coordination of %s", r.where()).isFalse();
        });
    }

    @Test
    void typeCIsLedByADepartmentWithTheStreetAssisting() {
        forEvery(HandlingType.C, (softly, r) -> {
            softly.assertThat(r.routing().leadType()).as("lead of %s", r.where()).isNotEqualTo(AgencyType.STREET_TEAM);
            softly.assertThat(r.streetTeamAssists()).as("the street team assists in %s", r.where()).isTrue();
            softly.assertThat(r.routing().districtCoordinated()).as("district coordination of %s", r.where()).isFalse();
        });
    }

    @Test
    void typeDIsLedByADepartmentAndCoordinatedByTheDistrict() {
        forEvery(HandlingType.D, (softly, r) -> {
            softly.assertThat(r.routing().leadType()).as("lead of %s", r.where()).isNotEqualTo(AgencyType.STREET_TEAM);
            softly.assertThat(r.routing().districtCoordinated()).as("district coordination of %s", r.where()).isTrue();
        });
    }

    @Test
    void aBrokenWaterSupplyManholeCoverGoesToTheWaterUtilityWithTheStreetAssisting() {
        // Digital urban management sends a component's case to the unit that owns the asset: a water-supply
        // manhole cover (上水井盖, 0101) to the water-supply utility, not to the street's greening office.
        for (Subdistrict street : GEOGRAPHY.subdistricts()) {
            ResponsibilityList.Routing routing = LIST.route("0101", "C", false, street.code(), null).orElseThrow();
            Agency lead = AGENCIES.inStreet(street.code(), routing.leadType()).orElseThrow();
            assertThat(lead.nameZh()).as("owner of 0101 in %s", street.name()).contains("供水");
            assertThat(GEOGRAPHY.subdistrict(lead.streetCode())).as("the utility is stationed in no street").isEmpty();
            assertThat(routing.leadType()).isNotEqualTo(AgencyType.GREENING_CITY_APPEARANCE_OFFICE);
            assertThat(AGENCIES.inStreet(street.code(), routing.assistingTypes().get(routing.assistingTypes().size() - 1)))
                    .get().extracting(Agency::id).isEqualTo(street.code() + "-street-team");
        }
        // The other utilities' covers reach their own utility (电力 power, 燃气 gas, 通信 telecom).
        assertThat(ownerNameZh("0105")).contains("供电");
        assertThat(ownerNameZh("0107")).contains("燃气");
        assertThat(ownerNameZh("0106")).contains("通信");
    }

    private static String ownerNameZh(String itemCode) {
        ResponsibilityList.Routing routing = LIST.route(itemCode, "C", false, "310105001", null).orElseThrow();
        return AGENCIES.inStreet("310105001", routing.leadType()).orElseThrow().nameZh();
    }

    @Test
    void theWholeListIsCoveredByTheFourTypes() {
        // Guards the tests above against a catalogue item that none of them would visit.
        assertThat(new HashSet<>(CATALOGUE.items().stream().map(ManagementItem::handlingType).toList()))
                .containsExactlyInAnyOrder(HandlingType.values());
        assertThat(LIST.entries()).hasSize(CATALOGUE.items().size());
    }
}
