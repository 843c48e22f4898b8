package cn.changning.governance.cases.api.open311;

import cn.changning.governance.cases.projection.CaseDocument.Details;
import cn.changning.governance.cases.projection.CaseView;
import cn.changning.governance.contracts.cases.CaseResolution;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A case's timeline as the {@code servicerequestupdates} extension (FixMyStreet's): one update per event, its id
 * {@code <caseId>:<sequence>}, the request's status after that event and a plain sentence of what happened.
 */
public final class Open311Updates {

    private final Open311Requests requests;

    public Open311Updates(Open311Requests requests) {
        this.requests = requests;
    }

    /** The updates of one case whose event time lies in [from, to). */
    public List<Map<String, Object>> updates(CaseView.Timeline timeline, Instant from, Instant to) {
        List<Map<String, Object>> updates = new ArrayList<>();
        boolean open = true;
        for (CaseView.TimelineEntry e : timeline.entries()) {
            open = openAfter(e.event(), open);
            if (e.at() != null && !e.at().isBefore(from) && e.at().isBefore(to)) {
                Map<String, Object> u = new LinkedHashMap<>();
                u.put("update_id", timeline.caseId() + ":" + e.sequence());
                u.put("service_request_id", timeline.caseId());
                u.put("status", Open311Requests.status(open));
                u.put("updated_datetime", requests.datetime(e.at()));
                u.put("description", describe(e));
                u.put("media_url", "");
                updates.add(u);
            }
        }
        return updates;
    }

    /** Whether the request is open after the event, given whether it was before. */
    static boolean openAfter(String event, boolean openBefore) {
        return switch (event) {
            case "CaseRejected", "CaseClosed", "CaseFeedbackRecorded" -> false;
            // A refused duplicate mark puts the case back to its open step; a reopened case goes back to dispatch.
            case "CaseReopened", "CaseDuplicateLinkRefused" -> true;
            default -> openBefore;
        };
    }

    /** One sentence a resident can read; no staff identities. */
    String describe(CaseView.TimelineEntry e) {
        Map<String, Object> d = e.details() == null ? Map.of() : e.details();
        return switch (e.event()) {
            case "CaseReported" -> "Report received.";
            case "CaseFiled" -> d.get(Details.DEADLINE) instanceof Instant due
                    ? "Filed; expected to be dealt with by " + requests.datetime(due) + "."
                    : "Filed.";
            case "CaseRejected" -> capitalised(Open311Requests.rejectionNotes(text(d, Details.REASON),
                    text(d, Details.DUPLICATE_OF), text(d, Details.NOTE))) + ".";
            case "CaseDuplicateLinked" -> "Report " + text(d, Details.DUPLICATE_CASE_ID) + " was found to be the same problem.";
            case "CaseDispatched" -> "Dispatched to " + requests.agencyName(text(d, Details.LEAD_AGENCY_ID)) + ".";
            case "CaseHandled" -> "The responsible agency reported it handled; an on-site check follows.";
            case "CaseVerified" -> Boolean.TRUE.equals(d.get(Details.FIXED))
                    ? "Checked on site: fixed." : "Checked on site: not fixed.";
            case "CaseSentBackForRework" -> "Sent back to the agency for rework.";
            case "CaseClosed" -> CaseResolution.FIXED.name().equals(text(d, Details.RESOLUTION))
                    ? "Closed: fixed." : "Closed, not fixed.";
            case "CaseFeedbackRecorded" -> "The reporter's feedback was recorded.";
            case "CaseReopened" -> "Reopened; back to dispatch.";
            case "CaseSuspended" -> "Put on hold.";
            case "CaseResumed" -> "Taken off hold.";
            case "CaseRoundDeadlineSet" -> d.get(Details.DEADLINE) instanceof Instant due
                    ? "Now expected to be dealt with by " + requests.datetime(due) + "." : "Deadline changed.";
            case "CaseDuplicateLinkRefused" -> "Not a duplicate after all; back in the loop.";
            case "CaseReporterErased" -> "The reporter's personal data was erased.";
            default -> "Updated.";
        };
    }

    private static String text(Map<String, Object> details, String key) {
        Object value = details.get(key);
        return value == null ? null : value.toString();
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
