package cn.changning.governance.contracts.cases;

import cn.changning.governance.contracts.PublishedEvent;

import java.time.Instant;

/**
 * The centre checked the report, classified it against the catalogue and filed it as a case
 * (step 2). The dispatch service reacts by issuing dispatch orders.
 *
 * @param handlingType      A–D: who leads (A street alone, B street leads, C department leads, D district coordinates)
 * @param persistentProblem one of the persistent problems that need joint enforcement
 * @param streetCode        the 9-digit code of the street or town the grid belongs to
 * @param deadline          when handling is due, from the item's time limit on the working calendar
 */
@PublishedEvent(context = "case")
public record CaseFiled(
        String caseId,
        String itemCode,
        String itemClass,
        String handlingType,
        boolean persistentProblem,
        String gridCode,
        String streetCode,
        Instant deadline,
        String filedBy,
        Instant filedAt) {
}
