package cn.changning.governance.reference;

import cn.changning.governance.reference.agencies.Agency;
import cn.changning.governance.reference.agencies.AgencyDirectory;
import cn.changning.governance.reference.agencies.AgencyType;
import cn.changning.governance.reference.calendar.WorkingCalendar;
import cn.changning.governance.reference.catalogue.Catalogue;
import cn.changning.governance.reference.catalogue.HandlingType;
import cn.changning.governance.reference.catalogue.ItemClass;
import cn.changning.governance.reference.catalogue.ManagementItem;
import cn.changning.governance.reference.catalogue.PersistentProblem;
import cn.changning.governance.reference.geography.Geography;
import cn.changning.governance.reference.geography.Subdistrict;
import cn.changning.governance.reference.geography.SubdistrictKind;
import cn.changning.governance.reference.responsibility.ResponsibilityList;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reference data against the domain brief (shared/domain/BRIEF.md). Every expected figure is the brief's,
 * written here by hand: a test that compared the data with its own size would pass on any data.
 */
class DomainFactsTest {

    // From the brief: "10 subdistricts: 9 streets and 1 town", "33 responsibility grids", "185 residential areas",
    // "181 management items in three classes", the six persistent problems and the seven kinds of agency of joint
    // enforcement (the squad, the police station, four offices and the traffic police, plus the street's own team).
    private static final int SUBDISTRICTS = 10;
    private static final int STREETS = 9;
    private static final int TOWNS = 1;
    private static final int GRIDS = 33;
    private static final int RESIDENTIAL_AREAS = 185;
    private static final int MANAGEMENT_ITEMS = 181;
    private static final int ITEM_CLASSES = 3;
    private static final int HANDLING_TYPES = 4;
    private static final int PERSISTENT_PROBLEMS = 6;
    private static final int AGENCY_KINDS_PER_STREET = 7;

    private static final Geography GEOGRAPHY = Geography.load();
    private static final Catalogue CATALOGUE = Catalogue.load();
    private static final AgencyDirectory AGENCIES = AgencyDirectory.load(GEOGRAPHY);
    private static final ResponsibilityList RESPONSIBILITY_LIST = ResponsibilityList.load(CATALOGUE, GEOGRAPHY);
    private static final WorkingCalendar CALENDAR = WorkingCalendar.load();

    @Test
    void tenSubdistrictsNineStreetsAndOneTown() {
        assertThat(GEOGRAPHY.subdistricts()).hasSize(SUBDISTRICTS);
        assertThat(GEOGRAPHY.subdistricts()).filteredOn(s -> s.kind() == SubdistrictKind.STREET).hasSize(STREETS);
        assertThat(GEOGRAPHY.subdistricts()).filteredOn(s -> s.kind() == SubdistrictKind.TOWN).hasSize(TOWNS);
        // The report names Hongqiao, Tianshan and Huayang streets; the brief lists the others and Xinjing town.
        assertThat(GEOGRAPHY.subdistricts()).extracting(Subdistrict::nameZh).containsExactlyInAnyOrder(
                "虹桥街道", "天山路街道", "华阳路街道", "江苏路街道", "新华路街道", "周家桥街道", "仙霞新村街道",
                "程家桥街道", "北新泾街道", "新泾镇");
    }

    @Test
    void thirtyThreeGridsAndOneHundredEightyFiveResidentialAreasCoverTheDistrict() {
        assertThat(GEOGRAPHY.grids()).hasSize(GRIDS);
        assertThat(GEOGRAPHY.residentialAreas()).hasSize(RESIDENTIAL_AREAS);
        for (Subdistrict s : GEOGRAPHY.subdistricts()) {
            assertThat(GEOGRAPHY.grids(s.code())).as("grids of %s", s.name()).isNotEmpty();
            assertThat(GEOGRAPHY.residentialAreasInSubdistrict(s.code())).as("areas of %s", s.name()).isNotEmpty();
        }
    }

    @Test
    void oneHundredEightyOneItemsInThreeClassesWithFourHandlingTypes() {
        assertThat(CATALOGUE.items()).hasSize(MANAGEMENT_ITEMS);
        assertThat(ItemClass.values()).hasSize(ITEM_CLASSES);
        for (ItemClass itemClass : ItemClass.values()) {
            assertThat(CATALOGUE.items(itemClass)).as("items of class %s", itemClass).isNotEmpty();
        }
        assertThat(HandlingType.values()).hasSize(HANDLING_TYPES);
        assertThat(CATALOGUE.items()).extracting(ManagementItem::handlingType).contains(HandlingType.values());
    }

    @Test
    void theSixPersistentProblemsAreJointTasksLedByTheCityManagementSquad() {
        assertThat(CATALOGUE.persistentProblems()).hasSize(PERSISTENT_PROBLEMS);
        assertThat(CATALOGUE.persistentProblems()).extracting(ManagementItem::nameZh)
                .containsExactlyInAnyOrder("违法搭建", "群租", "无序设摊", "非法客运", "跨门营业", "无证无照经营");
        for (PersistentProblem problem : PersistentProblem.values()) {
            ResponsibilityList.Entry entry = RESPONSIBILITY_LIST.find(problem.itemCode()).orElseThrow();
            // "A city-management squad is the backbone": it leads, and others take part.
            assertThat(entry.departmentLeadType()).as("lead for %s", problem).isEqualTo(AgencyType.CITY_MANAGEMENT_SQUAD);
            assertThat(entry.assistingTypes()).as("assistants for %s", problem).isNotEmpty();
        }
    }

    @Test
    void everyStreetHasOneAgencyOfEachOfTheSevenKinds() {
        assertThat(AgencyType.values()).hasSize(AGENCY_KINDS_PER_STREET);
        assertThat(AGENCIES.list(null, null)).hasSize(SUBDISTRICTS * AGENCY_KINDS_PER_STREET);
        for (Subdistrict street : GEOGRAPHY.subdistricts()) {
            assertThat(AGENCIES.list(street.code(), null)).extracting(Agency::type).as("agencies of %s", street.name())
                    .containsExactlyInAnyOrder(AgencyType.values());
        }
        assertThat(AGENCIES.list(null, null)).allSatisfy(a ->
                assertThat(GEOGRAPHY.subdistrict(a.streetCode())).as("street of %s", a.id()).isPresent());
    }

    @Test
    void theResponsibilityListNamesEveryCatalogueItemAndNothingElse() {
        assertThat(RESPONSIBILITY_LIST.entries()).hasSize(MANAGEMENT_ITEMS);
        assertThat(RESPONSIBILITY_LIST.entries()).allSatisfy(e ->
                assertThat(CATALOGUE.find(e.itemCode())).as("catalogue item %s", e.itemCode()).isPresent());
        assertThat(CATALOGUE.items()).allSatisfy(i ->
                assertThat(RESPONSIBILITY_LIST.find(i.code())).as("list entry for %s", i.code()).isPresent());
    }

    @Test
    void theWorkingCalendarKnowsTheStateCouncilHolidays() {
        assertThat(CALENDAR.workingDayLength()).isEqualTo(Duration.ofHours(8));
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-10-01"))).as("National Day 2026").isFalse();
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-02-17"))).as("Spring Festival 2026").isFalse();
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2025-01-01"))).as("New Year's Day 2025").isFalse();
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-10-10"))).as("make-up Saturday 2026").isTrue();
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2025-09-28"))).as("make-up Sunday 2025").isTrue();
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-03-04"))).as("an ordinary Wednesday").isTrue();
    }
}
