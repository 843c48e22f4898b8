package cn.changning.governance.dispatch.domain;

/**
 * Order ids derive from the case and the dispatch round, so a redelivered CaseFiled or rework event
 * addresses the same order and cannot issue a second one.
 */
public final class DispatchOrderIds {

    private DispatchOrderIds() {
    }

    public static String of(String caseId, int round) {
        return caseId + "-r" + round;
    }
}
