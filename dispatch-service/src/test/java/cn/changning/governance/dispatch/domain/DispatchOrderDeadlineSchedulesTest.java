package cn.changning.governance.dispatch.domain;

import cn.changning.governance.contracts.dispatch.DispatchOrderExtensionApproved;
import cn.changning.governance.contracts.dispatch.DispatchOrderExtensionRequested;
import cn.changning.governance.contracts.dispatch.DispatchOrderTimerStarted;
import cn.changning.governance.contracts.dispatch.WithdrawalReason;
import cn.changning.governance.dispatch.domain.DispatchCommands.AcceptDispatchOrder;
import cn.changning.governance.dispatch.domain.DispatchCommands.ApproveExtension;
import cn.changning.governance.dispatch.domain.DispatchCommands.ApproveExtensionAtDistrict;
import cn.changning.governance.dispatch.domain.DispatchCommands.PauseDispatchOrderClock;
import cn.changning.governance.dispatch.domain.DispatchCommands.ReportHandling;
import cn.changning.governance.dispatch.domain.DispatchCommands.RequestExtension;
import cn.changning.governance.dispatch.domain.DispatchCommands.WithdrawDispatchOrder;
import cn.changning.governance.contracts.dispatch.EscalationLevel;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static cn.changning.governance.dispatch.domain.DispatchOrderTest.CASE;
import static cn.changning.governance.dispatch.domain.DispatchOrderTest.DEADLINE;
import static cn.changning.governance.dispatch.domain.DispatchOrderTest.LATER;
import static cn.changning.governance.dispatch.domain.DispatchOrderTest.ORDER;
import static cn.changning.governance.dispatch.domain.DispatchOrderTest.SQUAD;
import static cn.changning.governance.dispatch.domain.DispatchOrderTest.START;
import static cn.changning.governance.dispatch.domain.DispatchOrderTest.TEAM;
import static cn.changning.governance.dispatch.domain.DispatchOrderTest.WARNING;
import static cn.changning.governance.dispatch.domain.DispatchOrderTest.jointTask;
import static cn.changning.governance.dispatch.domain.DispatchOrderTest.singleAgency;
import static org.axonframework.test.matchers.Matchers.listWithAnyOf;

/**
 * The order cancels its deadlines by the schedule ids its events recorded (issue 16), and by scope only for deadlines
 * scheduled before the ids were recorded. The fixture's deadline manager uses the deadline message's identifier as the
 * schedule id (db-scheduler's generates its own); either way the id it returns is the one cancelSchedule takes.
 */
class DispatchOrderDeadlineSchedulesTest {

    static final Instant EXTENDED = DEADLINE.plus(Duration.ofDays(2));

    AggregateTestFixture<DispatchOrder> fixture;

    @BeforeEach
    void setUp() {
        fixture = DispatchOrderTest.register(new AggregateTestFixture<>(DispatchOrder.class), ReturnRules.DEFAULT_RETURNS_BEFORE_ARBITRATION);
    }

    @Test
    void theTimerStartedEventRecordsTheIdsOfTheDeadlinesScheduled() {
        AtomicReference<MetaData> recorded = new AtomicReference<>();
        fixture.givenCurrentTime(START)
                .when(jointTask())
                .expectEventsMatching(listWithAnyOf(timerStartedRecording(recorded)))
                .expectScheduledDeadlineMatching(WARNING, withIdentifier(() -> recorded.get().get(OrderClock.WARNING_SCHEDULE)))
                .expectScheduledDeadlineMatching(DEADLINE, withIdentifier(() -> recorded.get().get(OrderClock.OVERDUE_SCHEDULE)));
    }

    @Test
    void aPauseCancelsTheRecordedDeadlines() {
        fixture.givenCurrentTime(START)
                .andGivenCommands(jointTask())
                .when(new PauseDispatchOrderClock(ORDER, LATER))
                .expectNoScheduledDeadlines();
    }

    /** Could an order cancel by scope after all, this deadline (of its scope, but not recorded) would be gone. */
    @Test
    void aPauseCancelsOnlyTheRecordedIdsNotEveryDeadlineOfTheOrder() {
        fixture.givenCurrentTime(START)
                .andGivenCommands(jointTask(), new AcceptDispatchOrder(ORDER, SQUAD, null, LATER),
                        new RequestExtension(ORDER, SQUAD, "owner abroad", EXTENDED, null, LATER))
                .andGiven(approved(MetaData.with(OrderClock.WARNING_SCHEDULE, "warning-recorded")
                        .and(OrderClock.OVERDUE_SCHEDULE, "overdue-recorded")))
                .when(new PauseDispatchOrderClock(ORDER, LATER))
                .expectScheduledDeadlineWithName(WARNING, DispatchOrder.WARNING_DEADLINE)
                .expectScheduledDeadlineWithName(DEADLINE, DispatchOrder.OVERDUE_DEADLINE);
    }

    /** An approval stored before the ids were recorded: its deadlines can only be found by the order's scope. */
    @Test
    void deadlinesScheduledBeforeTheIdsWereRecordedAreCancelledWithinTheOrdersScope() {
        fixture.givenCurrentTime(START)
                .andGivenCommands(jointTask(), new AcceptDispatchOrder(ORDER, SQUAD, null, LATER),
                        new RequestExtension(ORDER, SQUAD, "owner abroad", EXTENDED, null, LATER))
                .andGiven(approved(MetaData.emptyInstance()))
                .when(new PauseDispatchOrderClock(ORDER, LATER))
                .expectNoScheduledDeadlines();
    }

    @Test
    void anExtensionCancelsTheOldDeadlinesAndRecordsTheNewOnes() {
        AtomicReference<MetaData> recorded = new AtomicReference<>();
        fixture.givenCurrentTime(START)
                .andGivenCommands(jointTask(), new AcceptDispatchOrder(ORDER, SQUAD, null, LATER),
                        new RequestExtension(ORDER, SQUAD, "owner abroad", EXTENDED, null, LATER))
                .when(new ApproveExtension(ORDER, "street-centre-huayang", null, LATER))
                .expectEventsMatching(listWithAnyOf(approvalRecording(recorded)))
                .expectNoScheduledDeadlineWithName(WARNING, DispatchOrder.WARNING_DEADLINE)
                .expectNoScheduledDeadlineWithName(DEADLINE, DispatchOrder.OVERDUE_DEADLINE)
                .expectScheduledDeadlineMatching(EXTENDED, withIdentifier(() -> recorded.get().get(OrderClock.OVERDUE_SCHEDULE)));
    }

    /** Cancelling by scope after scheduling would take the new clock's deadlines too: the old go first. */
    @Test
    void anExtensionOfAnOrderWithDeadlinesFromBeforeTheIdsKeepsItsNewDeadlines() {
        Instant further = EXTENDED.plus(Duration.ofDays(2));
        fixture.givenCurrentTime(START)
                .andGivenCommands(jointTask(), new AcceptDispatchOrder(ORDER, SQUAD, null, LATER),
                        new RequestExtension(ORDER, SQUAD, "owner abroad", EXTENDED, null, LATER))
                .andGiven(approved(MetaData.emptyInstance()),
                        new DispatchOrderExtensionRequested(ORDER, CASE, SQUAD, "still abroad", further, LATER))
                .when(new ApproveExtensionAtDistrict(ORDER, "district-centre", null, LATER))
                .expectScheduledDeadlineWithName(further, DispatchOrder.OVERDUE_DEADLINE)
                .expectNoScheduledDeadlineWithName(DEADLINE, DispatchOrder.OVERDUE_DEADLINE);
    }

    @Test
    void aWithdrawalCancelsTheRecordedDeadlines() {
        fixture.givenCurrentTime(START)
                .andGivenCommands(jointTask())
                .when(new WithdrawDispatchOrder(ORDER, WithdrawalReason.CASE_REJECTED, LATER))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aCompletionCancelsTheRecordedDeadlines() {
        fixture.givenCurrentTime(START)
                .andGivenCommands(singleAgency(EscalationLevel.STREET), new AcceptDispatchOrder(ORDER, TEAM, null, LATER))
                .when(new ReportHandling(ORDER, TEAM, "RESOLVED", null, List.of(), null, LATER))
                .expectSuccessfulHandlerExecution()
                .expectNoScheduledDeadlines();
    }

    private static EventMessage<?> approved(MetaData metaData) {
        return GenericEventMessage.asEventMessage(new DispatchOrderExtensionApproved(ORDER, CASE, "street-centre-huayang",
                DEADLINE, EXTENDED, EXTENDED.minus(Duration.ofHours(4)), LATER)).andMetaData(metaData);
    }

    private static Matcher<EventMessage<?>> timerStartedRecording(AtomicReference<MetaData> recorded) {
        return recording(DispatchOrderTimerStarted.class, recorded);
    }

    private static Matcher<EventMessage<?>> approvalRecording(AtomicReference<MetaData> recorded) {
        return recording(DispatchOrderExtensionApproved.class, recorded);
    }

    /** Matches the event of that type whose metadata carries both schedule ids, and keeps that metadata. */
    private static Matcher<EventMessage<?>> recording(Class<?> type, AtomicReference<MetaData> recorded) {
        return new org.hamcrest.TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(EventMessage<?> event) {
                MetaData metaData = event.getMetaData();
                if (type.isInstance(event.getPayload()) && metaData.get(OrderClock.WARNING_SCHEDULE) instanceof String
                        && metaData.get(OrderClock.OVERDUE_SCHEDULE) instanceof String) {
                    recorded.set(metaData);
                    return true;
                }
                return false;
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText(type.getSimpleName() + " recording both schedule ids in its metadata");
            }
        };
    }

    private static Matcher<DeadlineMessage<?>> withIdentifier(java.util.function.Supplier<Object> id) {
        return new org.hamcrest.TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(DeadlineMessage<?> deadline) {
                return deadline.getIdentifier().equals(id.get());
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText("a deadline whose schedule id is the one recorded");
            }
        };
    }
}
