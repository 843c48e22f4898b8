package cn.changning.governance.dispatch.api;

import cn.changning.governance.common.web.UntrustedText;
import cn.changning.governance.common.security.Actor;
import cn.changning.governance.common.security.RequiresScope;
import cn.changning.governance.contracts.identity.Scopes;
import cn.changning.governance.common.domain.DomainRuleViolation;
import cn.changning.governance.common.web.NotFoundException;
import cn.changning.governance.common.web.Page;
import cn.changning.governance.common.web.PageQuery;
import cn.changning.governance.dispatch.projection.DispatchQueries;
import cn.changning.governance.dispatch.projection.DispatchViews.QueueItem;
import cn.changning.governance.dispatch.projection.QueueBucket;
import cn.changning.governance.dispatch.projection.DispatchViews.AgencyStats;
import cn.changning.governance.dispatch.projection.DispatchViews.StreetBoard;
import cn.changning.governance.reference.agencies.Agency;
import cn.changning.governance.reference.agencies.AgencyDirectory;
import cn.changning.governance.reference.agencies.AgencyType;
import cn.changning.governance.reference.responsibility.ResponsibilityList;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@Tag(name = "Agencies and responsibility list", description = "Stationed agencies, the responsibility list, agency queues and statistics, street boards")
public class ReferenceController {

    private final AgencyDirectory agencies;
    private final ResponsibilityList responsibilityList;
    private final DispatchQueries queries;
    private final CallerAccess access;

    public ReferenceController(AgencyDirectory agencies, ResponsibilityList responsibilityList, DispatchQueries queries) {
        this.agencies = agencies;
        this.responsibilityList = responsibilityList;
        this.queries = queries;
        this.access = new CallerAccess(agencies);
    }

    static final String SEES_AGENCY_DOC = "An agency sees its own only; a street centre those of its street's agencies and "
            + "team, and of a district unit serving its street counting its street's orders only; the district centre and "
            + "departments any. Another answers 404, as an unknown agency.";

    public record AgencyList(String version, List<Agency> agencies) {
    }

    public record ResponsibilityListView(String version, List<ResponsibilityList.Entry> entries) {
    }

    @GetMapping("/api/v1/agencies")
    @RequiresScope(Scopes.REFERENCE_READ)
    @Operation(summary = "Stationed agencies and street teams, optionally of one street and/or one type")
    public AgencyList agencies(@Parameter(description = "9-digit street or town code") @RequestParam(required = false) String streetCode,
                               @RequestParam(required = false) AgencyType type) {
        requireKnownStreet(streetCode);
        return new AgencyList(agencies.version(), agencies.list(streetCode, type));
    }

    @GetMapping("/api/v1/agencies/{agencyId}")
    @RequiresScope(Scopes.REFERENCE_READ)
    @Operation(summary = "One agency, with its parent department and street")
    public Agency agency(@PathVariable String agencyId) {
        return agencies.find(agencyId).orElseThrow(() -> new NotFoundException("agency", agencyId));
    }

    @GetMapping("/api/v1/agencies/{agencyId}/queue")
    @RequiresScope(Scopes.DISPATCH_READ)
    @Operation(summary = "The agency's work queue, earliest deadline first, paged",
            description = "The open orders the agency has a part in. Each item names its bucket: AWAITING_ACCEPTANCE (its part "
                    + "not yet accepted), IN_PROGRESS, DUE_SOON (80% of the time passed), OVERDUE, AWAITING_ARBITRATION (it "
                    + "returned its part; the street decides). Give bucket to page through one bucket; total is then that "
                    + "bucket's size. " + SEES_AGENCY_DOC)
    public Page<QueueItem> queue(Actor actor, @PathVariable String agencyId,
                                 @Parameter(description = "Only this bucket; all five when absent")
                                 @RequestParam(required = false) QueueBucket bucket,
                                 PageQuery page) {
        access.requireAgency(actor, agencyId);
        return queries.queue(agencyId, bucket, CallerAccess.visibility(actor), page);
    }

    @GetMapping("/api/v1/agencies/{agencyId}/stats")
    @RequiresScope(Scopes.DISPATCH_READ)
    @Operation(summary = "The agency's figures: dispatched, accepted, returned, handled on time and late, reworked, extensions",
            description = "Sums over every order the agency had a part in; the assessment service can check its own figures against them. "
                    + SEES_AGENCY_DOC)
    public AgencyStats stats(Actor actor, @PathVariable String agencyId) {
        access.requireAgency(actor, agencyId);
        return queries.stats(agencyId, CallerAccess.visibility(actor));
    }

    @GetMapping("/api/v1/dispatch/streets/{streetCode}/board")
    @RequiresScope(Scopes.DISPATCH_READ)
    @Operation(summary = "The street's dispatch board: orders by state, due soon, overdue, escalated, awaiting its arbitration or extension decision",
            description = "Counts only, pre-aggregated by the projection (no order is read). lists gives the paged "
                    + "/api/v1/dispatch-orders query behind each count. A street centre or an agency sees its own street's "
                    + "board only: another street answers 404, as an unknown one.")
    public StreetBoard board(Actor actor, @PathVariable String streetCode) {
        access.requireStreet(actor, streetCode);
        return queries.board(streetCode);
    }

    @GetMapping("/api/v1/responsibility-list")
    @RequiresScope(Scopes.REFERENCE_READ)
    @Operation(summary = "The responsibility list, optionally for one item, as it applies in a street (and grid)",
            description = "Per item: the department agency type that leads under handling types C and D, and the agency types "
                    + "that assist in a joint task. Handling types A and B are led by the street's own team.")
    public ResponsibilityListView responsibilityList(@RequestParam(required = false) String itemCode,
                                                     @RequestParam(required = false) String streetCode,
                                                     @RequestParam(required = false) String gridCode) {
        requireKnownStreet(streetCode);
        if (gridCode != null && streetCode == null) {
            throw DomainRuleViolation.invalid("street-missing", "streetCode", "A grid code needs its street code");
        }
        if (gridCode != null && !gridCode.startsWith(streetCode)) {
            throw DomainRuleViolation.invalid("grid-not-in-street", "gridCode", "Grid " + UntrustedText.excerpt(gridCode) + " is not in street " + UntrustedText.excerpt(streetCode));
        }
        List<ResponsibilityList.Entry> entries;
        if (itemCode != null) {
            entries = List.of(responsibilityList.find(itemCode).orElseThrow(() ->
                    DomainRuleViolation.invalid("unknown-item", "itemCode", "No management item " + UntrustedText.excerpt(itemCode) + " on the list")));
        } else {
            entries = responsibilityList.entries();
        }
        if (streetCode != null) {
            entries = entries.stream().map(e -> e.narrowedTo(streetCode, gridCode)).toList();
        }
        return new ResponsibilityListView(responsibilityList.version(), entries);
    }

    private void requireKnownStreet(String streetCode) {
        if (streetCode != null && !agencies.knowsStreet(streetCode)) {
            throw DomainRuleViolation.invalid("unknown-street", "streetCode", "No street or town " + UntrustedText.excerpt(streetCode));
        }
    }
}
