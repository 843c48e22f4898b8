package cn.changning.governance.contracts.cases;

import cn.changning.governance.contracts.PublishedEvent;

import java.time.Instant;

/**
 * {@code CaseReported} version 1, as it was published until the reporter was sealed: kept so that consumers read
 * the v1 records that stay on the topic (kept for ever). Its reporter is in clear: a consumer drops it
 * ({@link #toV2()}), never copies it anywhere.
 */
@PublishedEvent(context = "case", name = "CaseReported", version = 1)
public record CaseReportedV1(
        String caseId,
        String itemCode,
        CaseLocation location,
        String description,
        ReportSource source,
        Reporter reporter,
        Instant reportedAt,
        String reportedBy) {

    /** The same report as v2 reads it: without its reporter (a clear value is not sealed after the fact). */
    public CaseReported toV2() {
        return new CaseReported(caseId, itemCode, location, description, source, null, reportedAt, reportedBy);
    }
}
