package cn.changning.governance.contracts.cases;

import cn.changning.governance.contracts.PublishedEvent;

import java.time.Instant;

/**
 * The reporter's personal data was erased on request: the key of {@code subject} is destroyed, so the reporter's sealed
 * values, wherever they are (the event store, the topic, backups, read models), open no more. A consumer that kept
 * them drops them. The case itself, its step and its counts are unchanged.
 *
 * @param subject  the erased data subject, {@code case-reporter:<caseId>}
 * @param erasedBy the client that asked for it
 */
@PublishedEvent(context = "case")
public record CaseReporterErased(String caseId, String subject, Instant erasedAt, String erasedBy) {
}
