package cn.changning.governance.assessment.api;

import cn.changning.governance.assessment.domain.evaluation.SurveyRow;
import cn.changning.governance.assessment.domain.evaluation.SurveyRowRejection;
import cn.changning.governance.common.web.InvalidParameterException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The upload's two forms: what a row becomes, and which rows (or whole uploads) are refused, with their row numbers. */
class SurveyUploadReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, Integer> scores(Object... pairs) {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Integer) pairs[i + 1]);
        }
        return map;
    }

    @Test
    void aCsvWithBomCrlfAndQuotedFieldsReadsEveryRow() {
        String csv = "\uFEFFresponseId,respondentCategory,answeredOn,Q01,Q04\r\n"
                + "\"r,1\",RESIDENT,2026-03-01,5,\r\n"
                + "\"r\"\"2\",BUSINESS,2026-03-02,\"3\",1\r\n"
                + "\"multi\nline\",RESIDENT_UNIT,2026-03-03,4,4\r\n";
        SurveyUploadReader.Upload upload = SurveyUploadReader.csv(csv);
        assertThat(upload.rejections()).isEmpty();
        assertThat(upload.received()).isEqualTo(3);
        assertThat(upload.rows()).containsExactly(
                new SurveyRow(2, "r,1", "RESIDENT", LocalDate.of(2026, 3, 1), scores("Q01", 5)),
                new SurveyRow(3, "r\"2", "BUSINESS", LocalDate.of(2026, 3, 2), scores("Q01", 3, "Q04", 1)),
                new SurveyRow(4, "multi\nline", "RESIDENT_UNIT", LocalDate.of(2026, 3, 3), scores("Q01", 4, "Q04", 4)));
    }

    @Test
    void columnsMayComeInAnyOrderAndAMissingTrailingNewlineOrBlankLineIsFine() {
        String csv = "Q02,answeredOn,responseId,respondentCategory\n2,2026-01-05,a,RESIDENT\n\n5,2026-01-06,b,BUSINESS";
        SurveyUploadReader.Upload upload = SurveyUploadReader.csv(csv);
        assertThat(upload.rows()).extracting(SurveyRow::responseId).containsExactly("a", "b");
        assertThat(upload.rows().get(1).scores()).isEqualTo(Map.of("Q02", 5));
    }

    @Test
    void aBadCsvRowIsRejectedWithItsRowNumberAndTheOthersAreRead() {
        String csv = "responseId,respondentCategory,answeredOn,Q01\n"
                + "ok,RESIDENT,2026-02-01,4\n"
                + "badDate,RESIDENT,01/02/2026,4\n"
                + "badScore,RESIDENT,2026-02-01,four\n"
                + "short,RESIDENT,2026-02-01\n"
                + "ok2,RESIDENT,2026-02-01,2\n";
        SurveyUploadReader.Upload upload = SurveyUploadReader.csv(csv);
        assertThat(upload.received()).isEqualTo(5);
        assertThat(upload.rows()).extracting(SurveyRow::rowNumber).containsExactly(2, 6);
        assertThat(upload.rejections()).containsExactly(
                new SurveyRowRejection(3, "badDate", "answeredOn", "'01/02/2026' is not a date yyyy-MM-dd"),
                new SurveyRowRejection(4, "badScore", "Q01", "'four' is not a whole number"),
                new SurveyRowRejection(5, "short", "row", "has 3 fields, the header has 4"));
    }

    @Test
    void aCsvWithoutARequiredColumnIsRefusedWhole() {
        assertThatThrownBy(() -> SurveyUploadReader.csv("responseId,answeredOn,Q01\na,2026-01-01,3\n"))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("lacks the column respondentCategory");
        assertThatThrownBy(() -> SurveyUploadReader.csv("responseId,respondentCategory,answeredOn\na,RESIDENT,2026-01-01\n"))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("no question column");
        assertThatThrownBy(() -> SurveyUploadReader.csv("responseId,respondentCategory,answeredOn,Q01,Q01\n"))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("names column 'Q01' twice");
        assertThatThrownBy(() -> SurveyUploadReader.csv(""))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("no header row");
    }

    @Test
    void anUnclosedQuoteRefusesTheCsvWholeNamingItsLine() {
        assertThatThrownBy(() -> SurveyUploadReader.csv("responseId,respondentCategory,answeredOn,Q01\n\"a,RESIDENT,2026-01-01,3\n"))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("opened on line 2");
        assertThatThrownBy(() -> SurveyUploadReader.csv("responseId,respondentCategory,answeredOn,Q01\na\"b,RESIDENT,2026-01-01,3\n"))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("quote inside an unquoted field on line 2");
    }

    @Test
    void jsonTakesAnArrayOrAResponsesObjectAndRejectsBadRowsByPlace() throws Exception {
        String rows = "[{\"responseId\":\"j1\",\"respondentCategory\":\"RESIDENT\",\"answeredOn\":\"2026-04-01\",\"scores\":{\"Q01\":5,\"Q03\":null}},"
                + "{\"responseId\":\"j2\",\"respondentCategory\":\"RESIDENT\",\"answeredOn\":\"2026-04-01\",\"scores\":{\"Q01\":\"5\"}},"
                + "{\"responseId\":\"j3\",\"respondentCategory\":\"RESIDENT\",\"scores\":{\"Q01\":5}},"
                + "{\"responseId\":\"j4\",\"respondentCategory\":\"RESIDENT\",\"answeredOn\":\"2026-04-01\",\"scores\":{},\"name\":\"Li\"},"
                + "7]";
        for (String body : List.of(rows, "{\"responses\":" + rows + "}")) {
            SurveyUploadReader.Upload upload = SurveyUploadReader.json(JSON.readTree(body));
            assertThat(upload.received()).isEqualTo(5);
            assertThat(upload.rows()).containsExactly(new SurveyRow(1, "j1", "RESIDENT", LocalDate.of(2026, 4, 1), scores("Q01", 5)));
            assertThat(upload.rejections()).containsExactly(
                    new SurveyRowRejection(2, "j2", "Q01", "a score is a whole number"),
                    new SurveyRowRejection(3, "j3", "answeredOn", "is missing"),
                    new SurveyRowRejection(4, "j4", "name", "is not a property of a response (responseId, respondentCategory, answeredOn, scores)"),
                    new SurveyRowRejection(5, null, "row", "a response is an object"));
        }
    }

    @Test
    void jsonThatIsNeitherAnArrayNorAResponsesObjectIsRefusedWhole() throws Exception {
        assertThatThrownBy(() -> SurveyUploadReader.json(JSON.readTree("{\"rows\":[]}")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("'rows'");
        assertThatThrownBy(() -> SurveyUploadReader.json(JSON.readTree("\"text\"")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("not an array");
    }
}
