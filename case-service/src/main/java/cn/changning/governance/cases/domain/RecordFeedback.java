package cn.changning.governance.cases.domain;

import cn.changning.governance.contracts.cases.Satisfaction;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/** Record the resident's feedback on a closed case (step 6). */
public record RecordFeedback(
        @TargetAggregateIdentifier String caseId,
        Satisfaction satisfaction,
        String comment,
        String recordedBy,
        Instant recordedAt,
        @TargetAggregateVersion Long expectedVersion) {
}
