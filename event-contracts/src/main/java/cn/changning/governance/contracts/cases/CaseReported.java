package cn.changning.governance.contracts.cases;

import cn.changning.governance.contracts.PublishedEvent;

import java.time.Instant;

/** A problem was reported at a place (step 1, discover). The case now awaits filing. */
@PublishedEvent(context = "case")
public record CaseReported(
        String caseId,
        String itemCode,
        CaseLocation location,
        String description,
        ReportSource source,
        Reporter reporter,
        Instant reportedAt) {
}
