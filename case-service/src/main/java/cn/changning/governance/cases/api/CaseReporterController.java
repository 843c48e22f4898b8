package cn.changning.governance.cases.api;

import cn.changning.governance.cases.domain.RecordCaseReporterErasure;
import cn.changning.governance.cases.domain.ReporterData;
import cn.changning.governance.cases.projection.CaseHistory;
import cn.changning.governance.cases.projection.CaseQueries;
import cn.changning.governance.cases.projection.ReporterState;
import cn.changning.governance.common.personaldata.PersonalData;
import cn.changning.governance.common.personaldata.PersonalDataMask;
import cn.changning.governance.common.security.Actor;
import cn.changning.governance.common.security.RequiresScope;
import cn.changning.governance.common.web.ETags;
import cn.changning.governance.common.web.NotFoundException;
import cn.changning.governance.contracts.identity.Scopes;
import cn.changning.governance.contracts.personal.SealedValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;

/** A case reporter's personal data: read (clear only with {@code cases:personal-data}) and erased on request. */
@RestController
@RequestMapping("/api/v1/cases/{caseId}/reporter")
@Tag(name = "Cases", description = "Problems on the street through the six-step closed loop")
public class CaseReporterController {

    private static final Logger log = LoggerFactory.getLogger(CaseReporterController.class);

    /**
     * @param name    clear, masked (e.g. {@code 张**}) or null (not given, or erased)
     * @param contact clear, masked (e.g. {@code 138****5678}) or null
     * @param email   clear, masked (e.g. {@code z***@example.org}) or null; only Open311 reports give one
     * @param masked  true when the caller lacks {@code cases:personal-data}
     * @param erased  true once the reporter's data was erased: every reader gets null from then on
     */
    public record CaseReporter(String caseId, String name, String contact, String email, boolean masked, boolean erased) {
    }

    private final CaseQueries queries;
    private final CaseHistory history;
    private final CommandGateway commands;
    private final PersonalData personalData;
    private final Clock clock;
    private final CaseAccess access;

    public CaseReporterController(CaseQueries queries, CaseHistory history, CommandGateway commands,
                                  PersonalData personalData, Clock clock) {
        this.queries = queries;
        this.history = history;
        this.commands = commands;
        this.personalData = personalData;
        this.clock = clock;
        this.access = new CaseAccess(queries, history, clock);
    }

    @GetMapping
    @RequiresScope(Scopes.CASES_READ)
    @Operation(summary = "Who reported the case",
            description = "The reporter's name, contact and email (Open311 reports only) in clear only to a caller with the scope cases:personal-data "
                    + "(street centres); masked for every other reader of the case (name 张**, phone 138****5678); null "
                    + "for every reader once erased (erased: true). The case must be the caller's to see (else 404).")
    public CaseReporter reporter(Actor actor, @PathVariable String caseId) {
        access.visible(actor, caseId);
        ReporterState state = queries.reporter(caseId).or(() -> history.reporterAsOf(caseId, clock.instant()))
                .orElseThrow(() -> new NotFoundException("case", caseId));
        boolean clear = hasScope(Scopes.CASES_PERSONAL_DATA);
        if (state.erased() || personalData.isErased(ReporterData.subject(caseId))) {
            return new CaseReporter(caseId, null, null, null, !clear, true);
        }
        String name = open(caseId, state.name(), ReporterData.NAME);
        String contact = open(caseId, state.contact(), ReporterData.CONTACT);
        String email = open(caseId, state.email(), ReporterData.EMAIL);
        return clear ? new CaseReporter(caseId, name, contact, email, false, false)
                : new CaseReporter(caseId, PersonalDataMask.NAME.apply(name), contactMask(contact).apply(contact),
                PersonalDataMask.EMAIL.apply(email), true, false);
    }

    @PostMapping("/erasure")
    @RequiresScope(Scopes.CASES_PERSONAL_DATA)
    @Operation(summary = "Erase the reporter's personal data (on the reporter's request)",
            description = "Destroys the reporter's key, so the sealed name, contact and email can never be opened again, in any "
                    + "copy (event store, topic, backups, replays); then records CaseReporterErased on the case (its "
                    + "step, deadlines and counts are untouched). Idempotent: repeating it answers the same. A failure "
                    + "between the two steps loses nothing: the data is already erased and a retry records the event.")
    public ResponseEntity<CaseReporter> erase(Actor actor, @PathVariable String caseId) {
        access.visible(actor, caseId);
        // First destroy, then record: a crash in between leaves nothing readable, and the retry records the event.
        personalData.erase(ReporterData.subject(caseId));
        Long version = commands.sendAndWait(new RecordCaseReporterErasure(caseId, clock.instant(), actor.clientId()));
        log.info("reporter of case {} erased by {}", caseId, actor.clientId());
        return ResponseEntity.ok().eTag(ETags.of(version == null ? 0 : version))
                .body(new CaseReporter(caseId, null, null, null, false, true));
    }

    private String open(String caseId, SealedValue value, String field) {
        try {
            return personalData.open(value, field).orElse(null);
        } catch (IllegalArgumentException unreadable) {
            // Not this case's value (or tampered with): shown as absent, never as a 500; the id is enough to look.
            log.warn("the sealed {} of case {} does not open: {}", field, caseId, unreadable.getMessage());
            return null;
        }
    }

    private static PersonalDataMask contactMask(String contact) {
        if (contact == null) {
            return PersonalDataMask.TEXT;
        }
        if (contact.contains("@")) {
            return PersonalDataMask.EMAIL;
        }
        return contact.matches("[0-9+\\- ()]{7,}") ? PersonalDataMask.PHONE : PersonalDataMask.TEXT;
    }

    private static boolean hasScope(String scope) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> ("SCOPE_" + scope).equals(a.getAuthority()));
    }
}
