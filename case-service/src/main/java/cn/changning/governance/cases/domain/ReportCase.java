package cn.changning.governance.cases.domain;

import cn.changning.governance.contracts.cases.CaseLocation;
import cn.changning.governance.contracts.cases.ReportSource;
import cn.changning.governance.contracts.cases.Reporter;

import java.time.Instant;

/**
 * Report a problem found at a place: step 1 of the closed loop.
 *
 * @param reportedBy the reporting client, from its token
 */
public record ReportCase(
        String caseId,
        String itemCode,
        CaseLocation location,
        String description,
        ReportSource source,
        Reporter reporter,
        Instant reportedAt,
        String reportedBy) {

    public ReportCase(String caseId, String itemCode, CaseLocation location, String description, ReportSource source,
                      Reporter reporter, Instant reportedAt) {
        this(caseId, itemCode, location, description, source, reporter, reportedAt, null);
    }
}
