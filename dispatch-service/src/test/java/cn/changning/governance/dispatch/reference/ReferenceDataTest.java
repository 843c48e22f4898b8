package cn.changning.governance.dispatch.reference;

import cn.changning.governance.common.calendar.WorkingCalendar;
import cn.changning.governance.contracts.EventTypes;
import cn.changning.governance.contracts.dispatch.DispatchOrderAccepted;
import cn.changning.governance.contracts.dispatch.DispatchOrderAssistanceConfirmed;
import cn.changning.governance.contracts.dispatch.DispatchOrderDueSoon;
import cn.changning.governance.contracts.dispatch.DispatchOrderEscalated;
import cn.changning.governance.contracts.dispatch.DispatchOrderExtensionApproved;
import cn.changning.governance.contracts.dispatch.DispatchOrderExtensionRefused;
import cn.changning.governance.contracts.dispatch.DispatchOrderExtensionRequested;
import cn.changning.governance.contracts.dispatch.DispatchOrderHandled;
import cn.changning.governance.contracts.dispatch.DispatchOrderHandlingReported;
import cn.changning.governance.contracts.dispatch.DispatchOrderIssued;
import cn.changning.governance.contracts.dispatch.DispatchOrderOverdue;
import cn.changning.governance.contracts.dispatch.DispatchOrderReassigned;
import cn.changning.governance.contracts.dispatch.DispatchOrderReissued;
import cn.changning.governance.contracts.dispatch.DispatchOrderReturned;
import cn.changning.governance.contracts.dispatch.DispatchOrderRouted;
import cn.changning.governance.contracts.dispatch.DispatchOrderSentBackForRework;
import cn.changning.governance.contracts.dispatch.DispatchOrderTimerStarted;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The agencies, the responsibility list and the routing rules built on them. */
class ReferenceDataTest {

    final AgencyDirectory agencies = AgencyDirectory.load();
    final ResponsibilityList list = ResponsibilityList.load();

    @Test
    void everyStreetAndTownHasItsSevenAgenciesWithParentDepartments() {
        assertThat(agencies.list(null, null)).hasSize(70);
        assertThat(agencies.list("310105102", null)).hasSize(7);
        Agency police = agencies.find("310105009-police").orElseThrow();
        assertThat(police.type()).isEqualTo(AgencyType.POLICE_STATION);
        assertThat(police.parentDepartment()).isEqualTo("DISTRICT_PUBLIC_SECURITY_BUREAU");
    }

    @Test
    void theListCoversTheWholeCatalogue() {
        assertThat(list.entries()).hasSize(181);
    }

    @Test
    void persistentProblemsAreJointTasksLedByTheSquad() {
        ResponsibilityList.Routing stalls = list.route("1501", "B", true, "310105001", "310105001000001").orElseThrow();
        assertThat(stalls.leadType()).isEqualTo(AgencyType.CITY_MANAGEMENT_SQUAD);
        assertThat(stalls.assistingTypes()).containsExactly(AgencyType.POLICE_STATION);
        assertThat(list.route("1301", "B", true, "310105001", null).orElseThrow().assistingTypes())
                .containsExactly(AgencyType.POLICE_STATION, AgencyType.HOUSING_OFFICE);
    }

    @Test
    void theHandlingTypeDecidesWhoLeads() {
        // A: the street's own team alone; B: the street leads, the department assists; C: the department leads.
        assertThat(list.route("1101", "A", false, "310105001", null).orElseThrow())
                .isEqualTo(new ResponsibilityList.Routing(AgencyType.STREET_TEAM, List.of(), false));
        assertThat(list.route("1105", "B", false, "310105001", null).orElseThrow())
                .isEqualTo(new ResponsibilityList.Routing(AgencyType.STREET_TEAM, List.of(AgencyType.GREENING_CITY_APPEARANCE_OFFICE), false));
        assertThat(list.route("0101", "C", false, "310105001", null).orElseThrow())
                .isEqualTo(new ResponsibilityList.Routing(AgencyType.GREENING_CITY_APPEARANCE_OFFICE, List.of(), false));
        // D: a department leads and the district centre follows the order up from the start.
        assertThat(list.route("1404", "D", false, "310105001", null).orElseThrow().districtCoordinated()).isTrue();
        // The same item under another handling type routes differently: the type, not the item, decides.
        assertThat(list.route("0101", "A", false, "310105001", null).orElseThrow().leadType()).isEqualTo(AgencyType.STREET_TEAM);
    }

    @Test
    void aNarrowingAppliesInItsStreetOrGridOnly() {
        assertThat(list.route("1501", "B", true, "310105009", null).orElseThrow().assistingTypes())
                .containsExactly(AgencyType.POLICE_STATION, AgencyType.MARKET_SUPERVISION_OFFICE);
        assertThat(list.route("1502", "B", true, "310105102", "310105102000001").orElseThrow().leadType())
                .isEqualTo(AgencyType.TRAFFIC_POLICE_SQUAD);
        assertThat(list.route("1502", "B", true, "310105102", "310105102000002").orElseThrow().leadType())
                .isEqualTo(AgencyType.CITY_MANAGEMENT_SQUAD);
        assertThat(list.route("9999", "A", false, "310105001", null)).isEmpty();
    }

    @Test
    void theWarningFallsAtEightyPercentOfWorkingTimeOrOfWallClockTimeWhenThereIsNone() {
        WorkingTimeDeadlines deadlines = new WorkingTimeDeadlines(WorkingCalendar.load());
        // Friday 17:00 to Monday 11:00 (Shanghai) holds 3 working hours; 80% (2 h 24 min) ends Monday 10:24.
        assertThat(deadlines.warningAt(Instant.parse("2026-11-20T09:00:00Z"), Instant.parse("2026-11-23T03:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-23T02:24:00Z"));
        // Saturday night to Sunday morning holds no working time: wall-clock share instead.
        assertThat(deadlines.warningAt(Instant.parse("2026-11-28T16:00:00Z"), Instant.parse("2026-11-28T16:00:10Z")))
                .isEqualTo(Instant.parse("2026-11-28T16:00:08Z"));
        // A rework round gets the first round's working time again: Monday 09:00 to Tuesday 09:00 held 8 working
        // hours, and 8 working hours from Wednesday 09:00 end on Wednesday at 18:00.
        assertThat(deadlines.reworkDeadline(Instant.parse("2026-11-25T01:00:00Z"), Instant.parse("2026-11-23T01:00:00Z"),
                Instant.parse("2026-11-24T01:00:00Z"))).isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
    }

    @Test
    void everyDispatchEventIsPublishedWithItsSchema() {
        List<Class<?>> events = List.of(DispatchOrderIssued.class, DispatchOrderRouted.class, DispatchOrderTimerStarted.class,
                DispatchOrderAccepted.class, DispatchOrderReturned.class, DispatchOrderReassigned.class, DispatchOrderReissued.class,
                DispatchOrderHandlingReported.class, DispatchOrderAssistanceConfirmed.class, DispatchOrderHandled.class,
                DispatchOrderExtensionRequested.class, DispatchOrderExtensionApproved.class, DispatchOrderExtensionRefused.class,
                DispatchOrderDueSoon.class, DispatchOrderOverdue.class, DispatchOrderEscalated.class,
                DispatchOrderSentBackForRework.class);
        for (Class<?> event : events) {
            assertThat(EventTypes.isPublished(event)).as(event.getSimpleName() + " is published").isTrue();
            assertThat(EventTypes.cloudEventType(event)).startsWith("cn.changning.governance.dispatch.");
            assertThat(EventTypes.class.getClassLoader().getResource(EventTypes.schemaPath(event)))
                    .as("schema of " + event.getSimpleName()).isNotNull();
        }
    }
}
