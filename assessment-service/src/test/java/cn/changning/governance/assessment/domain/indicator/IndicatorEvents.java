package cn.changning.governance.assessment.domain.indicator;

import cn.changning.governance.contracts.cases.CaseClosed;
import cn.changning.governance.contracts.cases.CaseDispatched;
import cn.changning.governance.contracts.cases.CaseFiled;
import cn.changning.governance.contracts.cases.CaseLocation;
import cn.changning.governance.contracts.cases.CaseReopened;
import cn.changning.governance.contracts.cases.CaseReported;
import cn.changning.governance.contracts.cases.CaseResolution;
import cn.changning.governance.contracts.cases.CaseSentBackForRework;
import cn.changning.governance.contracts.cases.ReportSource;
import cn.changning.governance.contracts.dispatch.AgencyRole;
import cn.changning.governance.contracts.dispatch.DispatchOrderClockPaused;
import cn.changning.governance.contracts.dispatch.DispatchOrderClockResumed;
import cn.changning.governance.contracts.dispatch.DispatchOrderExtensionApproved;
import cn.changning.governance.contracts.dispatch.DispatchOrderHandled;
import cn.changning.governance.contracts.dispatch.DispatchOrderIssued;
import cn.changning.governance.contracts.dispatch.DispatchOrderOverdue;
import cn.changning.governance.contracts.dispatch.DispatchOrderReassigned;
import cn.changning.governance.contracts.dispatch.DispatchOrderReturned;
import cn.changning.governance.contracts.dispatch.DispatchOrderSentBackForRework;
import cn.changning.governance.contracts.dispatch.DispatchOrderWithdrawn;
import cn.changning.governance.contracts.dispatch.ReturnReason;
import cn.changning.governance.contracts.dispatch.WithdrawalReason;

import java.time.Instant;
import java.util.List;

/** Contract events for indicator tests, with only the fields the indicators read chosen by the test. */
public final class IndicatorEvents {

    private IndicatorEvents() {
    }

    /** {@code "07-01T01:00"} as 2026-07-01T01:00:00Z (UTC: Shanghai is 8 hours ahead). */
    public static Instant t(String monthDayTime) {
        return Instant.parse("2026-" + monthDayTime + ":00Z");
    }

    public static String order(String caseId, int round) {
        return caseId + "-r" + round;
    }

    public static CaseReported reported(String caseId, String item, double lat, double lon, Instant at) {
        return new CaseReported(caseId, item, new CaseLocation(lat, lon, null, "somewhere"), "a problem",
                ReportSource.GRID_SUPERVISOR_PATROL, null, at);
    }

    public static CaseFiled filed(String caseId, String item, String street, String area, Instant at) {
        return new CaseFiled(caseId, item, "COMPONENT", "C", false, street + "000001", street, at.plusSeconds(86_400),
                "operator-1", at, area);
    }

    public static CaseDispatched dispatched(String caseId, int round, String lead, Instant at) {
        return new CaseDispatched(caseId, order(caseId, round), round, lead, List.of(), at);
    }

    public static CaseSentBackForRework caseSentBack(String caseId, int reworkRound, Instant at) {
        return new CaseSentBackForRework(caseId, reworkRound, "not fixed", "supervisor-1", at);
    }

    public static CaseReopened reopened(String caseId, int reworkRound, Instant at) {
        return new CaseReopened(caseId, reworkRound, "came back", "centre-1", at);
    }

    public static CaseClosed closed(String caseId, int reworkCount, boolean onTime, Instant at) {
        return new CaseClosed(caseId, CaseResolution.FIXED, "done", reworkCount, onTime, "centre-1", at);
    }

    public static DispatchOrderIssued issued(String caseId, int round, String street, String lead, List<String> assisting,
                                             Instant deadline, Instant at) {
        return new DispatchOrderIssued(order(caseId, round), caseId, round, lead, assisting, street, deadline, at);
    }

    public static DispatchOrderHandled handled(String caseId, int round, String lead, boolean onTime, Instant at) {
        return new DispatchOrderHandled(order(caseId, round), caseId, round, lead, "fixed", "note", List.of(), onTime, at);
    }

    public static DispatchOrderSentBackForRework orderSentBack(String caseId, int round, String lead, Instant at) {
        return new DispatchOrderSentBackForRework(order(caseId, round), caseId, round, round + 1, lead, "not fixed", at);
    }

    public static DispatchOrderReturned returned(String caseId, int round, String agency, AgencyRole role, Instant at) {
        return new DispatchOrderReturned(order(caseId, round), caseId, agency, role, ReturnReason.WRONG_AGENCY, "not ours", 1, at);
    }

    public static DispatchOrderReassigned reassigned(String caseId, int round, String from, String to, AgencyRole role, Instant at) {
        return new DispatchOrderReassigned(order(caseId, round), caseId, from, to, role, "centre-1", "theirs", at);
    }

    public static DispatchOrderExtensionApproved extended(String caseId, int round, Instant previous, Instant deadline, Instant at) {
        return new DispatchOrderExtensionApproved(order(caseId, round), caseId, "centre-1", previous, deadline,
                deadline.minusSeconds(3_600), at);
    }

    public static DispatchOrderClockPaused paused(String caseId, int round, Instant at) {
        return new DispatchOrderClockPaused(order(caseId, round), caseId, at);
    }

    public static DispatchOrderClockResumed resumed(String caseId, int round, Instant deadline, Instant at) {
        return new DispatchOrderClockResumed(order(caseId, round), caseId, at, deadline.minusSeconds(3_600), deadline);
    }

    public static DispatchOrderOverdue overdue(String caseId, int round, String lead, Instant deadline) {
        return new DispatchOrderOverdue(order(caseId, round), caseId, lead, deadline, deadline);
    }

    public static DispatchOrderWithdrawn withdrawn(String caseId, int round, Instant at) {
        return new DispatchOrderWithdrawn(order(caseId, round), caseId, WithdrawalReason.CASE_REJECTED, at);
    }
}
