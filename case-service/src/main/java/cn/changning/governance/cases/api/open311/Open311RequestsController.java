package cn.changning.governance.cases.api.open311;

import cn.changning.governance.cases.domain.ReportCase;
import cn.changning.governance.cases.domain.ReporterData;
import cn.changning.governance.cases.projection.CaseHistory;
import cn.changning.governance.cases.projection.CaseQueries;
import cn.changning.governance.cases.projection.CaseView;
import cn.changning.governance.common.personaldata.PersonalData;
import cn.changning.governance.contracts.cases.SealedReporter;
import io.swagger.v3.oas.annotations.Hidden;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * GeoReport v2's requests, tokens and FixMyStreet's {@code servicerequestupdates}, for a partner holding an
 * {@code api_key}. Unlike the spec, which lets anyone read requests, every read needs the key too and shows only
 * the requests that partner reported: the platform's rule (a request's description and place are the partner's).
 * Creation is synchronous, so a request's token is its own id.
 */
@Hidden
@RestController
@RequestMapping(Open311ServicesController.BASE)
public class Open311RequestsController {

    /** The most requests or updates one answer holds. */
    static final int MAX_RESULTS = 1000;
    /** The most ids one {@code service_request_id} list may name. */
    static final int MAX_IDS = 200;

    private final CommandGateway commands;
    private final CaseQueries queries;
    private final CaseHistory history;
    private final PersonalData personalData;
    private final Open311ApiKeys keys;
    private final Open311Properties properties;
    private final Open311Services services;
    private final Open311Places places;
    private final Open311Requests requests;
    private final Open311Updates updates;
    private final Open311Writer writer;
    private final Clock clock;

    public Open311RequestsController(CommandGateway commands, CaseQueries queries, CaseHistory history,
                                     PersonalData personalData, Open311ApiKeys keys, Open311Properties properties,
                                     Open311Services services, Open311Places places, Open311Requests requests,
                                     Open311Updates updates, Open311Writer writer, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.history = history;
        this.personalData = personalData;
        this.keys = keys;
        this.properties = properties;
        this.services = services;
        this.places = places;
        this.requests = requests;
        this.updates = updates;
        this.writer = writer;
        this.clock = clock;
    }

    @PostMapping("/requests.{format}")
    public ResponseEntity<byte[]> create(@PathVariable String format, @RequestParam MultiValueMap<String, String> params) {
        Open311Format f = Open311Format.required(format);
        Map<String, String> form = form(params);
        String client = partner(form);
        Open311Report report = Open311Report.read(form, services, places);
        String caseId = UUID.randomUUID().toString();
        commands.sendAndWait(new ReportCase(caseId, report.item().code(), report.location(), report.description(),
                report.source(), sealed(caseId, report), clock.instant(), client));
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("service_request_id", caseId);
        created.put("service_notice", Open311Requests.SERVICE_NOTICE);
        return writer.respond(HttpStatus.CREATED, f, Open311Writer.Answer.list("service_requests", "request", List.of(created)));
    }

    @GetMapping("/requests.{format}")
    public ResponseEntity<byte[]> list(@PathVariable String format, @RequestParam MultiValueMap<String, String> params) {
        Open311Format f = Open311Format.required(format);
        Map<String, String> form = form(params);
        String client = partner(form);
        Instant now = clock.instant();
        List<CaseView> found;
        String ids = Open311Report.text(form, "service_request_id", MAX_IDS * 40);
        if (ids != null) {
            // The spec: an id list overrides every other filter.
            List<String> wanted = List.of(ids.split(",")).stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
            if (wanted.size() > MAX_IDS) {
                throw Open311Exception.badRequest("service_request_id: at most " + MAX_IDS + " ids");
            }
            found = wanted.stream().map(id -> own(client, id, now)).flatMap(Optional::stream).toList();
        } else {
            Open311Window window = Open311Window.of(Open311Report.text(form, "start_date", 40),
                    Open311Report.text(form, "end_date", 40), now, Open311Window.REQUESTS);
            CaseQueries.Filter filter = new CaseQueries.Filter(null, null, null, null,
                    Open311Report.text(form, "service_code", 10), null, null, null, null, window.from(), window.to(), null,
                    client, Open311Window.openFilter(Open311Report.text(form, "status", 20)));
            found = queries.newest(filter, MAX_RESULTS, now);
        }
        return writer.respond(HttpStatus.OK, f, Open311Writer.Answer.list("service_requests", "request",
                found.stream().map(requests::request).toList()));
    }

    @GetMapping("/requests/{id}.{format}")
    public ResponseEntity<byte[]> one(@PathVariable String id, @PathVariable String format,
                                      @RequestParam MultiValueMap<String, String> params) {
        Open311Format f = Open311Format.required(format);
        String client = partner(form(params));
        CaseView view = own(client, id, clock.instant())
                .orElseThrow(() -> Open311Exception.notFound("service_request_id: no request " + id));
        return writer.respond(HttpStatus.OK, f, Open311Writer.Answer.list("service_requests", "request", List.of(requests.request(view))));
    }

    @GetMapping("/tokens/{token}.{format}")
    public ResponseEntity<byte[]> token(@PathVariable String token, @PathVariable String format,
                                        @RequestParam MultiValueMap<String, String> params) {
        Open311Format f = Open311Format.required(format);
        String client = partner(form(params));
        CaseView view = own(client, token, clock.instant()).orElseThrow(() -> Open311Exception.notFound("token: no token " + token));
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("token", token);
        t.put("service_request_id", view.caseId());
        return writer.respond(HttpStatus.OK, f, Open311Writer.Answer.list("service_requests", "request", List.of(t)));
    }

    @GetMapping("/servicerequestupdates.{format}")
    public ResponseEntity<byte[]> updates(@PathVariable String format, @RequestParam MultiValueMap<String, String> params) {
        Open311Format f = Open311Format.required(format);
        Map<String, String> form = form(params);
        String client = partner(form);
        Open311Window window = Open311Window.of(Open311Report.text(form, "start_date", 40),
                Open311Report.text(form, "end_date", 40), clock.instant(), Open311Window.UPDATES);
        List<Map<String, Object>> found = new ArrayList<>();
        for (CaseView.Timeline timeline : queries.timelinesChangedSince(client, window.from(), Open311Window.MAX_CASES)) {
            found.addAll(updates.updates(timeline, window.from(), window.to()));
        }
        // Oldest first, so a partner that polls from the last update it saw loses none past the cap.
        found.sort(Comparator.comparing((Map<String, Object> u) -> (String) u.get("updated_datetime"))
                .thenComparing(u -> (String) u.get("update_id")));
        return writer.respond(HttpStatus.OK, f, Open311Writer.Answer.list("service_request_updates", "request_update",
                found.subList(0, Math.min(found.size(), MAX_RESULTS))));
    }

    /** The partner client of the form's {@code api_key} (after the jurisdiction check); 403 without a valid one. */
    private String partner(Map<String, String> form) {
        properties.checkJurisdiction(form.get("jurisdiction_id"));
        String key = form.get("api_key");
        if (key == null || key.isEmpty()) {
            throw Open311Exception.forbidden("api_key: required");
        }
        return keys.clientOf(key).orElseThrow(() -> Open311Exception.forbidden("api_key: not a valid key"));
    }

    /** The partner's own request: the read model's, or, for one created a moment ago, the one folded from its events. */
    private Optional<CaseView> own(String client, String caseId, Instant now) {
        if (caseId.length() > 100) {
            return Optional.empty();
        }
        Open311Report.checkCharacters("service_request_id", caseId, false);
        return queries.findCase(caseId, now).or(() -> history.asOf(caseId, now))
                .filter(view -> client.equals(view.reportedBy()));
    }

    /** Sealed here, before the command: nothing after this point holds the reporter in clear. */
    private SealedReporter sealed(String caseId, Open311Report report) {
        if (report.name() == null && report.phone() == null && report.email() == null) {
            return null;
        }
        String subject = ReporterData.subject(caseId);
        return new SealedReporter(personalData.seal(subject, ReporterData.NAME, report.name()),
                personalData.seal(subject, ReporterData.CONTACT, report.phone()),
                personalData.seal(subject, ReporterData.EMAIL, report.email()));
    }

    /** One value per field, the first of a repeated one (the query's and the form body's together). */
    private static Map<String, String> form(MultiValueMap<String, String> params) {
        Map<String, String> form = new HashMap<>();
        params.forEach((name, values) -> {
            if (!values.isEmpty() && values.get(0) != null) {
                form.put(name, values.get(0));
            }
        });
        return form;
    }
}
