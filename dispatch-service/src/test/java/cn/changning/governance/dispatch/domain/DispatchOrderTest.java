package cn.changning.governance.dispatch.domain;

import cn.changning.governance.common.domain.DomainRuleViolation;
import cn.changning.governance.contracts.dispatch.AgencyRole;
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
import cn.changning.governance.contracts.dispatch.EscalationLevel;
import cn.changning.governance.contracts.dispatch.ReturnReason;
import cn.changning.governance.dispatch.domain.DispatchCommands.AcceptDispatchOrder;
import cn.changning.governance.dispatch.domain.DispatchCommands.ApproveExtension;
import cn.changning.governance.dispatch.domain.DispatchCommands.ConfirmAssistance;
import cn.changning.governance.dispatch.domain.DispatchCommands.IssueDispatchOrder;
import cn.changning.governance.dispatch.domain.DispatchCommands.ReassignDispatchOrder;
import cn.changning.governance.dispatch.domain.DispatchCommands.RefuseExtension;
import cn.changning.governance.dispatch.domain.DispatchCommands.ReissueDispatchOrder;
import cn.changning.governance.dispatch.domain.DispatchCommands.ReportHandling;
import cn.changning.governance.dispatch.domain.DispatchCommands.RequestExtension;
import cn.changning.governance.dispatch.domain.DispatchCommands.ReturnDispatchOrder;
import cn.changning.governance.dispatch.domain.DispatchCommands.ReworkPlan;
import cn.changning.governance.dispatch.domain.DispatchCommands.SendBackForRework;
import cn.changning.governance.reference.agencies.AgencyDirectory;
import cn.changning.governance.reference.calendar.RoundDeadlines;
import cn.changning.governance.reference.calendar.WorkingCalendar;
import cn.changning.governance.reference.geography.Geography;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of a dispatch order, given-when-then. Times are on the real working calendar: the order starts on
 * Monday 23 November 2026 at 09:00 in Shanghai and is due one working day later, Tuesday 09:00; 80% of those
 * eight working hours falls at Monday 16:24.
 */
class DispatchOrderTest {

    static final String ORDER = "case-1-r0";
    static final String CASE = "case-1";
    static final String STREET = "310105001";
    static final String SQUAD = STREET + "-squad";
    static final String POLICE = STREET + "-police";
    static final String MARKET = STREET + "-market";
    static final String TEAM = STREET + "-street-team";
    static final Instant START = Instant.parse("2026-11-23T01:00:00Z");
    static final Instant DEADLINE = Instant.parse("2026-11-24T01:00:00Z");
    static final Instant WARNING = Instant.parse("2026-11-23T08:24:00Z");
    static final Instant LATER = START.plus(Duration.ofHours(1));

    static final WorkingCalendar CALENDAR = WorkingCalendar.load();
    static final AgencyDirectory AGENCIES = AgencyDirectory.load(Geography.load());

    AggregateTestFixture<DispatchOrder> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DispatchOrder.class);
        register(fixture, ReturnRules.DEFAULT_RETURNS_BEFORE_ARBITRATION);
    }

    /** The resources the order's handlers take: the planner, the round rule, the agencies, the return rules. */
    static AggregateTestFixture<DispatchOrder> register(AggregateTestFixture<DispatchOrder> fixture, int returnsBeforeArbitration) {
        fixture.registerInjectableResource(new WorkingTimeDeadlines(CALENDAR));
        fixture.registerInjectableResource(new RoundDeadlines(CALENDAR));
        fixture.registerInjectableResource(AGENCIES);
        fixture.registerInjectableResource(new ReturnRules(returnsBeforeArbitration));
        return fixture;
    }

    static IssueDispatchOrder jointTask() {
        return new IssueDispatchOrder(ORDER, CASE, 0, "1501", "EVENT", "B", true, "310105001000001", STREET,
                SQUAD, "CITY_MANAGEMENT_SQUAD", List.of(POLICE), List.of("POLICE_STATION"),
                EscalationLevel.STREET, START, DEADLINE, START);
    }

    static IssueDispatchOrder singleAgency(EscalationLevel followedUpBy) {
        return new IssueDispatchOrder(ORDER, CASE, 0, "1101", "EVENT", "A", false, "310105001000001", STREET,
                TEAM, "STREET_TEAM", List.of(), List.of(), followedUpBy, START, DEADLINE, START);
    }

    static List<Object> issuedJointTask() {
        return List.of(
                new DispatchOrderIssued(ORDER, CASE, 0, SQUAD, List.of(POLICE), STREET, DEADLINE, START),
                new DispatchOrderRouted(ORDER, CASE, 0, "1501", "EVENT", "B", true, "310105001000001", STREET,
                        "CITY_MANAGEMENT_SQUAD", List.of("POLICE_STATION"), true, EscalationLevel.STREET),
                new DispatchOrderTimerStarted(ORDER, CASE, START, WARNING, DEADLINE));
    }

    static List<Object> issuedToStreetTeam() {
        return List.of(
                new DispatchOrderIssued(ORDER, CASE, 0, TEAM, List.of(), STREET, DEADLINE, START),
                new DispatchOrderRouted(ORDER, CASE, 0, "1101", "EVENT", "A", false, "310105001000001", STREET,
                        "STREET_TEAM", List.of(), false, EscalationLevel.STREET),
                new DispatchOrderTimerStarted(ORDER, CASE, START, WARNING, DEADLINE));
    }

    static Matcher<DomainRuleViolation> violation(String code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(DomainRuleViolation item) {
                return item.code().equals(code);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a DomainRuleViolation with code " + code);
            }
        };
    }

    static Matcher<DomainRuleViolation> invalidField(String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(DomainRuleViolation item) {
                return item.kind() == DomainRuleViolation.Kind.INVALID_INPUT && field.equals(item.field());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("an invalid-input DomainRuleViolation on field " + field);
            }
        };
    }

    @Nested
    class Issuing {

        @Test
        void aJointTaskGoesToTheLeadAndItsAssistantsWithItsClockRunning() {
            fixture.givenCurrentTime(START)
                    .when(jointTask())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(issuedJointTask().toArray())
                    .expectScheduledDeadlineWithName(WARNING, DispatchOrder.WARNING_DEADLINE)
                    .expectScheduledDeadlineWithName(DEADLINE, DispatchOrder.OVERDUE_DEADLINE);
        }

        @Test
        void theLeadCannotAlsoAssist() {
            IssueDispatchOrder c = jointTask();
            fixture.givenNoPriorActivity()
                    .when(new IssueDispatchOrder(c.orderId(), c.caseId(), 0, c.itemCode(), c.itemClass(), c.handlingType(), true,
                            c.gridCode(), STREET, SQUAD, "CITY_MANAGEMENT_SQUAD", List.of(SQUAD), List.of("CITY_MANAGEMENT_SQUAD"),
                            EscalationLevel.STREET, START, DEADLINE, START))
                    .expectException(invalidField("assistingAgencyIds"))
                    .expectNoEvents();
        }
    }

    @Nested
    class AcceptingAndReturning {

        @Test
        void theLeadAcceptsAndLearnsTheNewVersion() {
            fixture.given(issuedJointTask())
                    .when(new AcceptDispatchOrder(ORDER, SQUAD, 2L, LATER))
                    .expectEvents(new DispatchOrderAccepted(ORDER, CASE, SQUAD, AgencyRole.LEAD, LATER))
                    .expectResultMessagePayload(3L);
        }

        @Test
        void acceptingTwiceIsRefused() {
            fixture.given(issuedJointTask())
                    .andGiven(new DispatchOrderAccepted(ORDER, CASE, SQUAD, AgencyRole.LEAD, LATER))
                    .when(new AcceptDispatchOrder(ORDER, SQUAD, null, LATER))
                    .expectException(violation("already-accepted"))
                    .expectNoEvents();
        }

        @Test
        void aStaleIfMatchVersionIsAConflict() {
            fixture.given(issuedJointTask())
                    .andGiven(new DispatchOrderAccepted(ORDER, CASE, SQUAD, AgencyRole.LEAD, LATER))
                    .when(new AcceptDispatchOrder(ORDER, POLICE, 2L, LATER))
                    .expectException(ConflictingAggregateVersionException.class);
        }

        @Test
        void anAgencyWithoutAPartCannotAct() {
            fixture.given(issuedJointTask())
                    .when(new AcceptDispatchOrder(ORDER, MARKET, null, LATER))
                    .expectException(invalidField("agencyId"))
                    .expectNoEvents();
        }

        @Test
        void aReturnNeedsAReason() {
            fixture.given(issuedJointTask())
                    .when(new ReturnDispatchOrder(ORDER, POLICE, null, "not ours", null, LATER))
                    .expectException(invalidField("reason"));
        }

        @Test
        void anAssistantReturnsItsPartWithAReason() {
            fixture.given(issuedJointTask())
                    .when(new ReturnDispatchOrder(ORDER, POLICE, ReturnReason.WRONG_AGENCY, "a market matter", null, LATER))
                    .expectEvents(new DispatchOrderReturned(ORDER, CASE, POLICE, AgencyRole.ASSIST, ReturnReason.WRONG_AGENCY,
                            "a market matter", 1, LATER));
        }

        @Test
        void anAcceptedPartCannotBeReturned() {
            fixture.given(issuedJointTask())
                    .andGiven(new DispatchOrderAccepted(ORDER, CASE, SQUAD, AgencyRole.LEAD, LATER))
                    .when(new ReturnDispatchOrder(ORDER, SQUAD, ReturnReason.OUTSIDE_REMIT, null, null, LATER))
                    .expectException(violation("already-accepted"));
        }

        @Test
        void returningTwiceIsRefused() {
            fixture.given(issuedJointTask())
                    .andGiven(new DispatchOrderReturned(ORDER, CASE, POLICE, AgencyRole.ASSIST, ReturnReason.WRONG_AGENCY, null, 1, LATER))
                    .when(new ReturnDispatchOrder(ORDER, POLICE, ReturnReason.WRONG_AGENCY, null, null, LATER))
                    .expectException(violation("already-returned"));
        }

        @Test
        void aReturnedPartCannotBeAcceptedBeforeArbitration() {
            fixture.given(issuedJointTask())
                    .andGiven(new DispatchOrderReturned(ORDER, CASE, POLICE, AgencyRole.ASSIST, ReturnReason.WRONG_AGENCY, null, 1, LATER))
                    .when(new AcceptDispatchOrder(ORDER, POLICE, null, LATER))
                    .expectException(violation("awaiting-arbitration"));
        }
    }

    @Nested
    class Arbitration {

        final DispatchOrderReturned policeReturned =
                new DispatchOrderReturned(ORDER, CASE, POLICE, AgencyRole.ASSIST, ReturnReason.WRONG_AGENCY, null, 1, LATER);

        @Test
        void theStreetReassignsAReturnedPartToAnotherAgency() {
            fixture.given(issuedJointTask()).andGiven(policeReturned)
                    .when(new ReassignDispatchOrder(ORDER, POLICE, MARKET, "street-centre-huayang", "stalls: market office", null, LATER))
                    .expectEvents(new DispatchOrderReassigned(ORDER, CASE, POLICE, MARKET, AgencyRole.ASSIST,
                            "street-centre-huayang", "stalls: market office", LATER));
        }

        @Test
        void afterReassignmentTheNewAgencyAcceptsAndTheOldOneHasNoPart() {
            fixture.given(issuedJointTask()).andGiven(policeReturned,
                            new DispatchOrderReassigned(ORDER, CASE, POLICE, MARKET, AgencyRole.ASSIST, "centre", null, LATER))
                    .when(new AcceptDispatchOrder(ORDER, MARKET, null, LATER))
                    .expectEvents(new DispatchOrderAccepted(ORDER, CASE, MARKET, AgencyRole.ASSIST, LATER));
            fixture.given(issuedJointTask()).andGiven(policeReturned,
                            new DispatchOrderReassigned(ORDER, CASE, POLICE, MARKET, AgencyRole.ASSIST, "centre", null, LATER))
                    .when(new AcceptDispatchOrder(ORDER, POLICE, null, LATER))
                    .expectException(violation("agency-not-on-order"));
        }

        @Test
        void aReassignedLeadBecomesTheLead() {
            fixture.given(issuedToStreetTeam())
                    .andGiven(new DispatchOrderReturned(ORDER, CASE, TEAM, AgencyRole.LEAD, ReturnReason.OUTSIDE_REMIT, null, 1, LATER),
                            new DispatchOrderReassigned(ORDER, CASE, TEAM, SQUAD, AgencyRole.LEAD, "centre", null, LATER),
                            new DispatchOrderAccepted(ORDER, CASE, SQUAD, AgencyRole.LEAD, LATER))
                    .when(new ReportHandling(ORDER, SQUAD, "RESOLVED", "cleared", List.of(), null, LATER))
                    .expectEvents(new DispatchOrderHandlingReported(ORDER, CASE, SQUAD, "RESOLVED", "cleared", List.of(), LATER),
                            new DispatchOrderHandled(ORDER, CASE, 0, SQUAD, "RESOLVED", "cleared", List.of(), true, LATER));
        }

        @Test
        void theStreetCannotArbitrateWhatWasNotReturned() {
            fixture.given(issuedJointTask())
                    .when(new ReassignDispatchOrder(ORDER, POLICE, MARKET, "centre", null, null, LATER))
                    .expectException(violation("no-return-to-arbitrate"));
        }

        @Test
        void reassigningToTheSameOrAnInvolvedAgencyIsRefused() {
            fixture.given(issuedJointTask()).andGiven(policeReturned)
                    .when(new ReassignDispatchOrder(ORDER, POLICE, POLICE, "centre", null, null, LATER))
                    .expectException(invalidField("toAgencyId"));
            fixture.given(issuedJointTask()).andGiven(policeReturned)
                    .when(new ReassignDispatchOrder(ORDER, POLICE, SQUAD, "centre", null, null, LATER))
                    .expectException(violation("agency-already-on-order"));
        }

        @Test
        void upholdingTheDispatchReissuesWithTheOriginalDeadline() {
            fixture.given(issuedJointTask()).andGiven(policeReturned)
                    .when(new ReissueDispatchOrder(ORDER, POLICE, "centre", "public order is yours", null, LATER))
                    .expectEvents(new DispatchOrderReissued(ORDER, CASE, POLICE, AgencyRole.ASSIST, "centre",
                            "public order is yours", DEADLINE, LATER));
        }
    }

    @Nested
    class Handling {

        @Test
        void handlingAReturnedOrderIsRefused() {
            fixture.given(issuedToStreetTeam())
                    .andGiven(new DispatchOrderReturned(ORDER, CASE, TEAM, AgencyRole.LEAD, ReturnReason.OUTSIDE_REMIT, null, 1, LATER))
                    .when(new ReportHandling(ORDER, TEAM, "RESOLVED", null, List.of(), null, LATER))
                    .expectException(violation("awaiting-arbitration"))
                    .expectNoEvents();
        }

        @Test
        void reportingBeforeAcceptingIsRefused() {
            fixture.given(issuedToStreetTeam())
                    .when(new ReportHandling(ORDER, TEAM, "RESOLVED", null, List.of(), null, LATER))
                    .expectException(violation("not-accepted"));
        }

        @Test
        void aSingleAgencyReportHandlesTheOrderAndStopsTheClock() {
            fixture.givenCurrentTime(START)
                    .andGivenCommands(singleAgency(EscalationLevel.STREET), new AcceptDispatchOrder(ORDER, TEAM, null, LATER))
                    .when(new ReportHandling(ORDER, TEAM, "RESOLVED", "swept", List.of("https://img.example/1.jpg"), null, LATER))
                    .expectEvents(new DispatchOrderHandlingReported(ORDER, CASE, TEAM, "RESOLVED", "swept",
                                    List.of("https://img.example/1.jpg"), LATER),
                            new DispatchOrderHandled(ORDER, CASE, 0, TEAM, "RESOLVED", "swept",
                                    List.of("https://img.example/1.jpg"), true, LATER))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void aReportAfterTheDeadlineIsLate() {
            Instant late = DEADLINE.plusSeconds(60);
            fixture.given(issuedToStreetTeam())
                    .andGiven(new DispatchOrderAccepted(ORDER, CASE, TEAM, AgencyRole.LEAD, LATER))
                    .when(new ReportHandling(ORDER, TEAM, "RESOLVED", null, List.of(), null, late))
                    .expectEvents(new DispatchOrderHandlingReported(ORDER, CASE, TEAM, "RESOLVED", null, List.of(), late),
                            new DispatchOrderHandled(ORDER, CASE, 0, TEAM, "RESOLVED", null, List.of(), false, late));
        }

        @Test
        void badResultAndPhotoUrlsNameTheField() {
            fixture.given(issuedToStreetTeam())
                    .andGiven(new DispatchOrderAccepted(ORDER, CASE, TEAM, AgencyRole.LEAD, LATER))
                    .when(new ReportHandling(ORDER, TEAM, "DONE-ISH", null, List.of(), null, LATER))
                    .expectException(invalidField("result"));
            fixture.given(issuedToStreetTeam())
                    .andGiven(new DispatchOrderAccepted(ORDER, CASE, TEAM, AgencyRole.LEAD, LATER))
                    .when(new ReportHandling(ORDER, TEAM, "RESOLVED", null, List.of("https://ok.example/a.jpg", "file:///etc/passwd"), null, LATER))
                    .expectException(invalidField("photoUrls[1]"));
        }

        @Test
        void aHandledOrderTakesNoMoreActions() {
            fixture.given(issuedToStreetTeam())
                    .andGiven(new DispatchOrderAccepted(ORDER, CASE, TEAM, AgencyRole.LEAD, LATER),
                            new DispatchOrderHandlingReported(ORDER, CASE, TEAM, "RESOLVED", null, List.of(), LATER),
                            new DispatchOrderHandled(ORDER, CASE, 0, TEAM, "RESOLVED", null, List.of(), true, LATER))
                    .when(new ReturnDispatchOrder(ORDER, TEAM, ReturnReason.OUTSIDE_REMIT, null, null, LATER))
                    .expectException(violation("order-handled"));
        }
    }

    @Nested
    class JointTask {

        final List<Object> bothAccepted = List.of(
                new DispatchOrderAccepted(ORDER, CASE, SQUAD, AgencyRole.LEAD, LATER),
                new DispatchOrderAccepted(ORDER, CASE, POLICE, AgencyRole.ASSIST, LATER));

        @Test
        void anAssistantConfirmingBeforeTheLeadReportsIsRefused() {
            fixture.given(issuedJointTask()).andGiven(bothAccepted)
                    .when(new ConfirmAssistance(ORDER, POLICE, "kept order", null, LATER))
                    .expectException(violation("lead-not-reported"))
                    .expectNoEvents();
        }

        @Test
        void theLeadsReportAloneDoesNotHandleAJointTask() {
            fixture.given(issuedJointTask()).andGiven(bothAccepted)
                    .when(new ReportHandling(ORDER, SQUAD, "RESOLVED", "stalls cleared", List.of(), null, LATER))
                    .expectEvents(new DispatchOrderHandlingReported(ORDER, CASE, SQUAD, "RESOLVED", "stalls cleared", List.of(), LATER));
        }

        @Test
        void theLastAssistantsConfirmationHandlesTheOrder() {
            fixture.given(issuedJointTask()).andGiven(bothAccepted)
                    .andGiven(new DispatchOrderHandlingReported(ORDER, CASE, SQUAD, "RESOLVED", "stalls cleared", List.of(), LATER))
                    .when(new ConfirmAssistance(ORDER, POLICE, "kept order", null, LATER))
                    .expectEvents(new DispatchOrderAssistanceConfirmed(ORDER, CASE, POLICE, "kept order", LATER),
                            new DispatchOrderHandled(ORDER, CASE, 0, SQUAD, "RESOLVED", "stalls cleared", List.of(), true, LATER));
        }

        @Test
        void rolesCannotBeSwapped() {
            fixture.given(issuedJointTask()).andGiven(bothAccepted)
                    .when(new ReportHandling(ORDER, POLICE, "RESOLVED", null, List.of(), null, LATER))
                    .expectException(violation("not-the-lead"));
            fixture.given(issuedJointTask()).andGiven(bothAccepted)
                    .andGiven(new DispatchOrderHandlingReported(ORDER, CASE, SQUAD, "RESOLVED", null, List.of(), LATER))
                    .when(new ConfirmAssistance(ORDER, SQUAD, null, null, LATER))
                    .expectException(violation("not-an-assistant"));
        }

        @Test
        void confirmingTwiceOrWithoutAcceptingIsRefused() {
            fixture.given(issuedJointTask())
                    .andGiven(new DispatchOrderAccepted(ORDER, CASE, SQUAD, AgencyRole.LEAD, LATER),
                            new DispatchOrderHandlingReported(ORDER, CASE, SQUAD, "RESOLVED", null, List.of(), LATER))
                    .when(new ConfirmAssistance(ORDER, POLICE, null, null, LATER))
                    .expectException(violation("not-accepted"));
        }
    }

    @Nested
    class Extensions {

        final Instant requested = Instant.parse("2026-11-26T01:00:00Z");

        @Test
        void theLeadAsksForMoreTime() {
            fixture.given(issuedJointTask())
                    .andGiven(new DispatchOrderAccepted(ORDER, CASE, SQUAD, AgencyRole.LEAD, LATER))
                    .when(new RequestExtension(ORDER, SQUAD, "owner abroad until Thursday", requested, null, LATER))
                    .expectEvents(new DispatchOrderExtensionRequested(ORDER, CASE, SQUAD, "owner abroad until Thursday", requested, LATER));
        }

        @Test
        void anExtensionMustMoveTheDeadlineLaterAndOnlyOneMayWait() {
            fixture.given(issuedJointTask())
                    .andGiven(new DispatchOrderAccepted(ORDER, CASE, SQUAD, AgencyRole.LEAD, LATER))
                    .when(new RequestExtension(ORDER, SQUAD, "reason", DEADLINE.minusSeconds(1), null, LATER))
                    .expectException(invalidField("requestedDeadline"));
            fixture.given(issuedJointTask())
                    .andGiven(new DispatchOrderAccepted(ORDER, CASE, SQUAD, AgencyRole.LEAD, LATER),
                            new DispatchOrderExtensionRequested(ORDER, CASE, SQUAD, "r", requested, LATER))
                    .when(new RequestExtension(ORDER, SQUAD, "again", requested.plusSeconds(3600), null, LATER))
                    .expectException(violation("extension-pending"));
        }

        @Test
        void approvalMovesTheDeadlineAndReschedulesTheClock() {
            // Monday 09:00 to Thursday 09:00 is 24 working hours; 80% (19.2 h) falls on Wednesday at 13:12 (after the lunch break).
            Instant newWarning = Instant.parse("2026-11-25T05:12:00Z");
            fixture.givenCurrentTime(START)
                    .andGivenCommands(jointTask(), new AcceptDispatchOrder(ORDER, SQUAD, null, LATER),
                            new RequestExtension(ORDER, SQUAD, "owner abroad", requested, null, LATER))
                    .when(new ApproveExtension(ORDER, "street-centre-huayang", null, LATER))
                    .expectEvents(new DispatchOrderExtensionApproved(ORDER, CASE, "street-centre-huayang", DEADLINE, requested,
                            newWarning, LATER))
                    .expectScheduledDeadlineWithName(newWarning, DispatchOrder.WARNING_DEADLINE)
                    .expectScheduledDeadlineWithName(requested, DispatchOrder.OVERDUE_DEADLINE)
                    .expectNoScheduledDeadlineWithName(DEADLINE, DispatchOrder.OVERDUE_DEADLINE)
                    .expectNoScheduledDeadlineWithName(WARNING, DispatchOrder.WARNING_DEADLINE);
        }

        @Test
        void theStreetRefusesAndTheDeadlineStands() {
            fixture.given(issuedJointTask())
                    .andGiven(new DispatchOrderAccepted(ORDER, CASE, SQUAD, AgencyRole.LEAD, LATER),
                            new DispatchOrderExtensionRequested(ORDER, CASE, SQUAD, "r", requested, LATER))
                    .when(new RefuseExtension(ORDER, "centre", "the stall blocks a fire lane", null, LATER))
                    .expectEvents(new DispatchOrderExtensionRefused(ORDER, CASE, "centre", "the stall blocks a fire lane", LATER));
        }

        @Test
        void decidingWithoutARequestIsRefused() {
            fixture.given(issuedJointTask())
                    .when(new ApproveExtension(ORDER, "centre", null, LATER))
                    .expectException(violation("no-extension-pending"));
        }
    }

    @Nested
    class Deadlines {

        @Test
        void warningOverdueAndEscalationFireOnceEach() {
            fixture.givenCurrentTime(START)
                    .andGivenCommands(jointTask())
                    .whenTimeAdvancesTo(DEADLINE.plus(Duration.ofDays(3)))
                    .expectEvents(new DispatchOrderDueSoon(ORDER, CASE, SQUAD, DEADLINE, WARNING),
                            new DispatchOrderOverdue(ORDER, CASE, SQUAD, DEADLINE, DEADLINE),
                            new DispatchOrderEscalated(ORDER, CASE, SQUAD, EscalationLevel.STREET, EscalationLevel.DISTRICT, DEADLINE))
                    .expectTriggeredDeadlinesWithName(DispatchOrder.WARNING_DEADLINE, DispatchOrder.OVERDUE_DEADLINE)
                    .expectNoScheduledDeadlines();
        }

        @Test
        void beforeEightyPercentNothingFires() {
            fixture.givenCurrentTime(START)
                    .andGivenCommands(jointTask())
                    .whenTimeAdvancesTo(WARNING.minusSeconds(1))
                    .expectNoEvents()
                    .expectScheduledDeadlineWithName(WARNING, DispatchOrder.WARNING_DEADLINE);
        }

        @Test
        void theWarningAloneFiresAtEightyPercent() {
            fixture.givenCurrentTime(START)
                    .andGivenCommands(jointTask())
                    .whenTimeAdvancesTo(WARNING)
                    .expectEvents(new DispatchOrderDueSoon(ORDER, CASE, SQUAD, DEADLINE, WARNING))
                    .expectScheduledDeadlineWithName(DEADLINE, DispatchOrder.OVERDUE_DEADLINE);
        }

        @Test
        void anOrderFollowedUpByTheDistrictFromTheStartIsNotEscalatedAgain() {
            fixture.givenCurrentTime(START)
                    .andGivenCommands(singleAgency(EscalationLevel.DISTRICT))
                    .whenTimeAdvancesTo(DEADLINE)
                    .expectEvents(new DispatchOrderDueSoon(ORDER, CASE, TEAM, DEADLINE, WARNING),
                            new DispatchOrderOverdue(ORDER, CASE, TEAM, DEADLINE, DEADLINE));
        }

        @Test
        void aHandledOrderRaisesNoWarningOrOverdue() {
            fixture.givenCurrentTime(START)
                    .andGivenCommands(singleAgency(EscalationLevel.STREET), new AcceptDispatchOrder(ORDER, TEAM, null, LATER),
                            new ReportHandling(ORDER, TEAM, "RESOLVED", null, List.of(), null, LATER))
                    .whenTimeAdvancesTo(DEADLINE.plus(Duration.ofDays(1)))
                    .expectNoEvents();
        }

        @Test
        void afterAnExtensionOnlyTheNewClockFires() {
            Instant requested = Instant.parse("2026-11-26T01:00:00Z");
            fixture.givenCurrentTime(START)
                    .andGivenCommands(jointTask(), new AcceptDispatchOrder(ORDER, SQUAD, null, LATER),
                            new RequestExtension(ORDER, SQUAD, "owner abroad", requested, null, LATER),
                            new ApproveExtension(ORDER, "centre", null, LATER))
                    .whenTimeAdvancesTo(DEADLINE.plus(Duration.ofHours(1)))
                    .expectNoEvents();
        }
    }

    @Nested
    class Rework {

        List<Object> handled() {
            return List.of(new DispatchOrderAccepted(ORDER, CASE, SQUAD, AgencyRole.LEAD, LATER),
                    new DispatchOrderAccepted(ORDER, CASE, POLICE, AgencyRole.ASSIST, LATER),
                    new DispatchOrderHandlingReported(ORDER, CASE, SQUAD, "RESOLVED", null, List.of(), LATER),
                    new DispatchOrderAssistanceConfirmed(ORDER, CASE, POLICE, null, LATER),
                    new DispatchOrderHandled(ORDER, CASE, 0, SQUAD, "RESOLVED", null, List.of(), true, LATER));
        }

        final Instant sentBack = DEADLINE.plus(Duration.ofHours(2));

        @Test
        void theCaseComesBackAndThePlanKeepsTheLead() {
            fixture.given(issuedJointTask()).andGiven(handled())
                    .when(new SendBackForRework(ORDER, 1, "stalls back the next morning", sentBack))
                    .expectEvents(new DispatchOrderSentBackForRework(ORDER, CASE, 0, 1, SQUAD, "stalls back the next morning", sentBack))
                    .expectResultMessagePayloadMatching(new TypeSafeMatcher<ReworkPlan>() {
                        @Override
                        protected boolean matchesSafely(ReworkPlan plan) {
                            return plan.leadAgencyId().equals(SQUAD) && plan.assistingAgencyIds().equals(List.of(POLICE))
                                    && plan.round() == 1 && plan.originalDeadline().equals(DEADLINE)
                                    && plan.originalStartedAt().equals(START) && plan.itemCode().equals("1501");
                        }

                        @Override
                        public void describeTo(Description description) {
                            description.appendText("a plan for round 1 to the squad with the police assisting");
                        }
                    });
        }

        @Test
        void aRedeliveredReworkChangesNothing() {
            fixture.given(issuedJointTask()).andGiven(handled())
                    .andGiven(new DispatchOrderSentBackForRework(ORDER, CASE, 0, 1, SQUAD, "r", sentBack))
                    .when(new SendBackForRework(ORDER, 1, "r", sentBack))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void anUnhandledOrderOrAWrongRoundCannotBeReworked() {
            fixture.given(issuedJointTask())
                    .when(new SendBackForRework(ORDER, 1, "r", sentBack))
                    .expectException(violation("not-handled"));
            fixture.given(issuedJointTask()).andGiven(handled())
                    .when(new SendBackForRework(ORDER, 3, "r", sentBack))
                    .expectException(invalidField("reworkRound"));
        }

        @Test
        void aReworkedOrderTakesNoMoreActions() {
            fixture.given(issuedJointTask()).andGiven(handled())
                    .andGiven(new DispatchOrderSentBackForRework(ORDER, CASE, 0, 1, SQUAD, "r", sentBack))
                    .when(new RequestExtension(ORDER, SQUAD, "r", sentBack.plusSeconds(99999), null, LATER))
                    .expectException(violation("order-handled"));
        }
    }

    @Test
    void orderIdsDeriveFromCaseAndRound() {
        assertThat(DispatchOrderIds.of("c-9", 2)).isEqualTo("c-9-r2");
        assertThat(DispatchOrderIds.of("c-9", 0)).isNotEqualTo(DispatchOrderIds.of("c-9", 1));
    }
}
