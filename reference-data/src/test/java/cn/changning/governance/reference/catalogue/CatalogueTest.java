package cn.changning.governance.reference.catalogue;

import cn.changning.governance.reference.calendar.TimeLimit;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogueTest {

    private static final Catalogue CATALOGUE = Catalogue.load();

    @Test
    void holdsTheHundredAndEightyOneManagementItems() {
        assertThat(CATALOGUE.items()).hasSize(181);
        assertThat(CATALOGUE.items()).extracting(ManagementItem::code).doesNotHaveDuplicates();
        assertThat(CATALOGUE.items()).extracting(ManagementItem::nameZh).doesNotHaveDuplicates();
        assertThat(CATALOGUE.version()).isNotBlank();
    }

    @Test
    void allThreeClassesAndAllFourHandlingTypesArePresent() {
        assertThat(CATALOGUE.items()).extracting(ManagementItem::itemClass).containsOnly(ItemClass.values())
                .contains(ItemClass.values());
        assertThat(CATALOGUE.items()).extracting(ManagementItem::handlingType).contains(HandlingType.values());
        int byClass = Arrays.stream(ItemClass.values()).mapToInt(c -> CATALOGUE.items(c).size()).sum();
        int byType = Arrays.stream(HandlingType.values()).mapToInt(t -> CATALOGUE.items(t).size()).sum();
        int byCategory = Arrays.stream(ItemCategory.values()).mapToInt(c -> CATALOGUE.items(c).size()).sum();
        assertThat(byClass).isEqualTo(181);
        assertThat(byType).isEqualTo(181);
        assertThat(byCategory).isEqualTo(181);
    }

    @Test
    void categoriesFollowTheNationalMajorClasses() {
        assertThat(CATALOGUE.items(ItemClass.COMPONENT)).extracting(ManagementItem::category)
                .containsOnly(ItemCategory.PUBLIC_UTILITIES, ItemCategory.ROAD_TRAFFIC,
                        ItemCategory.CITY_APPEARANCE_ENVIRONMENT, ItemCategory.LANDSCAPING,
                        ItemCategory.HOUSING_LAND, ItemCategory.OTHER);
        assertThat(CATALOGUE.items(ItemClass.EVENT)).extracting(ManagementItem::category)
                .containsOnly(ItemCategory.CITY_APPEARANCE_ENVIRONMENT, ItemCategory.ADVERTISING,
                        ItemCategory.CONSTRUCTION_MANAGEMENT, ItemCategory.EMERGENCIES,
                        ItemCategory.STREET_ORDER, ItemCategory.OTHER);
        assertThat(CATALOGUE.items()).allSatisfy(i -> {
            assertThat(i.code()).matches("\\d{4}");
            assertThat(i.code()).startsWith(i.category().majorClass(i.itemClass()).orElseThrow());
        });
        assertThat(CATALOGUE.items(ItemClass.SERVICE)).extracting(ManagementItem::code).allMatch(c -> c.startsWith("2"));
    }

    @Test
    void exactlySixPersistentProblemsNeedJointEnforcement() {
        List<ManagementItem> persistent = CATALOGUE.persistentProblems();
        assertThat(persistent).hasSize(6);
        assertThat(persistent).extracting(i -> i.asPersistentProblem().orElseThrow())
                .containsExactlyInAnyOrderElementsOf(EnumSet.allOf(PersistentProblem.class));
        assertThat(CATALOGUE.item(PersistentProblem.ILLEGAL_CONSTRUCTION).nameZh()).isEqualTo("违法搭建");
        assertThat(CATALOGUE.item(PersistentProblem.GROUP_RENTING).nameZh()).isEqualTo("群租");
        assertThat(CATALOGUE.item(PersistentProblem.UNLICENSED_STREET_STALLS).nameZh()).isEqualTo("无序设摊");
        assertThat(CATALOGUE.item(PersistentProblem.ILLEGAL_PASSENGER_TRANSPORT).nameZh()).isEqualTo("非法客运");
        assertThat(CATALOGUE.item(PersistentProblem.TRADING_ACROSS_DOORWAY).nameZh()).isEqualTo("跨门营业");
        assertThat(CATALOGUE.item(PersistentProblem.UNLICENSED_BUSINESS).nameZh()).isEqualTo("无证无照经营");
        assertThat(CATALOGUE.items()).filteredOn(i -> !i.persistentProblem())
                .allSatisfy(i -> assertThat(i.asPersistentProblem()).isEmpty());
    }

    @Test
    void timeLimitsFollowNationalPractice() {
        assertThat(CATALOGUE.find("1101")).get().satisfies(i -> {
            assertThat(i.name()).isEqualTo("Exposed rubbish");
            assertThat(i.timeLimit()).isEqualTo(TimeLimit.workingDays(1));
        });
        assertThat(CATALOGUE.find("1102")).get().extracting(ManagementItem::timeLimit)
                .isEqualTo(TimeLimit.workingHours(5));
        assertThat(CATALOGUE.find("1301")).get().extracting(ManagementItem::timeLimit)
                .isEqualTo(TimeLimit.workingDays(15));
        assertThat(CATALOGUE.find("0101")).get().satisfies(i -> {
            assertThat(i.itemClass()).isEqualTo(ItemClass.COMPONENT);
            assertThat(i.category()).isEqualTo(ItemCategory.PUBLIC_UTILITIES);
        });
    }

    @Test
    void everyItemSaysWhenToFileAndWhenToClose() {
        assertThat(CATALOGUE.items()).allSatisfy(i -> {
            assertThat(i.filingCondition()).isNotBlank();
            assertThat(i.closingCondition()).isNotBlank();
            assertThat(i.timeLimit().amount()).isPositive();
        });
    }

    @Test
    void unknownCodeFindsNothing() {
        assertThat(CATALOGUE.find("9999")).isEmpty();
        assertThat(CATALOGUE.find(null)).isEmpty();
    }

    @Test
    void itemsAreValidatedOnConstruction() {
        assertThatThrownBy(() -> new ManagementItem("0199", "Noise", "噪声", ItemClass.EVENT,
                ItemCategory.PUBLIC_UTILITIES, HandlingType.A, "f", "c", TimeLimit.workingHours(2), false))
                .as("public utilities is not an event category").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ManagementItem("1199", "Stall", "摊", ItemClass.EVENT,
                ItemCategory.STREET_ORDER, HandlingType.A, "f", "c", TimeLimit.workingHours(2), false))
                .as("street order is major class 15").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ManagementItem("1599", "Stall", "摊", ItemClass.EVENT,
                ItemCategory.STREET_ORDER, HandlingType.A, "f", "c", TimeLimit.workingHours(2), true))
                .as("not one of the six").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TimeLimit.workingDays(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
