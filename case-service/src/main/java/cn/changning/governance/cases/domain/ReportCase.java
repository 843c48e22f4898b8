package cn.changning.governance.cases.domain;

import cn.changning.governance.contracts.cases.CaseLocation;
import cn.changning.governance.contracts.cases.ReportSource;
import cn.changning.governance.contracts.cases.SealedReporter;

import java.time.Instant;

/**
 * Report a problem found at a place: step 1 of the closed loop.
 *
 * @param reporter   sealed by the API before the command ({@link ReporterData}): the command, the event store and
 *                   the topic never hold the reporter in clear
 * @param reportedBy the reporting client, from its token
 */
public record ReportCase(
        String caseId,
        String itemCode,
        CaseLocation location,
        String description,
        ReportSource source,
        SealedReporter reporter,
        Instant reportedAt,
        String reportedBy) {

    public ReportCase(String caseId, String itemCode, CaseLocation location, String description, ReportSource source,
                      SealedReporter reporter, Instant reportedAt) {
        this(caseId, itemCode, location, description, source, reporter, reportedAt, null);
    }
}
