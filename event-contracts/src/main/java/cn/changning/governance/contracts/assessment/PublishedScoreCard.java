package cn.changning.governance.contracts.assessment;

import java.util.List;

/** A score with its reasons, as events carry it: the scheme, the total, the grade (null on a street's sheet), the lines. */
public record PublishedScoreCard(String schemeId, double total, AgencyGrade grade, List<PublishedScoreLine> lines) {

    public PublishedScoreCard {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
