package cn.changning.governance.contracts.cases;

import cn.changning.governance.contracts.PublishedEvent;

import java.time.Instant;

/**
 * A problem was reported at a place (step 1, discover). The case now awaits filing.
 *
 * <p>Version 2: the reporter's name and contact are sealed ({@link SealedReporter}), never in clear. Version 1
 * ({@link CaseReportedV1}) carried them in clear; its records stay on the topic. Stored v1 events are read as v2 with
 * no reporter (the case service's upcaster: a clear value cannot be sealed after the fact without keeping it).</p>
 *
 * @param reporter   who reported it, sealed under the subject {@code case-reporter:<caseId>}; null when no reporter was
 *                   given, or for a case reported under v1
 * @param reportedBy the client that reported it (its token's client id, e.g. {@code partner-hotline-12345}); null in
 *                   events recorded before callers were authenticated
 */
@PublishedEvent(context = "case", version = 2)
public record CaseReported(
        String caseId,
        String itemCode,
        CaseLocation location,
        String description,
        ReportSource source,
        SealedReporter reporter,
        Instant reportedAt,
        String reportedBy) {

    /** A report of no known client (as recorded before callers were authenticated). */
    public CaseReported(String caseId, String itemCode, CaseLocation location, String description, ReportSource source,
                        SealedReporter reporter, Instant reportedAt) {
        this(caseId, itemCode, location, description, source, reporter, reportedAt, null);
    }
}
