package cn.changning.governance.cases.projection;

import cn.changning.governance.contracts.cases.CaseLocation;
import cn.changning.governance.contracts.cases.ReportSource;

import java.time.Instant;
import java.util.List;

/**
 * A case as partners read it. {@code version} is the sequence number of the last event
 * applied: the ETag, and what {@code If-Match} sends back. {@code overdue} is worked out when
 * read: open, past its deadline and not on hold.
 */
public record CaseView(
        String caseId,
        String step,
        boolean open,
        boolean suspended,
        boolean overdue,
        String itemCode,
        String itemName,
        String itemClass,
        String category,
        String handlingType,
        Boolean persistentProblem,
        CaseLocation location,
        String gridCode,
        String streetCode,
        String residentialAreaCode,
        String description,
        ReportSource source,
        Instant reportedAt,
        String reportedBy,
        Instant filedAt,
        Instant deadline,
        int reworkCount,
        Dispatch dispatch,
        Handling handling,
        Verification verification,
        String resolution,
        Instant closedAt,
        Boolean closedOnTime,
        Feedback feedback,
        Rejection rejection,
        List<String> duplicates,
        Suspension suspension,
        Instant updatedAt,
        long version) {

    public record Dispatch(String orderId, int round, String leadAgencyId, List<String> assistingAgencyIds,
                           Instant dispatchedAt) {
    }

    public record Handling(String result, boolean onTime, Instant handledAt) {
    }

    public record Verification(boolean fixed, String note, String verifiedBy, Instant verifiedAt) {
    }

    public record Feedback(String satisfaction, String comment, Instant recordedAt) {
    }

    public record Rejection(String reason, String duplicateOf, String note) {
    }

    public record Suspension(String reason, String approvedBy, Instant since) {
    }

    /** One event in a case's life: what happened, who did it, when. */
    public record TimelineEntry(long sequence, String event, Instant at, String by, java.util.Map<String, Object> details) {
    }

    public record Timeline(String caseId, long version, List<TimelineEntry> entries) {
    }
}
