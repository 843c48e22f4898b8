package cn.changning.governance.assessment.domain.scoring;

/**
 * One line of a score: what was measured, its raw value, what it could earn and what it earned. The lines of a
 * {@link ScoreCard} add up to its total, so a score explains itself.
 *
 * @param component  what the line is about: an indicator's name (HANDLING_RATE), {@code RESIDENT_EVALUATION} or
 *                   {@code SATISFACTION}, or an assessment item's code
 * @param label      for people
 * @param value      the raw value the points come from (a rate 0–1, a satisfaction 0–100, recorded points), or null
 *                   when nothing was measured
 * @param maxPoints  what the line can earn under the scheme
 * @param points     what it earned
 * @param basis      how the points follow from the value, in words (e.g. "0.93 of target 0.95 → 97.9% of 12 points")
 */
public record ScoreLine(String component, String label, Double value, double maxPoints, double points, String basis) {
}
