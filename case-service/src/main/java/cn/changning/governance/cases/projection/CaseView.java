package cn.changning.governance.cases.projection;

import cn.changning.governance.contracts.cases.CaseLocation;
import cn.changning.governance.contracts.cases.ReportSource;

import java.time.Instant;

/**
 * A case as partners read it. {@code version} is the sequence number of the last event
 * applied: the ETag, and what {@code If-Match} sends back.
 */
public record CaseView(
        String caseId,
        String step,
        String itemCode,
        CaseLocation location,
        String description,
        ReportSource source,
        Instant reportedAt,
        Instant updatedAt,
        long version) {
}
