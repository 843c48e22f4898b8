package cn.changning.governance.assessment.domain.evaluation;

import cn.changning.governance.assessment.config.DataFiles;
import cn.changning.governance.reference.agencies.AgencyType;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The questionnaire's checks at load, the 0–100 mapping, a response's scores and the coverage rule. */
class QuestionnaireTest {

    private static final String CATEGORIES = "\"respondentCategories\":[{\"code\":\"RESIDENT\"},{\"code\":\"RESIDENT_UNIT\"},"
            + "{\"code\":\"BUSINESS\"},{\"code\":\"DEPUTY_OR_MEMBER\"}]";

    private static Questionnaire read(String questions) throws Exception {
        String json = "{\"version\":\"t\",\"scale\":{\"min\":1,\"max\":5}," + CATEGORIES + ",\"questions\":[" + questions + "]}";
        return Questionnaire.read("test.json", new com.fasterxml.jackson.databind.ObjectMapper().readTree(json));
    }

    @Test
    void theShippedQuestionnaireLoadsAndAsksAboutEveryAgencyTypeOfAStreet() {
        Questionnaire q = Questionnaire.load(DataFiles::read);
        for (AgencyType type : AgencyType.values()) {
            assertThat(q.about(type)).as("questions about %s", type).isNotEmpty();
        }
        assertThat(q.questions().stream().filter(x -> x.agencyType() == null)).isNotEmpty();
    }

    @Test
    void aDuplicateCodeIsRefusedNamingTheFileAndTheCode() {
        assertThatThrownBy(() -> read("{\"code\":\"A\",\"en\":\"a\",\"zh\":\"甲\"},{\"code\":\"A\",\"en\":\"b\",\"zh\":\"乙\"}"))
                .hasMessage("test.json: question code A appears twice");
    }

    @Test
    void anUnknownAgencyTypeIsRefusedNamingTheQuestion() {
        assertThatThrownBy(() -> read("{\"code\":\"A\",\"en\":\"a\",\"zh\":\"甲\",\"agencyType\":\"FIRE_BRIGADE\"}"))
                .hasMessageStartingWith("test.json: question A: agency type FIRE_BRIGADE is unknown");
    }

    @Test
    void aQuestionWithoutItsChineseTextIsRefused() {
        assertThatThrownBy(() -> read("{\"code\":\"A\",\"en\":\"a\"}")).hasMessage("test.json: question A needs a text zh");
    }

    @Test
    void scoresMapLinearlyToZeroToHundred() throws Exception {
        Questionnaire q = read("{\"code\":\"A\",\"en\":\"a\",\"zh\":\"甲\"}");
        // 1..5 -> 0, 25, 50, 75, 100
        assertThat(q.toPercent(1)).isEqualTo(0.0);
        assertThat(q.toPercent(2)).isEqualTo(25.0);
        assertThat(q.toPercent(4)).isEqualTo(75.0);
        assertThat(q.toPercent(5)).isEqualTo(100.0);
        assertThat(q.onScale(0)).isFalse();
        assertThat(q.onScale(6)).isFalse();
    }

    @Test
    void aResponseScoresTheStreetByAllItsAnswersAndAnAgencyTypeByItsOwn() throws Exception {
        Questionnaire q = read("{\"code\":\"G\",\"en\":\"g\",\"zh\":\"总\"},"
                + "{\"code\":\"P1\",\"en\":\"p\",\"zh\":\"警\",\"agencyType\":\"POLICE_STATION\"},"
                + "{\"code\":\"P2\",\"en\":\"p\",\"zh\":\"警\",\"agencyType\":\"POLICE_STATION\"}");
        // G=5 (100), P1=3 (50), P2=2 (25): street (100+50+25)/3 = 58.33; police (50+25)/2 = 37.5
        ResponseScores scores = ResponseScores.of(Map.of("G", 5, "P1", 3, "P2", 2), q);
        assertThat(scores.street()).isCloseTo(58.333, within(0.001));
        assertThat(scores.byAgencyType()).containsExactly(Map.entry(AgencyType.POLICE_STATION, 37.5));
    }

    @Test
    void coverageIsOnTrackWhenTheShareReachedKeepsUpWithTheYear() {
        java.time.ZoneId shanghai = java.time.ZoneId.of("Asia/Shanghai");
        // 2026-07-02T12:00 Shanghai: 182.5 of 365 days passed = 0.5
        Instant midYear = Instant.parse("2026-07-02T04:00:00Z");
        SurveyCoverage behind = SurveyCoverage.of("310105001", 2026, 499, midYear, shanghai);
        assertThat(behind.share()).isEqualTo(0.499);
        assertThat(behind.yearPassed()).isCloseTo(0.5, within(1e-9));
        assertThat(behind.onTrack()).isFalse();
        assertThat(SurveyCoverage.of("310105001", 2026, 500, midYear, shanghai).onTrack()).isTrue();
        SurveyCoverage pastYear = SurveyCoverage.of("310105001", 2025, 999, midYear, shanghai);
        assertThat(pastYear.yearPassed()).isEqualTo(1.0);
        assertThat(pastYear.onTrack()).isFalse();
        SurveyCoverage reached = SurveyCoverage.of("310105001", 2025, 1200, midYear, shanghai);
        assertThat(reached.share()).isEqualTo(1.0);
        assertThat(reached.reached()).isTrue();
        assertThat(reached.onTrack()).isTrue();
    }
}
