package cn.changning.governance.reference.responsibility;

import cn.changning.governance.reference.agencies.Agency;
import cn.changning.governance.reference.agencies.AgencyDirectory;
import cn.changning.governance.reference.agencies.AgencyType;
import cn.changning.governance.reference.agencies.DistrictUnit;
import cn.changning.governance.reference.agencies.DistrictUnitType;
import cn.changning.governance.reference.catalogue.Catalogue;
import cn.changning.governance.reference.catalogue.HandlingType;
import cn.changning.governance.reference.catalogue.ItemClass;
import cn.changning.governance.reference.catalogue.ManagementItem;
import cn.changning.governance.reference.geography.Geography;
import cn.changning.governance.reference.geography.Subdistrict;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Components (部件) reach the unit that owns the asset, as in digital urban management. */
class ComponentOwnersTest {

    static final Geography GEOGRAPHY = Geography.load();
    static final Catalogue CATALOGUE = Catalogue.load();
    static final AgencyDirectory AGENCIES = AgencyDirectory.load(GEOGRAPHY);
    static final ResponsibilityList LIST = ResponsibilityList.load(CATALOGUE, GEOGRAPHY);

    @Test
    void everyComponentNamesAnOwnerThatExistsInEveryStreet() {
        assertThat(CATALOGUE.items(ItemClass.COMPONENT)).isNotEmpty().allSatisfy(item -> {
            ResponsibilityList.Entry entry = LIST.find(item.code()).orElseThrow();
            assertThat(entry.ownerType()).as("owner of %s %s", item.code(), item.name()).isNotNull();
            for (Subdistrict street : GEOGRAPHY.subdistricts()) {
                assertThat(AGENCIES.inStreet(street.code(), entry.ownerType()))
                        .as("owner %s of %s in %s", entry.ownerType(), item.code(), street.name()).isPresent();
            }
        });
        // Owners belong to assets: events and services name none.
        assertThat(CATALOGUE.items()).filteredOn(i -> i.itemClass() != ItemClass.COMPONENT)
                .allSatisfy(i -> assertThat(LIST.find(i.code()).orElseThrow().ownerType()).as("owner of %s", i.code()).isNull());
    }

    @Test
    void aComponentOfTypeCOrDIsLedByItsOwner() {
        for (ManagementItem item : CATALOGUE.items(ItemClass.COMPONENT)) {
            if (item.handlingType() == HandlingType.C || item.handlingType() == HandlingType.D) {
                for (Subdistrict street : GEOGRAPHY.subdistricts()) {
                    assertThat(LIST.route(item.code(), item.handlingType().name(), false, street.code(), null).orElseThrow().leadType())
                            .as("lead of %s in %s", item.code(), street.name()).isEqualTo(LIST.find(item.code()).orElseThrow().ownerType());
                }
            }
        }
    }

    @Test
    void theWaterSupplyManholeCoverBelongsToTheWaterUtility() {
        // 0101 上水井盖: the 01 (public utilities) class's first item, a water-supply asset.
        assertThat(LIST.find("0101").orElseThrow().ownerType()).isEqualTo(DistrictUnitType.WATER_SUPPLY_COMPANY);
        DistrictUnit water = AGENCIES.districtUnits().stream()
                .filter(u -> u.type() == DistrictUnitType.WATER_SUPPLY_COMPANY).findFirst().orElseThrow();
        assertThat(water.kind()).isEqualTo(DistrictUnit.Kind.UTILITY);
        for (Subdistrict street : GEOGRAPHY.subdistricts()) {
            ResponsibilityList.Routing routing = LIST.route("0101", "C", false, street.code(), null).orElseThrow();
            Agency lead = AGENCIES.inStreet(street.code(), routing.leadType()).orElseThrow();
            assertThat(lead.id()).isEqualTo(water.id());
            assertThat(routing.assistingTypes()).containsExactly(AgencyType.STREET_TEAM);
        }
    }

    @Test
    void aComponentTheStreetHandlesAloneIsTheStreetsOwn() {
        assertThat(CATALOGUE.items(ItemClass.COMPONENT)).filteredOn(i -> i.handlingType() == HandlingType.A)
                .isNotEmpty()
                .allSatisfy(i -> assertThat(LIST.find(i.code()).orElseThrow().ownerType()).as("owner of %s", i.code())
                        .isEqualTo(AgencyType.STREET_TEAM));
    }
}
