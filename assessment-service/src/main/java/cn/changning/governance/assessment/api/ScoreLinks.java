package cn.changning.governance.assessment.api;

import cn.changning.governance.assessment.domain.indicator.Indicator;
import cn.changning.governance.assessment.domain.scheme.AssessmentItem;
import cn.changning.governance.assessment.domain.scheme.ItemMeasure;
import cn.changning.governance.assessment.domain.scheme.SatisfactionSource;
import cn.changning.governance.contracts.assessment.PublishedScoreCard;
import cn.changning.governance.contracts.assessment.PublishedScoreLine;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The drill-down's first steps: every line of a card with the links to what it was computed from: an indicator line
 * to the facts behind its numerator and its denominator, a resident-evaluation line to the agency's evaluation, a
 * satisfaction line to the street's survey. Those endpoints belong to the indicators and evaluation parts.
 */
final class ScoreLinks {

    private static final Set<String> INDICATORS = Arrays.stream(Indicator.values()).map(Enum::name).collect(Collectors.toSet());

    private ScoreLinks() {
    }

    /** A card's line and where to go from it (link name → path). */
    record LinkedLine(String component, String label, Double value, double maxPoints, double points, String basis,
                      Map<String, String> links) {
    }

    static List<LinkedLine> agencyLines(PublishedScoreCard card, String agencyId, String periodId) {
        return card == null ? List.of() : card.lines().stream().map(l -> linked(l, agencyLinks(l, agencyId, periodId))).toList();
    }

    /**
     * A street sheet's lines are the scheme's items (their codes): {@code items} finds each item in the scheme the card
     * was scored under, so an INDICATOR item links to its indicator's facts and a SATISFACTION item to the survey (or,
     * for case feedback, to the street's evaluation).
     */
    static List<LinkedLine> streetLines(PublishedScoreCard card, String streetCode, int year,
                                        Function<String, Optional<AssessmentItem>> items) {
        return card == null ? List.of() : card.lines().stream()
                .map(l -> linked(l, streetLinks(l, items.apply(l.component()), streetCode, year))).toList();
    }

    private static Map<String, String> agencyLinks(PublishedScoreLine line, String agencyId, String periodId) {
        Map<String, String> links = new LinkedHashMap<>();
        if (INDICATORS.contains(line.component())) {
            String base = "/api/v1/assessments/indicators/agencies/" + agencyId + "/" + line.component() + "/facts?period=" + periodId;
            links.put("numerator", base + "&part=NUMERATOR");
            links.put("denominator", base + "&part=DENOMINATOR");
        } else if (line.component().startsWith("RESIDENT_EVALUATION") || line.component().startsWith("SATISFACTION")) {
            links.put("satisfaction", "/api/v1/assessments/satisfaction/agencies/" + agencyId + "?period=" + periodId);
            links.put("feedback", "/api/v1/assessments/satisfaction/agencies/" + agencyId + "/feedback?period=" + periodId);
        }
        return links;
    }

    private static Map<String, String> streetLinks(PublishedScoreLine line, Optional<AssessmentItem> item, String streetCode, int year) {
        Map<String, String> links = new LinkedHashMap<>();
        String indicator = item.filter(i -> i.measure() == ItemMeasure.INDICATOR).map(i -> i.indicator().name())
                .orElse(INDICATORS.contains(line.component()) ? line.component() : null);
        if (indicator != null) {
            String base = "/api/v1/assessments/indicators/streets/" + streetCode + "/" + indicator + "/facts?period=" + year;
            links.put("numerator", base + "&part=NUMERATOR");
            links.put("denominator", base + "&part=DENOMINATOR");
        } else if (item.map(i -> i.measure() == ItemMeasure.SATISFACTION).orElse(false)) {
            if (item.get().source() == SatisfactionSource.SURVEY) {
                links.put("coverage", "/api/v1/assessments/surveys/" + streetCode + "/" + year + "/coverage");
                links.put("responses", "/api/v1/assessments/surveys/" + streetCode + "/responses?period=" + year);
            } else {
                links.put("feedback", "/api/v1/assessments/satisfaction/streets/" + streetCode + "/feedback?period=" + year);
            }
        }
        return links;
    }

    private static LinkedLine linked(PublishedScoreLine l, Map<String, String> links) {
        return new LinkedLine(l.component(), l.label(), l.value(), l.maxPoints(), l.points(), l.basis(), links);
    }

    /** One CSV field: quoted when it holds a comma, quote or line break; a leading = + - @ is defused (spreadsheet formulas). */
    static String csv(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !(value instanceof Number)) {
            s = "'" + s;
        }
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
                ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
