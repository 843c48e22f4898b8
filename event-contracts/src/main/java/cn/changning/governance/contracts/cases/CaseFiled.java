package cn.changning.governance.contracts.cases;

import cn.changning.governance.contracts.PublishedEvent;

import java.time.Instant;

/**
 * The centre checked the report, classified it against the catalogue and filed it as a case
 * (step 2). The dispatch service reacts by issuing dispatch orders.
 *
 * @param handlingType        A–D: who leads (A street alone, B street leads, C department leads, D district coordinates)
 * @param persistentProblem   one of the persistent problems that need joint enforcement
 * @param streetCode          the 9-digit code of the street or town the grid belongs to
 * @param deadline            when handling is due, from the item's time limit on the working calendar
 * @param residentialAreaCode the 12-digit residential area the problem is in, when the centre named one (optional)
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
        Instant filedAt,
        String residentialAreaCode) {

    /** Without a residential area; kept so code written against the first ten fields still compiles. */
    public CaseFiled(String caseId, String itemCode, String itemClass, String handlingType, boolean persistentProblem,
                     String gridCode, String streetCode, Instant deadline, String filedBy, Instant filedAt) {
        this(caseId, itemCode, itemClass, handlingType, persistentProblem, gridCode, streetCode, deadline, filedBy,
                filedAt, null);
    }
}
