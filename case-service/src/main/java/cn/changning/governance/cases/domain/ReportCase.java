package cn.changning.governance.cases.domain;

import cn.changning.governance.contracts.cases.CaseLocation;
import cn.changning.governance.contracts.cases.ReportSource;
import cn.changning.governance.contracts.cases.Reporter;

import java.time.Instant;

/** Report a problem found at a place: step 1 of the closed loop. */
public record ReportCase(
        String caseId,
        String itemCode,
        CaseLocation location,
        String description,
        ReportSource source,
        Reporter reporter,
        Instant reportedAt) {
}
