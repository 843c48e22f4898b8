package cn.changning.governance.contracts.cases;

import cn.changning.governance.contracts.PublishedEvent;

import java.time.Instant;

/** The resident's feedback on the closed case was recorded (step 6, assess). */
@PublishedEvent(context = "case")
public record CaseFeedbackRecorded(
        String caseId,
        Satisfaction satisfaction,
        String comment,
        String recordedBy,
        Instant recordedAt) {
}
