package cn.changning.governance.cases.api.open311;

import cn.changning.governance.cases.domain.CaseStep;
import cn.changning.governance.cases.projection.CaseView;
import cn.changning.governance.contracts.cases.CaseResolution;
import cn.changning.governance.contracts.cases.RejectionReason;
import cn.changning.governance.reference.agencies.Agency;
import cn.changning.governance.reference.agencies.AgencyDirectory;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A case as a GeoReport v2 service request: the spec's fields in its order, datetimes in the district's zone with
 * their offset ({@code 2026-11-30T09:15:00+08:00}), absent values as empty.
 */
public final class Open311Requests {

    /** What a partner is told when its request is created. */
    static final String SERVICE_NOTICE = "Received. Street grid-management centre staff check and file each report, "
            + "usually within a working day; follow it with servicerequestupdates.";

    private final AgencyDirectory agencies;
    private final DateTimeFormatter datetimes;

    public Open311Requests(AgencyDirectory agencies, ZoneId zone) {
        this.agencies = agencies;
        this.datetimes = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(zone);
    }

    public Map<String, Object> request(CaseView c) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("service_request_id", c.caseId());
        r.put("status", status(c.open()));
        r.put("status_notes", statusNotes(c));
        r.put("service_name", c.itemName() == null ? "" : c.itemName());
        r.put("service_code", c.itemCode());
        r.put("description", c.description());
        r.put("agency_responsible", c.dispatch() == null ? "" : agencyName(c.dispatch().leadAgencyId()));
        r.put("service_notice", "");
        r.put("requested_datetime", datetime(c.reportedAt()));
        r.put("updated_datetime", datetime(c.updatedAt() != null ? c.updatedAt() : c.reportedAt()));
        r.put("expected_datetime", datetime(c.deadline()));
        r.put("address", c.location() == null || c.location().address() == null ? "" : c.location().address());
        r.put("address_id", "");
        r.put("zipcode", "");
        r.put("lat", c.location() == null ? null : c.location().latitude());
        r.put("long", c.location() == null ? null : c.location().longitude());
        r.put("media_url", "");
        return r;
    }

    static String status(boolean open) {
        return open ? "open" : "closed";
    }

    /** Why a closed request is closed; empty while it is open. */
    static String statusNotes(CaseView c) {
        if (c.open()) {
            return "";
        }
        if (CaseStep.REJECTED.name().equals(c.step()) && c.rejection() != null) {
            return rejectionNotes(c.rejection().reason(), c.rejection().duplicateOf(), c.rejection().note());
        }
        if (c.resolution() != null) {
            return resolutionNotes(c.resolution());
        }
        return "closed";
    }

    static String rejectionNotes(String reason, String duplicateOf, String note) {
        if (RejectionReason.DUPLICATE.name().equals(reason) && duplicateOf != null) {
            return "duplicate of " + duplicateOf;
        }
        String why = reason == null ? "rejected" : "rejected: " + reason.toLowerCase(Locale.ROOT).replace('_', ' ');
        return note == null || note.isBlank() ? why : why + " (" + note + ")";
    }

    static String resolutionNotes(String resolution) {
        return CaseResolution.FIXED.name().equals(resolution) ? "fixed" : "closed, not fixed";
    }

    String agencyName(String agencyId) {
        return Optional.ofNullable(agencyId).flatMap(agencies::find).map(Agency::name).orElse(agencyId == null ? "" : agencyId);
    }

    /** ISO 8601 with the zone's offset, to the second as the spec's examples; empty for none. */
    String datetime(Instant instant) {
        return instant == null ? "" : datetimes.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
