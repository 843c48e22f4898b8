package cn.changning.governance.assessment.domain.indicator;

import java.time.Instant;
import java.util.Map;

/**
 * One fact counted in an indicator's denominator (and maybe its numerator): the case and order it is about, the
 * agency whose part it is (return rate; else the order's lead, null for case facts), the instants that placed it in
 * the period and decided it, and why it counts, in words.
 *
 * @param placedAt  the instant whose date put the fact in the period (the indicator's clock)
 * @param instants  the instants the reason speaks of, by name (deadline, issuedAt, handledAt, closedAt, ...)
 * @param inNumerator whether it is in the numerator too
 */
public record CountedFact(String caseId, String orderId, String agencyId, Instant placedAt, Map<String, Instant> instants,
                          boolean inNumerator, String reason) {
}
