package cn.changning.governance.dispatch.domain;

import cn.changning.governance.contracts.dispatch.AgencyRole;
import cn.changning.governance.contracts.dispatch.DispatchOrderAccepted;
import cn.changning.governance.contracts.dispatch.DispatchOrderClockPaused;
import cn.changning.governance.contracts.dispatch.DispatchOrderClockResumed;
import cn.changning.governance.contracts.dispatch.DispatchOrderDueSoon;
import cn.changning.governance.contracts.dispatch.DispatchOrderEscalated;
import cn.changning.governance.contracts.dispatch.DispatchOrderHandled;
import cn.changning.governance.contracts.dispatch.DispatchOrderHandlingReported;
import cn.changning.governance.contracts.dispatch.DispatchOrderOverdue;
import cn.changning.governance.contracts.dispatch.DispatchOrderSentBackForRework;
import cn.changning.governance.contracts.dispatch.DispatchOrderWithdrawn;
import cn.changning.governance.contracts.dispatch.EscalationLevel;
import cn.changning.governance.contracts.dispatch.ReturnReason;
import cn.changning.governance.contracts.dispatch.WithdrawalReason;
import cn.changning.governance.dispatch.domain.DispatchCommands.AcceptDispatchOrder;
import cn.changning.governance.dispatch.domain.DispatchCommands.ApproveExtension;
import cn.changning.governance.dispatch.domain.DispatchCommands.PauseDispatchOrderClock;
import cn.changning.governance.dispatch.domain.DispatchCommands.ReportHandling;
import cn.changning.governance.dispatch.domain.DispatchCommands.ResumeDispatchOrderClock;
import cn.changning.governance.dispatch.domain.DispatchCommands.ReturnDispatchOrder;
import cn.changning.governance.dispatch.domain.DispatchCommands.WithdrawDispatchOrder;
import cn.changning.governance.contracts.dispatch.DispatchOrderExtensionRequested;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static cn.changning.governance.dispatch.domain.DispatchOrderTest.CASE;
import static cn.changning.governance.dispatch.domain.DispatchOrderTest.DEADLINE;
import static cn.changning.governance.dispatch.domain.DispatchOrderTest.LATER;
import static cn.changning.governance.dispatch.domain.DispatchOrderTest.ORDER;
import static cn.changning.governance.dispatch.domain.DispatchOrderTest.SQUAD;
import static cn.changning.governance.dispatch.domain.DispatchOrderTest.START;
import static cn.changning.governance.dispatch.domain.DispatchOrderTest.TEAM;
import static cn.changning.governance.dispatch.domain.DispatchOrderTest.WARNING;
import static cn.changning.governance.dispatch.domain.DispatchOrderTest.issuedJointTask;
import static cn.changning.governance.dispatch.domain.DispatchOrderTest.issuedToStreetTeam;
import static cn.changning.governance.dispatch.domain.DispatchOrderTest.jointTask;
import static cn.changning.governance.dispatch.domain.DispatchOrderTest.singleAgency;
import static cn.changning.governance.dispatch.domain.DispatchOrderTest.violation;

/**
 * The order while its case is on hold, and its withdrawal. Same calendar as {@link DispatchOrderTest}: Monday 09:00
 * to Tuesday 09:00 (Shanghai) is eight working hours (09:00-12:00, 13:00-18:00), the warning at Monday 16:24.
 */
class DispatchOrderHoldTest {

    /** Monday 10:00 to 11:00 in Shanghai: one working hour on hold. */
    static final Instant PAUSED = Instant.parse("2026-11-23T02:00:00Z");
    static final Instant RESUMED = Instant.parse("2026-11-23T03:00:00Z");
    /** Tuesday 09:00 and Monday 16:24, each moved on by that working hour. */
    static final Instant SHIFTED_DEADLINE = Instant.parse("2026-11-24T02:00:00Z");
    static final Instant SHIFTED_WARNING = Instant.parse("2026-11-23T09:24:00Z");

    AggregateTestFixture<DispatchOrder> fixture;

    @BeforeEach
    void setUp() {
        fixture = DispatchOrderTest.register(new AggregateTestFixture<>(DispatchOrder.class), ReturnRules.DEFAULT_RETURNS_BEFORE_ARBITRATION);
    }

    static DispatchOrderClockPaused paused(Instant at) {
        return new DispatchOrderClockPaused(ORDER, CASE, at);
    }

    static List<Object> handledByTheTeam() {
        return List.of(new DispatchOrderAccepted(ORDER, CASE, TEAM, AgencyRole.LEAD, LATER),
                new DispatchOrderHandlingReported(ORDER, CASE, TEAM, "RESOLVED", null, List.of(), LATER),
                new DispatchOrderHandled(ORDER, CASE, 0, TEAM, "RESOLVED", null, List.of(), true, LATER));
    }

    @Nested
    class Pausing {

        @Test
        void pausingStopsEveryTimer() {
            fixture.givenCurrentTime(START)
                    .andGivenCommands(jointTask())
                    .when(new PauseDispatchOrderClock(ORDER, PAUSED))
                    .expectEvents(paused(PAUSED))
                    .expectNoScheduledDeadlines();
        }

        /** What was wrong: a suspended case's order went overdue and was escalated to the district while on hold. */
        @Test
        void whileOnHoldNoWarningOverdueOrEscalationHappens() {
            fixture.givenCurrentTime(START)
                    .andGivenCommands(singleAgency(EscalationLevel.STREET), new PauseDispatchOrderClock(ORDER, PAUSED))
                    .whenTimeAdvancesTo(DEADLINE.plus(Duration.ofDays(3)))
                    .expectNoEvents();
        }

        @Test
        void aDeadlineThatFiresWhilePausedDoesNothing() {
            // The pause arrives as a bare event, so the deadlines scheduled at issue are still there and do fire.
            fixture.givenCurrentTime(START)
                    .andGivenCommands(singleAgency(EscalationLevel.STREET))
                    .andGiven(paused(PAUSED))
                    .whenTimeAdvancesTo(DEADLINE.plus(Duration.ofDays(1)))
                    .expectTriggeredDeadlinesWithName(DispatchOrder.WARNING_DEADLINE, DispatchOrder.OVERDUE_DEADLINE)
                    .expectNoEvents();
        }

        @Test
        void aRedeliveredPauseChangesNothing() {
            fixture.given(issuedJointTask()).andGiven(paused(PAUSED))
                    .when(new PauseDispatchOrderClock(ORDER, RESUMED))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void pausingAHandledOrderChangesNothing() {
            fixture.given(issuedToStreetTeam()).andGiven(handledByTheTeam())
                    .when(new PauseDispatchOrderClock(ORDER, PAUSED))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void pausingAReworkedOrWithdrawnOrderChangesNothing() {
            fixture.given(issuedToStreetTeam()).andGiven(handledByTheTeam())
                    .andGiven(new DispatchOrderSentBackForRework(ORDER, CASE, 0, 1, TEAM, "r", LATER))
                    .when(new PauseDispatchOrderClock(ORDER, PAUSED))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
            fixture.given(issuedToStreetTeam())
                    .andGiven(new DispatchOrderWithdrawn(ORDER, CASE, WithdrawalReason.CASE_REJECTED, LATER))
                    .when(new PauseDispatchOrderClock(ORDER, PAUSED))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void handlingWhilePausedIsOnTimeWhenThePauseCameBeforeTheDeadline() {
            Instant dayAfterTheDeadline = DEADLINE.plus(Duration.ofDays(1));
            fixture.given(issuedToStreetTeam())
                    .andGiven(new DispatchOrderAccepted(ORDER, CASE, TEAM, AgencyRole.LEAD, LATER), paused(PAUSED))
                    .when(new ReportHandling(ORDER, TEAM, "RESOLVED", null, List.of(), null, dayAfterTheDeadline))
                    .expectEvents(new DispatchOrderHandlingReported(ORDER, CASE, TEAM, "RESOLVED", null, List.of(), dayAfterTheDeadline),
                            new DispatchOrderHandled(ORDER, CASE, 0, TEAM, "RESOLVED", null, List.of(), true, dayAfterTheDeadline));
        }

        @Test
        void anExtensionIsNotDecidedWhileTheClockIsPaused() {
            fixture.given(issuedJointTask())
                    .andGiven(new DispatchOrderAccepted(ORDER, CASE, SQUAD, AgencyRole.LEAD, LATER),
                            new DispatchOrderExtensionRequested(ORDER, CASE, SQUAD, "r", DEADLINE.plus(Duration.ofDays(2)), LATER),
                            paused(PAUSED))
                    .when(new ApproveExtension(ORDER, "centre", null, RESUMED))
                    .expectException(violation("clock-paused"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Resuming {

        @Test
        void theClockContinuesWithTheWorkingTimeLeft() {
            fixture.givenCurrentTime(START)
                    .andGivenCommands(jointTask(), new PauseDispatchOrderClock(ORDER, PAUSED))
                    .when(new ResumeDispatchOrderClock(ORDER, RESUMED))
                    .expectEvents(new DispatchOrderClockResumed(ORDER, CASE, RESUMED, SHIFTED_WARNING, SHIFTED_DEADLINE))
                    .expectScheduledDeadlineWithName(SHIFTED_WARNING, DispatchOrder.WARNING_DEADLINE)
                    .expectScheduledDeadlineWithName(SHIFTED_DEADLINE, DispatchOrder.OVERDUE_DEADLINE);
        }

        @Test
        void afterTheHoldNothingIsOverdueAtTheOldDeadline() {
            fixture.givenCurrentTime(START)
                    .andGivenCommands(singleAgency(EscalationLevel.STREET), new PauseDispatchOrderClock(ORDER, PAUSED),
                            new ResumeDispatchOrderClock(ORDER, RESUMED))
                    .whenTimeAdvancesTo(SHIFTED_DEADLINE.minusSeconds(1))
                    .expectEvents(new DispatchOrderDueSoon(ORDER, CASE, TEAM, SHIFTED_DEADLINE, SHIFTED_WARNING));
        }

        /** What was wrong: resuming moved the case's deadline but not the order's. */
        @Test
        void afterTheHoldTheOrderGoesOverdueAndIsEscalatedAtTheShiftedDeadline() {
            fixture.givenCurrentTime(START)
                    .andGivenCommands(singleAgency(EscalationLevel.STREET), new PauseDispatchOrderClock(ORDER, PAUSED),
                            new ResumeDispatchOrderClock(ORDER, RESUMED))
                    .whenTimeAdvancesTo(SHIFTED_DEADLINE)
                    .expectEvents(new DispatchOrderDueSoon(ORDER, CASE, TEAM, SHIFTED_DEADLINE, SHIFTED_WARNING),
                            new DispatchOrderOverdue(ORDER, CASE, TEAM, SHIFTED_DEADLINE, SHIFTED_DEADLINE),
                            new DispatchOrderEscalated(ORDER, CASE, TEAM, EscalationLevel.STREET, EscalationLevel.DISTRICT, SHIFTED_DEADLINE));
        }

        @Test
        void aHoldOverTheNightCountsOnlyItsWorkingTime() {
            // Monday 17:00 to Tuesday 10:00: seventeen hours on the wall, two working hours (17-18 and 9-10).
            Instant mondayFive = Instant.parse("2026-11-23T09:00:00Z");
            Instant tuesdayTen = Instant.parse("2026-11-24T02:00:00Z");
            Instant tuesdayEleven = Instant.parse("2026-11-24T03:00:00Z");
            fixture.given(issuedToStreetTeam())
                    .andGiven(new DispatchOrderDueSoon(ORDER, CASE, TEAM, DEADLINE, WARNING), paused(mondayFive))
                    .when(new ResumeDispatchOrderClock(ORDER, tuesdayTen))
                    .expectEvents(new DispatchOrderClockResumed(ORDER, CASE, tuesdayTen, WARNING, tuesdayEleven))
                    .expectScheduledDeadlineWithName(tuesdayEleven, DispatchOrder.OVERDUE_DEADLINE)
                    .expectNoScheduledDeadlineWithName(WARNING, DispatchOrder.WARNING_DEADLINE);
        }

        @Test
        void anOrderOverdueBeforeTheHoldStaysOverdue() {
            Instant pausedLate = DEADLINE.plus(Duration.ofHours(1));
            Instant resumedLate = DEADLINE.plus(Duration.ofHours(3));
            fixture.given(issuedToStreetTeam())
                    .andGiven(new DispatchOrderDueSoon(ORDER, CASE, TEAM, DEADLINE, WARNING),
                            new DispatchOrderOverdue(ORDER, CASE, TEAM, DEADLINE, DEADLINE), paused(pausedLate))
                    .when(new ResumeDispatchOrderClock(ORDER, resumedLate))
                    .expectEvents(new DispatchOrderClockResumed(ORDER, CASE, resumedLate, WARNING, DEADLINE))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void resumingAnOrderThatIsNotPausedChangesNothing() {
            fixture.given(issuedJointTask())
                    .when(new ResumeDispatchOrderClock(ORDER, RESUMED))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
            fixture.given(issuedJointTask()).andGiven(paused(PAUSED),
                            new DispatchOrderClockResumed(ORDER, CASE, RESUMED, SHIFTED_WARNING, SHIFTED_DEADLINE))
                    .when(new ResumeDispatchOrderClock(ORDER, RESUMED))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }

    @Nested
    class Withdrawing {

        @Test
        void aRejectedCasesOrderIsWithdrawnWithItsReasonAndItsTimersCancelled() {
            fixture.givenCurrentTime(START)
                    .andGivenCommands(jointTask())
                    .when(new WithdrawDispatchOrder(ORDER, WithdrawalReason.CASE_REJECTED, LATER))
                    .expectEvents(new DispatchOrderWithdrawn(ORDER, CASE, WithdrawalReason.CASE_REJECTED, LATER))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void noAgencyCanActOnAWithdrawnOrder() {
            fixture.given(issuedJointTask())
                    .andGiven(new DispatchOrderWithdrawn(ORDER, CASE, WithdrawalReason.CASE_LINKED_AS_DUPLICATE, LATER))
                    .when(new AcceptDispatchOrder(ORDER, SQUAD, null, LATER))
                    .expectException(violation("order-withdrawn"))
                    .expectNoEvents();
            fixture.given(issuedJointTask())
                    .andGiven(new DispatchOrderWithdrawn(ORDER, CASE, WithdrawalReason.CASE_LINKED_AS_DUPLICATE, LATER))
                    .when(new ReturnDispatchOrder(ORDER, SQUAD, ReturnReason.WRONG_AGENCY, null, null, LATER))
                    .expectException(violation("order-withdrawn"));
        }

        @Test
        void aWithdrawnOrderRaisesNoWarningOrOverdue() {
            fixture.givenCurrentTime(START)
                    .andGivenCommands(singleAgency(EscalationLevel.STREET))
                    .andGiven(new DispatchOrderWithdrawn(ORDER, CASE, WithdrawalReason.CASE_REJECTED, LATER))
                    .whenTimeAdvancesTo(DEADLINE.plus(Duration.ofDays(1)))
                    .expectNoEvents();
        }

        @Test
        void withdrawingAHandledOrWithdrawnOrderChangesNothing() {
            fixture.given(issuedToStreetTeam()).andGiven(handledByTheTeam())
                    .when(new WithdrawDispatchOrder(ORDER, WithdrawalReason.CASE_REJECTED, LATER))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
            fixture.given(issuedToStreetTeam())
                    .andGiven(new DispatchOrderWithdrawn(ORDER, CASE, WithdrawalReason.CASE_REJECTED, LATER))
                    .when(new WithdrawDispatchOrder(ORDER, WithdrawalReason.CASE_LINKED_AS_DUPLICATE, LATER))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void withdrawingAReworkedOrderChangesNothing() {
            fixture.given(issuedToStreetTeam()).andGiven(handledByTheTeam())
                    .andGiven(new DispatchOrderSentBackForRework(ORDER, CASE, 0, 1, TEAM, "r", LATER))
                    .when(new WithdrawDispatchOrder(ORDER, WithdrawalReason.CASE_LINKED_AS_DUPLICATE, LATER))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }
}
