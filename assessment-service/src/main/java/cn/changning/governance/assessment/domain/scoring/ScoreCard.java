package cn.changning.governance.assessment.domain.scoring;

import java.util.List;

/**
 * A score with its reasons: the scheme it was computed under, the total, the grade where the scheme grades, and the
 * lines that make the total.
 *
 * @param schemeId      the scheme's id and version, e.g. {@code agency-2016.v1}
 * @param total         0–100, the sum of the lines' points
 * @param grade         by the scheme's bands; null where the scheme does not grade (a street's score sheet)
 */
public record ScoreCard(String schemeId, double total, Grade grade, List<ScoreLine> lines) {

    public ScoreCard {
        lines = List.copyOf(lines);
    }
}
