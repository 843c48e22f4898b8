package cn.changning.governance.contracts.dispatch;

import cn.changning.governance.contracts.PublishedEvent;

import java.util.List;

/**
 * Why a dispatch order went where it went: the management item, its handling type and the
 * responsibility-list entry it was routed by. Stored together with {@link DispatchOrderIssued}.
 *
 * @param leadAgencyType       the type of the lead agency, e.g. CITY_MANAGEMENT_SQUAD or STREET_TEAM
 * @param assistingAgencyTypes the types of the assisting agencies, in the order of {@code assistingAgencyIds}
 * @param jointTask            whether assistants take part (persistent problems, or where the list says so)
 * @param followedUpBy         which centre follows the order up from the start (DISTRICT for handling type D)
 */
@PublishedEvent(context = "dispatch")
public record DispatchOrderRouted(
        String orderId,
        String caseId,
        int round,
        String itemCode,
        String itemClass,
        String handlingType,
        boolean persistentProblem,
        String gridCode,
        String streetCode,
        String leadAgencyType,
        List<String> assistingAgencyTypes,
        boolean jointTask,
        EscalationLevel followedUpBy) {
}
