package cn.changning.governance.dispatch;

import cn.changning.governance.common.testing.AuthorisationMatrix;
import cn.changning.governance.common.testing.AuthorisationMatrix.Call;
import cn.changning.governance.common.testing.TestCallers;
import cn.changning.governance.contracts.cases.CaseFiled;
import cn.changning.governance.contracts.dispatch.ReturnReason;
import cn.changning.governance.dispatch.domain.DispatchCommands.AcceptDispatchOrder;
import cn.changning.governance.dispatch.domain.DispatchCommands.ReportHandling;
import cn.changning.governance.dispatch.domain.DispatchCommands.RequestExtension;
import cn.changning.governance.dispatch.domain.DispatchCommands.ReturnDispatchOrder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * Every route of the dispatch service against the platform's callers: no token, an expired one or one of an unknown
 * key 401, the right caller without the route's scope 403, a caller of the same kind elsewhere (another street's
 * centre, another agency) 404 where the route serves a place's data, and the right caller 2xx. A route added without
 * a row fails here. Each row prepares what it acts on in Hongqiao (310105009), a street no other test uses; the
 * strangers are of Chengjiaqiao (310105010) or another agency of Hongqiao.
 */
class DispatchAuthorisationMatrixTest extends DispatchHttpTest {

    static final String STREET = "310105009";
    static final String SQUAD = STREET + "-squad";
    static final String POLICE = STREET + "-police";
    static final String MARKET = STREET + "-market";
    static final TestCallers CENTRE = centre(STREET);
    static final TestCallers OTHER_CENTRE = centre("310105010");
    static final TestCallers OTHER_SQUAD = agency("310105010-squad");
    static final TestCallers OTHER_POLICE = agency("310105010-police");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping routes;

    @Test
    void everyRouteAnswersEachCallerAsItShould() {
        String orders = "/api/v1/dispatch-orders";
        new AuthorisationMatrix("http://127.0.0.1:" + port, routes)
                .row("GET", orders, CENTRE, null, () -> Call.get(orders + "?streetCode=" + STREET))
                .row("GET", orders + "/buck-passing", CENTRE, null, () -> Call.get(orders + "/buck-passing"))
                .row("GET", orders + "/{orderId}", CENTRE, OTHER_CENTRE, () -> Call.get(orders + "/" + issue(STREET, SQUAD)))
                .row("POST", orders + "/{orderId}/accept", agency(SQUAD), OTHER_SQUAD,
                        () -> Call.post(orders + "/" + issue(STREET, SQUAD) + "/accept", "{}", "*"))
                .row("POST", orders + "/{orderId}/return", agency(POLICE), OTHER_POLICE,
                        () -> Call.post(orders + "/" + issue(STREET, SQUAD, POLICE) + "/return", "{\"reason\":\"WRONG_AGENCY\"}", "*"))
                .row("POST", orders + "/{orderId}/reassign", CENTRE, OTHER_CENTRE,
                        () -> Call.post(orders + "/" + returnedByPolice() + "/reassign",
                                "{\"returnedAgencyId\":\"" + POLICE + "\",\"toAgencyId\":\"" + MARKET + "\"}", "*"))
                .row("POST", orders + "/{orderId}/reissue", CENTRE, OTHER_CENTRE,
                        () -> Call.post(orders + "/" + returnedByPolice() + "/reissue", "{\"returnedAgencyId\":\"" + POLICE + "\"}", "*"))
                .row("POST", orders + "/{orderId}/report", agency(SQUAD), OTHER_SQUAD,
                        () -> Call.post(orders + "/" + acceptedBySquad() + "/report", "{\"result\":\"RESOLVED\"}", "*"))
                .row("POST", orders + "/{orderId}/confirm", agency(POLICE), OTHER_POLICE,
                        () -> Call.post(orders + "/" + reportedAwaitingThePolice() + "/confirm", "{}", "*"))
                .row("POST", orders + "/{orderId}/extension-request", agency(SQUAD), OTHER_SQUAD,
                        () -> Call.post(orders + "/" + acceptedBySquad() + "/extension-request", "{\"reason\":\"the owner is away\","
                                + "\"requestedDeadline\":\"" + Instant.now().plus(Duration.ofDays(20)) + "\"}", "*"))
                .row("POST", orders + "/{orderId}/extension-request/approve", CENTRE, OTHER_CENTRE,
                        () -> Call.post(orders + "/" + extensionPending() + "/extension-request/approve", "{}", "*"))
                .row("POST", orders + "/{orderId}/extension-request/approve-at-district", DISTRICT, null,
                        () -> Call.post(orders + "/" + extensionPending() + "/extension-request/approve-at-district", "{}", "*"))
                .row("POST", orders + "/{orderId}/extension-request/refuse", CENTRE, OTHER_CENTRE,
                        () -> Call.post(orders + "/" + extensionPending() + "/extension-request/refuse", "{\"reason\":\"not needed\"}", "*"))
                .row("GET", "/api/v1/agencies", agency(SQUAD), null, () -> Call.get("/api/v1/agencies?streetCode=" + STREET))
                .row("GET", "/api/v1/agencies/{agencyId}", agency(SQUAD), null, () -> Call.get("/api/v1/agencies/310105010-squad"))
                .row("GET", "/api/v1/agencies/{agencyId}/queue", agency(SQUAD), OTHER_SQUAD,
                        () -> Call.get("/api/v1/agencies/" + SQUAD + "/queue"))
                .row("GET", "/api/v1/agencies/{agencyId}/stats", agency(SQUAD), agency(POLICE),
                        () -> Call.get("/api/v1/agencies/" + SQUAD + "/stats"))
                .row("GET", "/api/v1/dispatch/streets/{streetCode}/board", CENTRE, OTHER_CENTRE,
                        () -> Call.get("/api/v1/dispatch/streets/" + STREET + "/board"))
                .row("GET", "/api/v1/responsibility-list", agency(SQUAD), null,
                        () -> Call.get("/api/v1/responsibility-list?itemCode=1501&streetCode=" + STREET))
                .row("GET", "/api/v1/dispatch/case-intake/{caseId}", CENTRE, OTHER_CENTRE,
                        () -> Call.get("/api/v1/dispatch/case-intake/" + filedCase()))
                .row("GET", "/api/v1/dispatch/consistency", DISTRICT, null, () -> Call.get("/api/v1/dispatch/consistency"))
                .check();
    }

    private String returnedByPolice() {
        String orderId = issue(STREET, SQUAD, POLICE);
        commands.sendAndWait(new ReturnDispatchOrder(orderId, POLICE, ReturnReason.WRONG_AGENCY, null, null, Instant.now()));
        return orderId;
    }

    private String acceptedBySquad() {
        String orderId = issue(STREET, SQUAD);
        commands.sendAndWait(new AcceptDispatchOrder(orderId, SQUAD, null, Instant.now()));
        return orderId;
    }

    private String reportedAwaitingThePolice() {
        String orderId = issue(STREET, SQUAD, POLICE);
        commands.sendAndWait(new AcceptDispatchOrder(orderId, SQUAD, null, Instant.now()));
        commands.sendAndWait(new AcceptDispatchOrder(orderId, POLICE, null, Instant.now()));
        commands.sendAndWait(new ReportHandling(orderId, SQUAD, "RESOLVED", null, List.of(), null, Instant.now()));
        return orderId;
    }

    private String extensionPending() {
        String orderId = acceptedBySquad();
        commands.sendAndWait(new RequestExtension(orderId, SQUAD, "the owner is away", Instant.now().plus(Duration.ofDays(20)),
                null, Instant.now()));
        return orderId;
    }

    /** A case filed on the case topic, once the dispatch service has seen it. */
    private String filedCase() {
        String caseId = UUID.randomUUID().toString();
        Instant now = Instant.now();
        CaseTopic.produce(new CaseFiled(caseId, "1501", "EVENT", "B", true, STREET + "000001", STREET, now.plus(Duration.ofDays(10)),
                "operator-9", now), caseId, 1, "filed-" + caseId);
        await().atMost(Duration.ofSeconds(20)).until(
                () -> get("/api/v1/dispatch/case-intake/" + caseId, DISTRICT).getStatusCode() == HttpStatus.OK);
        return caseId;
    }
}
