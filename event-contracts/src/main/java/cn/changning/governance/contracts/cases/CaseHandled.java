package cn.changning.governance.contracts.cases;

import cn.changning.governance.contracts.PublishedEvent;

import java.time.Instant;

/** The lead agency reported the case handled (step 4); it now awaits verification on site. */
@PublishedEvent(context = "case")
public record CaseHandled(
        String caseId,
        String orderId,
        int round,
        String leadAgencyId,
        String result,
        boolean onTime,
        Instant handledAt) {
}
