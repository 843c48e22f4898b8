package cn.changning.governance.assessment.domain.evaluation;

/**
 * Why one row of an import was not recorded.
 *
 * @param row        its row number in the upload
 * @param responseId its response id when one could be read, else null
 * @param field      the column or property at fault (a question code for a score)
 */
public record SurveyRowRejection(int row, String responseId, String field, String reason) {
}
