package cn.changning.governance.cases.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Record that the reporter's personal data was erased: sent once its key is destroyed (ReporterData's subject).
 *
 * @param erasedBy the client that asked for it, from its token
 */
public record RecordCaseReporterErasure(@TargetAggregateIdentifier String caseId, Instant erasedAt, String erasedBy) {
}
