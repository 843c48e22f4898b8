package cn.changning.governance.assessment.domain.evaluation;

import java.time.LocalDate;
import java.util.Map;

/**
 * One response as the import read it, before the survey's rules.
 *
 * @param rowNumber          its place in the upload (CSV: the line's row counting the header as row 1; JSON: 1-based index)
 * @param respondentCategory as written; the survey checks it against {@link RespondentCategory}
 * @param scores             the raw score per question code, in the upload's order
 */
public record SurveyRow(int rowNumber, String responseId, String respondentCategory, LocalDate answeredOn,
                        Map<String, Integer> scores) {
}
