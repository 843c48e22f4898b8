package cn.changning.governance.contracts.cases;

import cn.changning.governance.contracts.PublishedEvent;

import java.time.Instant;

/**
 * A problem was reported at a place (step 1, discover). The case now awaits filing.
 *
 * @param reportedBy the client that reported it (its token's client id, e.g. {@code partner-hotline-12345}); null in
 *                   events recorded before callers were authenticated. Added to v1 as an optional field.
 */
@PublishedEvent(context = "case")
public record CaseReported(
        String caseId,
        String itemCode,
        CaseLocation location,
        String description,
        ReportSource source,
        Reporter reporter,
        Instant reportedAt,
        String reportedBy) {

    /** A report of no known client (as recorded before callers were authenticated). */
    public CaseReported(String caseId, String itemCode, CaseLocation location, String description, ReportSource source,
                        Reporter reporter, Instant reportedAt) {
        this(caseId, itemCode, location, description, source, reporter, reportedAt, null);
    }
}
