package cn.changning.governance.cases.api.open311;

import cn.changning.governance.cases.projection.CaseView;
import cn.changning.governance.contracts.cases.CaseLocation;
import cn.changning.governance.contracts.cases.ReportSource;
import cn.changning.governance.reference.agencies.Agency;
import cn.changning.governance.reference.agencies.AgencyDirectory;
import cn.changning.governance.reference.geography.Geography;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A case as a request and its timeline as updates: status, notes, sentences and datetimes. */
class Open311MappingTest {

    private static final AgencyDirectory AGENCIES = AgencyDirectory.load(Geography.load());
    private static final Agency AGENCY = AGENCIES.list(null, null).get(0);
    private final Open311Requests requests = new Open311Requests(AGENCIES, ZoneId.of("Asia/Shanghai"));
    private final Open311Updates updates = new Open311Updates(requests);

    private static final Instant REPORTED = Instant.parse("2026-11-30T01:15:30.250Z");

    static CaseView view(String step, boolean open, String resolution, CaseView.Rejection rejection, CaseView.Dispatch dispatch) {
        return new CaseView("c-1", step, open, false, false, "0101", "Water-supply manhole cover", "COMPONENT",
                "PUBLIC_UTILITIES", "C", false, new CaseLocation(31.2, 121.4, null, "Huayang Rd 1"), null, null, null,
                "Cover missing", ReportSource.PARTNER_SYSTEM, REPORTED, "partner-hotline-12345", null,
                Instant.parse("2026-11-30T05:00:00Z"), 0, dispatch, null, null, resolution, null, null, null, rejection,
                List.of(), null, REPORTED.plusSeconds(60), 3);
    }

    @Test
    void anOpenCaseIsOpenWithoutNotesAndItsDatetimesAreTheDistrictsWithOffset() {
        Map<String, Object> r = requests.request(view("DISPATCHED", true, null, null,
                new CaseView.Dispatch("o-1", 0, AGENCY.id(), List.of(), REPORTED)));

        assertThat(r).containsEntry("status", "open").containsEntry("status_notes", "")
                .containsEntry("agency_responsible", AGENCY.name())
                .containsEntry("requested_datetime", "2026-11-30T09:15:30+08:00")
                .containsEntry("updated_datetime", "2026-11-30T09:16:30+08:00")
                .containsEntry("expected_datetime", "2026-11-30T13:00:00+08:00")
                .containsEntry("address", "Huayang Rd 1").containsEntry("lat", 31.2).containsEntry("long", 121.4);
        assertThat(r.keySet()).containsExactly("service_request_id", "status", "status_notes", "service_name",
                "service_code", "description", "agency_responsible", "service_notice", "requested_datetime",
                "updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url");
    }

    @Test
    void aClosedCaseSaysWhy() {
        assertThat(requests.request(view("CLOSED", false, "FIXED", null, null))).containsEntry("status", "closed")
                .containsEntry("status_notes", "fixed");
        assertThat(requests.request(view("ASSESSED", false, "CLOSED_NOT_FIXED", null, null)))
                .containsEntry("status_notes", "closed, not fixed");
        assertThat(requests.request(view("REJECTED", false, null, new CaseView.Rejection("OUT_OF_SCOPE", null, "not ours"), null)))
                .containsEntry("status_notes", "rejected: out of scope (not ours)");
        assertThat(requests.request(view("REJECTED", false, null, new CaseView.Rejection("DUPLICATE", "c-0", null), null)))
                .containsEntry("status_notes", "duplicate of c-0");
        assertThat(requests.request(view("FILED", true, null, null, null))).containsEntry("agency_responsible", "");
    }

    private static CaseView.TimelineEntry entry(long sequence, String event, Map<String, Object> details) {
        return new CaseView.TimelineEntry(sequence, event, REPORTED.plusSeconds(sequence * 60), "someone", details);
    }

    @Test
    void eachEventIsAnUpdateWithTheStatusAfterItAndASentence() {
        CaseView.Timeline timeline = new CaseView.Timeline("c-1", 6, List.of(
                entry(0, "CaseReported", Map.of()),
                entry(1, "CaseFiled", Map.of("deadline", Instant.parse("2026-11-30T05:00:00Z"))),
                entry(2, "CaseDispatched", Map.of("leadAgencyId", AGENCY.id())),
                entry(3, "CaseHandled", Map.of()),
                entry(4, "CaseVerified", Map.of("fixed", false)),
                entry(5, "CaseClosed", Map.of("resolution", "CLOSED_NOT_FIXED")),
                entry(6, "CaseReopened", Map.of())));

        List<Map<String, Object>> all = updates.updates(timeline, REPORTED, REPORTED.plusSeconds(3600));

        assertThat(all).extracting(u -> u.get("update_id")).containsExactly("c-1:0", "c-1:1", "c-1:2", "c-1:3", "c-1:4", "c-1:5", "c-1:6");
        assertThat(all).extracting(u -> u.get("status")).containsExactly("open", "open", "open", "open", "open", "closed", "open");
        assertThat(all).extracting(u -> u.get("description")).containsExactly("Report received.",
                "Filed; expected to be dealt with by 2026-11-30T13:00:00+08:00.", "Dispatched to " + AGENCY.name() + ".",
                "The responsible agency reported it handled; an on-site check follows.", "Checked on site: not fixed.",
                "Closed, not fixed.", "Reopened; back to dispatch.");
        assertThat(all.get(2)).containsEntry("service_request_id", "c-1").containsEntry("updated_datetime", "2026-11-30T09:17:30+08:00");
    }

    @Test
    void onlyTheWindowsUpdatesAreGivenButTheStatusFollowsTheWholeTimeline() {
        CaseView.Timeline timeline = new CaseView.Timeline("c-1", 2, List.of(
                entry(0, "CaseReported", Map.of()),
                entry(1, "CaseRejected", Map.of("reason", "DUPLICATE", "duplicateOf", "c-0")),
                entry(2, "CaseReporterErased", Map.of())));

        List<Map<String, Object>> late = updates.updates(timeline, REPORTED.plusSeconds(60), REPORTED.plusSeconds(120));

        assertThat(late).singleElement().satisfies(u -> assertThat(u).containsEntry("update_id", "c-1:1")
                .containsEntry("status", "closed").containsEntry("description", "Duplicate of c-0."));
    }
}
