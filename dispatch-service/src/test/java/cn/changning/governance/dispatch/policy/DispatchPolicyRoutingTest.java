package cn.changning.governance.dispatch.policy;

import cn.changning.governance.common.consuming.EventRecord;
import cn.changning.governance.contracts.EventTypes;
import cn.changning.governance.contracts.cases.CaseFiled;
import cn.changning.governance.contracts.dispatch.EscalationLevel;
import cn.changning.governance.dispatch.domain.DispatchCommands.IssueDispatchOrder;
import cn.changning.governance.reference.agencies.Agency;
import cn.changning.governance.reference.agencies.AgencyDirectory;
import cn.changning.governance.reference.calendar.RoundDeadlines;
import cn.changning.governance.reference.calendar.WorkingCalendar;
import cn.changning.governance.reference.catalogue.Catalogue;
import cn.changning.governance.reference.geography.Geography;
import cn.changning.governance.reference.responsibility.ResponsibilityList;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.test.utils.RecordingCommandBus;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dispatch policy turns a filed case's routing into the agencies of its first order: fed a CaseFiled, the
 * command it sends names the parties the handling type calls for, owner units included. Fast: no stores, no Kafka;
 * Axon's recording command bus stands in for the real one.
 */
class DispatchPolicyRoutingTest {

    static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule()).build();
    static final Geography GEOGRAPHY = Geography.load();
    static final Catalogue CATALOGUE = Catalogue.load();
    static final AgencyDirectory AGENCIES = AgencyDirectory.load(GEOGRAPHY);
    static final Instant FILED = Instant.parse("2026-03-04T02:00:00Z");

    /** Axon's recording bus: it keeps every command sent and answers each with null. */
    final RecordingCommandBus bus = new RecordingCommandBus();
    final DispatchPolicy policy = new DispatchPolicy(DefaultCommandGateway.builder().commandBus(bus).build(), ResponsibilityList.load(CATALOGUE, GEOGRAPHY), AGENCIES,
            new RoundDeadlines(WorkingCalendar.load()), JSON, Clock.fixed(FILED, ZoneOffset.UTC));

    private IssueDispatchOrder file(String itemCode, String streetCode) throws Exception {
        var item = CATALOGUE.find(itemCode).orElseThrow();
        CaseFiled filed = new CaseFiled("case-" + itemCode, itemCode, item.itemClass().name(), item.handlingType().name(),
                item.persistentProblem(), streetCode + "000001", streetCode, FILED.plus(Duration.ofDays(3)), "operator-1", FILED);
        policy.process(List.of(new EventRecord("e-" + itemCode, EventTypes.cloudEventType(CaseFiled.class), filed.caseId(), 1, FILED,
                JSON.writeValueAsBytes(filed), "governance.case.events", 0, 0)));
        List<Object> sent = bus.getDispatchedCommands().stream().map(m -> (Object) m.getPayload()).toList();
        bus.clearCommands();
        assertThat(sent).hasSize(1).first().isInstanceOf(IssueDispatchOrder.class);
        return (IssueDispatchOrder) sent.get(0);
    }

    private static Agency agency(String id) {
        return AGENCIES.find(id).orElseThrow(() -> new AssertionError("no agency " + id));
    }

    @Test
    void aBrokenWaterSupplyManholeCoverGoesToTheWaterUtilityAndTheStreetTeamAssists() throws Exception {
        IssueDispatchOrder order = file("0101", "310105004");
        // 上水井盖: the water-supply utility owns it (stationed in no street); type C: the street's own team assists.
        assertThat(agency(order.leadAgencyId()).nameZh()).contains("供水");
        assertThat(GEOGRAPHY.subdistrict(agency(order.leadAgencyId()).streetCode())).isEmpty();
        assertThat(order.leadAgencyType()).isEqualTo(agency(order.leadAgencyId()).type().name()).isNotEqualTo("GREENING_CITY_APPEARANCE_OFFICE");
        assertThat(order.assistingAgencyIds()).containsExactly("310105004-street-team");
        assertThat(order.assistingAgencyTypes()).containsExactly("STREET_TEAM");
        assertThat(order.followedUpBy()).isEqualTo(EscalationLevel.STREET);
    }

    @Test
    void aTypeCServiceIsLedByADepartmentNotTheStreetTeam() throws Exception {
        // 2105 age-friendly home adaptation, type C: a department leads, the street assists.
        IssueDispatchOrder order = file("2105", "310105001");
        assertThat(order.leadAgencyId()).isNotEqualTo("310105001-street-team");
        assertThat(order.assistingAgencyIds()).containsExactly("310105001-street-team");
    }

    @Test
    void typesAAndBKeepTheStreetTeamInTheLead() throws Exception {
        assertThat(file("1101", "310105006").leadAgencyId()).isEqualTo("310105006-street-team");
        IssueDispatchOrder flyTipping = file("1105", "310105006");
        assertThat(flyTipping.leadAgencyId()).isEqualTo("310105006-street-team");
        assertThat(flyTipping.assistingAgencyIds()).containsExactly("310105006-greening");
    }
}
