package cn.changning.governance.assessment.domain.scheme;

import cn.changning.governance.assessment.config.DataFiles;
import cn.changning.governance.assessment.domain.indicator.Indicator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shipped schemes load and hold what the reform (as we read it) says; a file at fault is refused naming file and entry. */
class SchemeLibraryTest {

    private static final SchemeLibrary LIBRARY = SchemeLibrary.load(DataFiles::read);

    @Test
    void theShippedSchemesLoadWithTheCurrentOnes() {
        assertThat(LIBRARY.agencySchemes()).extracting(AgencyScheme::id).containsExactly("agency-2016.v1", "agency-pre-2016.v1");
        assertThat(LIBRARY.streetSchemes()).extracting(StreetScheme::id).containsExactly("street-2016.v1", "street-pre-2016.v1");
        assertThat(LIBRARY.currentAgencySchemeId()).isEqualTo("agency-2016.v1");
        assertThat(LIBRARY.currentStreetSchemeId()).isEqualTo("street-2016.v1");
        assertThat(LIBRARY.agencyScheme("agency-2016.v1")).isPresent();
        assertThat(LIBRARY.streetScheme("agency-2016.v1")).isEmpty();
        assertThat(LIBRARY.streetScheme("street-pre-2016.v1")).isPresent();
    }

    @Test
    void residentEvaluationWeighsMoreAfterTheReform() {
        AgencyScheme before = LIBRARY.agency("agency-pre-2016.v1").orElseThrow();
        AgencyScheme after = LIBRARY.agency("agency-2016.v1").orElseThrow();
        assertThat(before.residentEvaluation().weight()).isEqualTo(20);
        assertThat(after.residentEvaluation().weight()).isEqualTo(40);
        assertThat(after.reading()).startsWith("OUR READING");
        // Only indicators counted for agencies; the street-only ones (filing, repeat cases) are not weighed.
        assertThat(after.weights()).doesNotContainKeys(Indicator.ON_TIME_FILING_RATE, Indicator.REPEAT_CASES);
    }

    @Test
    void theStreetCatalogueHas55ItemsWorth100WithSatisfactionAt30() {
        StreetScheme current = LIBRARY.street("street-2016.v1").orElseThrow();
        assertThat(current.items()).hasSize(55);
        assertThat(current.reading()).startsWith("OUR READING");
        Map<ItemMeasure, Double> byMeasure = current.items().stream()
                .collect(Collectors.groupingBy(AssessmentItem::measure, Collectors.summingDouble(AssessmentItem::points)));
        // 30 satisfaction, 10 indicator items of 2 points, the rest recorded.
        assertThat(byMeasure).containsEntry(ItemMeasure.SATISFACTION, 30.0).containsEntry(ItemMeasure.INDICATOR, 20.0)
                .containsEntry(ItemMeasure.RECORDED, 50.0);
        assertThat(current.items()).allSatisfy(i -> assertThat(i.nameZh()).isNotBlank());
        assertThat(current.items().stream().map(AssessmentItem::category).distinct()).hasSize(AssessmentCategory.values().length);
    }

    @Test
    void thePreReformStreetSchemeHasSatisfactionAt20AndTheOtherItemsScaledTo80() {
        StreetScheme current = LIBRARY.street("street-2016.v1").orElseThrow();
        StreetScheme before = LIBRARY.street("street-pre-2016.v1").orElseThrow();
        assertThat(before.satisfactionPoints()).isEqualTo(20);
        assertThat(before.items()).extracting(AssessmentItem::code).containsExactlyElementsOf(current.items().stream().map(AssessmentItem::code).toList());
        // SAT-01: 25 × 20/30 = 16.67; UM-11 (2 points): 2 × 80/70 = 2.29, still recorded out of 2.
        assertThat(before.item("SAT-01").orElseThrow().points()).isCloseTo(16.6667, org.assertj.core.data.Offset.offset(0.0001));
        AssessmentItem um11 = before.item("UM-11").orElseThrow();
        assertThat(um11.points()).isCloseTo(2.2857, org.assertj.core.data.Offset.offset(0.0001));
        assertThat(um11.recordedOutOf()).isEqualTo(2.0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "street-duplicate.v1|item UM-03: the code is used twice",
            "street-unknown-indicator.v1|items[4] (UM-03).indicator: 'CLOSING_RATE' is not a known Indicator",
            "street-satisfaction.v1|the SATISFACTION items add up to 30 points, not the declared satisfactionPoints 25",
            "street-54.v1|the district's catalogue has 55 items: itemCount is 55 and the file lists 54",
            "street-total.v1|the items' points add up to 101, not 100",
            "street-mixed-measure.v1|item PS-03: a RECORDED item takes recordedOutOf and no other measure's fields",
            "agency-bands.v1|bands: bands must rise strictly",
            "agency-total.v1|weights add up to 101, not 100",
            "agency-street-indicator.v1|indicators[REPEAT_CASES]: REPEAT_CASES is not counted for agencies",
    })
    void aBrokenFileIsRefusedNamingTheFileAndTheEntry(String id, String reason) {
        String resource = "assessment/schemes-broken/" + id + ".json";
        assertThatThrownBy(() -> SchemeLibrary.read(DataFiles::read, resource))
                .isInstanceOf(SchemeFileException.class)
                .hasMessageStartingWith(resource + ": ")
                .hasMessageContaining(reason);
    }

    @Test
    void aFileNotNamedByItsIdIsRefused() {
        // street-2016.v1's content under another name would be a second copy of the scheme, silently.
        assertThatThrownBy(() -> SchemeLibrary.read(DataFiles::read, "assessment/schemes-broken/street-renamed.v1.json"))
                .isInstanceOf(SchemeFileException.class)
                .hasMessageContaining("id street-2016.v1 is not the file's name (street-renamed.v1.json)");
        assertThatThrownBy(() -> SchemeLibrary.read(DataFiles::read, "assessment/schemes/index.json"))
                .isInstanceOf(SchemeFileException.class).hasMessageContaining("kind must be AGENCY or STREET");
    }
}
