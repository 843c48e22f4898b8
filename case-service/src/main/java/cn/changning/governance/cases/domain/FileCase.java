package cn.changning.governance.cases.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/** Classify a report against the catalogue, assign its grid from the location and file it (step 2).
 * {@code itemCode} null keeps the reported item. In every command, {@code expectedVersion} is the If-Match
 * version (null: no check).
 */
public record FileCase(
        @TargetAggregateIdentifier String caseId,
        String itemCode,
        String residentialAreaCode,
        String filedBy,
        Instant filedAt,
        @TargetAggregateVersion Long expectedVersion) {
}
