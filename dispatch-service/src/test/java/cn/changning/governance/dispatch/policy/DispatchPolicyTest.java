package cn.changning.governance.dispatch.policy;

import cn.changning.governance.common.consuming.EventRecord;
import cn.changning.governance.contracts.EventTypes;
import cn.changning.governance.contracts.cases.CaseDuplicateLinked;
import cn.changning.governance.contracts.cases.CaseRejected;
import cn.changning.governance.contracts.cases.CaseReopened;
import cn.changning.governance.contracts.cases.CaseResumed;
import cn.changning.governance.contracts.cases.CaseSuspended;
import cn.changning.governance.contracts.cases.RejectionReason;
import cn.changning.governance.contracts.dispatch.EscalationLevel;
import cn.changning.governance.contracts.dispatch.WithdrawalReason;
import cn.changning.governance.dispatch.CaseTopic;
import cn.changning.governance.dispatch.domain.DispatchCommands.IssueDispatchOrder;
import cn.changning.governance.dispatch.domain.DispatchCommands.PauseDispatchOrderClock;
import cn.changning.governance.dispatch.domain.DispatchCommands.ResumeDispatchOrderClock;
import cn.changning.governance.dispatch.domain.DispatchCommands.ReworkPlan;
import cn.changning.governance.dispatch.domain.DispatchCommands.SendBackForRework;
import cn.changning.governance.dispatch.domain.DispatchCommands.WithdrawDispatchOrder;
import cn.changning.governance.reference.agencies.AgencyDirectory;
import cn.changning.governance.reference.calendar.RoundDeadlines;
import cn.changning.governance.reference.calendar.WorkingCalendar;
import cn.changning.governance.reference.catalogue.Catalogue;
import cn.changning.governance.reference.geography.Geography;
import cn.changning.governance.reference.responsibility.ResponsibilityList;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.utils.RecordingCommandBus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dispatch policy as a saga fixture would test it: case events in, the commands it sends out, against
 * a recording command bus whose orders exist for the rounds a test says. No broker, no store.
 */
class DispatchPolicyTest {

    static final WorkingCalendar CALENDAR = WorkingCalendar.load();
    /** Friday 27 November 2026, 10:00 in Shanghai. */
    static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");

    RecordingCommandBus bus;
    DispatchPolicy policy;
    Set<String> existingOrders;

    @BeforeEach
    void setUp() {
        bus = new RecordingCommandBus();
        existingOrders = Set.of();
        bus.setCallbackBehavior((payload, metaData) -> {
            String orderId = orderIdOf(payload);
            if (orderId != null && !(payload instanceof IssueDispatchOrder) && !existingOrders.contains(orderId)) {
                throw new AggregateNotFoundException(orderId, "no order " + orderId);
            }
            if (payload instanceof SendBackForRework sendBack) {
                // Round 0 was filed Friday 10:00 with 4 working hours: due 15:00.
                return new ReworkPlan("c-1", sendBack.reworkRound(), "0101", "COMPONENT", "C", false, "310105001000003",
                        "310105001", "310105001-greening", "GREENING_AND_CITY_APPEARANCE", List.of(), List.of(),
                        EscalationLevel.STREET, NOW, Instant.parse("2026-11-27T07:00:00Z"));
            }
            return 1L;
        });
        Geography geography = Geography.load();
        Catalogue catalogue = Catalogue.load();
        policy = new DispatchPolicy(DefaultCommandGateway.builder().commandBus(bus).build(),
                ResponsibilityList.load(catalogue, geography), AgencyDirectory.load(geography), new RoundDeadlines(CALENDAR),
                CaseTopic.JSON, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aReopenedCaseClosesItsLastRoundAndIsIssuedTheNextWithRoundZerosWorkingTimeAgain() {
        existingOrders = Set.of("c-1-r0");
        Instant reopenedAt = Instant.parse("2026-11-30T01:00:00Z"); // Monday 09:00
        policy.process(List.of(record(new CaseReopened("c-1", 1, "cover rocking again", "hotline", reopenedAt))));

        List<Object> sent = sent();
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0)).isEqualTo(new SendBackForRework("c-1-r0", 1, "cover rocking again", reopenedAt));
        IssueDispatchOrder next = (IssueDispatchOrder) sent.get(1);
        assertThat(next.orderId()).isEqualTo("c-1-r1");
        assertThat(next.round()).isEqualTo(1);
        assertThat(next.leadAgencyId()).isEqualTo("310105001-greening");
        // round 0 had 4 working hours; from Monday 09:00 that is 14:00 (lunch does not count)
        assertThat(next.deadline()).isEqualTo(Instant.parse("2026-11-30T06:00:00Z"));
    }

    @Test
    void aHoldPausesEveryOrderOfTheCaseAndTheResumeResumesThem() {
        existingOrders = Set.of("c-1-r0", "c-1-r1");
        policy.process(List.of(record(new CaseSuspended("c-1", "awaiting funds", "centre", "op", NOW))));
        assertThat(sent()).containsExactly(new PauseDispatchOrderClock("c-1-r0", NOW), new PauseDispatchOrderClock("c-1-r1", NOW),
                new PauseDispatchOrderClock("c-1-r2", NOW)); // the last finds no order: the case has had two rounds

        bus.clearCommands();
        Instant resumedAt = NOW.plusSeconds(7200);
        policy.process(List.of(record(new CaseResumed("c-1", null, "op", resumedAt))));
        assertThat(sent()).startsWith(new ResumeDispatchOrderClock("c-1-r0", resumedAt), new ResumeDispatchOrderClock("c-1-r1", resumedAt));
    }

    @Test
    void aDuplicatesOrdersAreWithdrawnOnceItsOriginalHasLinkedIt() {
        existingOrders = Set.of("dup-r0");
        policy.process(List.of(record(new CaseRejected("dup", RejectionReason.DUPLICATE, "c-1", null, "op", NOW))));
        assertThat(sent()).as("marked only: the original may still refuse").isEmpty();

        policy.process(List.of(record(new CaseDuplicateLinked("c-1", "dup", "duplicate-policy", NOW))));
        assertThat(sent()).first().isEqualTo(new WithdrawDispatchOrder("dup-r0", WithdrawalReason.CASE_LINKED_AS_DUPLICATE, NOW));
    }

    @Test
    void aRedeliveredHoldSendsTheSameCommandsWithTheSameIds() {
        existingOrders = Set.of("c-1-r0");
        EventRecord suspended = record(new CaseSuspended("c-1", "awaiting funds", "centre", "op", NOW));
        policy.process(List.of(suspended));
        List<String> firstIds = bus.getDispatchedCommands().stream().map(CommandMessage::getIdentifier).toList();
        bus.clearCommands();
        policy.process(List.of(suspended));
        assertThat(bus.getDispatchedCommands().stream().map(CommandMessage::getIdentifier).toList()).isEqualTo(firstIds);
    }

    private List<Object> sent() {
        return bus.getDispatchedCommands().stream().map(m -> (Object) m.getPayload()).toList();
    }

    private static String orderIdOf(Object command) {
        try {
            return (String) command.getClass().getMethod("orderId").invoke(command);
        } catch (ReflectiveOperationException notAnOrderCommand) {
            return null;
        }
    }

    private static EventRecord record(Object event) {
        try {
            return new EventRecord(UUID.nameUUIDFromBytes(event.toString().getBytes()).toString(), EventTypes.cloudEventType(event.getClass()),
                    "c-1", 1, NOW, CaseTopic.JSON.writeValueAsBytes(event), "governance.case.events", 0, 1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
