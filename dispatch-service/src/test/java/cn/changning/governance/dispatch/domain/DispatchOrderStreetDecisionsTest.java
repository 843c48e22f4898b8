package cn.changning.governance.dispatch.domain;

import cn.changning.governance.contracts.dispatch.AgencyRole;
import cn.changning.governance.contracts.dispatch.DispatchOrderAccepted;
import cn.changning.governance.contracts.dispatch.DispatchOrderArbitrated;
import cn.changning.governance.contracts.dispatch.DispatchOrderExtensionApproved;
import cn.changning.governance.contracts.dispatch.DispatchOrderExtensionRequested;
import cn.changning.governance.contracts.dispatch.DispatchOrderIssued;
import cn.changning.governance.contracts.dispatch.DispatchOrderReassigned;
import cn.changning.governance.contracts.dispatch.DispatchOrderReferredToArbitration;
import cn.changning.governance.contracts.dispatch.DispatchOrderReissued;
import cn.changning.governance.contracts.dispatch.DispatchOrderReturned;
import cn.changning.governance.contracts.dispatch.DispatchOrderRouted;
import cn.changning.governance.contracts.dispatch.DispatchOrderTimerStarted;
import cn.changning.governance.contracts.dispatch.EscalationLevel;
import cn.changning.governance.dispatch.domain.DispatchCommands.ApproveExtension;
import cn.changning.governance.dispatch.domain.DispatchCommands.ApproveExtensionAtDistrict;
import cn.changning.governance.dispatch.domain.DispatchCommands.ReassignDispatchOrder;
import cn.changning.governance.dispatch.domain.DispatchCommands.ReissueDispatchOrder;
import cn.changning.governance.dispatch.domain.DispatchCommands.ReturnDispatchOrder;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static cn.changning.governance.contracts.dispatch.ReturnReason.INSUFFICIENT_INFORMATION;
import static cn.changning.governance.contracts.dispatch.ReturnReason.OUTSIDE_REMIT;
import static cn.changning.governance.contracts.dispatch.ReturnReason.WRONG_AGENCY;
import static cn.changning.governance.dispatch.domain.DispatchOrderTest.CASE;
import static cn.changning.governance.dispatch.domain.DispatchOrderTest.DEADLINE;
import static cn.changning.governance.dispatch.domain.DispatchOrderTest.LATER;
import static cn.changning.governance.dispatch.domain.DispatchOrderTest.MARKET;
import static cn.changning.governance.dispatch.domain.DispatchOrderTest.ORDER;
import static cn.changning.governance.dispatch.domain.DispatchOrderTest.POLICE;
import static cn.changning.governance.dispatch.domain.DispatchOrderTest.SQUAD;
import static cn.changning.governance.dispatch.domain.DispatchOrderTest.START;
import static cn.changning.governance.dispatch.domain.DispatchOrderTest.STREET;
import static cn.changning.governance.dispatch.domain.DispatchOrderTest.TEAM;
import static cn.changning.governance.dispatch.domain.DispatchOrderTest.WARNING;
import static cn.changning.governance.dispatch.domain.DispatchOrderTest.invalidField;
import static cn.changning.governance.dispatch.domain.DispatchOrderTest.issuedJointTask;
import static cn.changning.governance.dispatch.domain.DispatchOrderTest.issuedToStreetTeam;
import static cn.changning.governance.dispatch.domain.DispatchOrderTest.violation;

/** The street's decisions on an order: binding arbitration after repeated returns, extensions, reassignment checks. */
class DispatchOrderStreetDecisionsTest {

    static final String HOUSING = STREET + "-housing";
    /** Xinhua Road street's market office: another street's agency. */
    static final String OTHER_STREETS_MARKET = "310105004-market";

    AggregateTestFixture<DispatchOrder> fixture;

    @BeforeEach
    void setUp() {
        fixture = DispatchOrderTest.register(new AggregateTestFixture<>(DispatchOrder.class), ReturnRules.DEFAULT_RETURNS_BEFORE_ARBITRATION);
    }

    static DispatchOrderReturned returned(String agency, AgencyRole role, cn.changning.governance.contracts.dispatch.ReturnReason reason, int count) {
        return new DispatchOrderReturned(ORDER, CASE, agency, role, reason, null, count, LATER);
    }

    @Nested
    class BindingArbitration {

        @Test
        void theFirstReturnOfTheRoundAwaitsTheStreetAsBefore() {
            fixture.given(issuedJointTask())
                    .when(new ReturnDispatchOrder(ORDER, POLICE, WRONG_AGENCY, null, null, LATER))
                    .expectEvents(returned(POLICE, AgencyRole.ASSIST, WRONG_AGENCY, 1));
        }

        @Test
        void theSecondReturnOfTheRoundGoesToTheStreetsArbitrationOnItsOwn() {
            fixture.given(issuedJointTask())
                    .andGiven(returned(POLICE, AgencyRole.ASSIST, WRONG_AGENCY, 1),
                            new DispatchOrderReassigned(ORDER, CASE, POLICE, MARKET, AgencyRole.ASSIST, "centre", null, LATER))
                    .when(new ReturnDispatchOrder(ORDER, MARKET, OUTSIDE_REMIT, null, null, LATER))
                    .expectEvents(returned(MARKET, AgencyRole.ASSIST, OUTSIDE_REMIT, 2),
                            new DispatchOrderReferredToArbitration(ORDER, CASE, MARKET, AgencyRole.ASSIST, 2,
                                    List.of(WRONG_AGENCY, OUTSIDE_REMIT), LATER));
        }

        @Test
        void howManyReturnsComeBeforeArbitrationIsConfigured() {
            AggregateTestFixture<DispatchOrder> strict = DispatchOrderTest.register(new AggregateTestFixture<>(DispatchOrder.class), 1);
            strict.given(issuedJointTask())
                    .when(new ReturnDispatchOrder(ORDER, POLICE, WRONG_AGENCY, null, null, LATER))
                    .expectEvents(returned(POLICE, AgencyRole.ASSIST, WRONG_AGENCY, 1),
                            new DispatchOrderReferredToArbitration(ORDER, CASE, POLICE, AgencyRole.ASSIST, 1, List.of(WRONG_AGENCY), LATER));
        }

        @Test
        void theStreetsDecisionOnAReferredReturnIsBinding() {
            fixture.given(issuedJointTask())
                    .andGiven(returned(POLICE, AgencyRole.ASSIST, WRONG_AGENCY, 1),
                            new DispatchOrderReissued(ORDER, CASE, POLICE, AgencyRole.ASSIST, "centre", null, DEADLINE, LATER),
                            returned(POLICE, AgencyRole.ASSIST, WRONG_AGENCY, 2),
                            new DispatchOrderReferredToArbitration(ORDER, CASE, POLICE, AgencyRole.ASSIST, 2, List.of(WRONG_AGENCY), LATER))
                    .when(new ReissueDispatchOrder(ORDER, POLICE, "street-centre-huayang", "public order is the police's", null, LATER))
                    .expectEvents(new DispatchOrderReissued(ORDER, CASE, POLICE, AgencyRole.ASSIST, "street-centre-huayang",
                                    "public order is the police's", DEADLINE, LATER),
                            new DispatchOrderArbitrated(ORDER, CASE, POLICE, POLICE, AgencyRole.ASSIST, List.of(WRONG_AGENCY),
                                    "street-centre-huayang", LATER));
        }

        /** What was wrong: an order could be returned and reissued without end. */
        @Test
        void theAgencyTheStreetChoseCannotReturnItAgainForTheSameReason() {
            fixture.given(issuedJointTask())
                    .andGiven(returned(POLICE, AgencyRole.ASSIST, WRONG_AGENCY, 1),
                            new DispatchOrderReissued(ORDER, CASE, POLICE, AgencyRole.ASSIST, "centre", null, DEADLINE, LATER),
                            returned(POLICE, AgencyRole.ASSIST, WRONG_AGENCY, 2),
                            new DispatchOrderReferredToArbitration(ORDER, CASE, POLICE, AgencyRole.ASSIST, 2, List.of(WRONG_AGENCY), LATER),
                            new DispatchOrderReissued(ORDER, CASE, POLICE, AgencyRole.ASSIST, "centre", null, DEADLINE, LATER),
                            new DispatchOrderArbitrated(ORDER, CASE, POLICE, POLICE, AgencyRole.ASSIST, List.of(WRONG_AGENCY), "centre", LATER))
                    .when(new ReturnDispatchOrder(ORDER, POLICE, WRONG_AGENCY, null, null, LATER))
                    .expectException(violation("bound-by-arbitration"))
                    .expectNoEvents();
        }

        @Test
        void anAgencyReassignedByBindingArbitrationIsBoundToEveryReasonTheRoundRaised() {
            List<Object> boundMarket = List.of(returned(POLICE, AgencyRole.ASSIST, WRONG_AGENCY, 1),
                    new DispatchOrderReassigned(ORDER, CASE, POLICE, MARKET, AgencyRole.ASSIST, "centre", null, LATER),
                    returned(MARKET, AgencyRole.ASSIST, OUTSIDE_REMIT, 2),
                    new DispatchOrderReferredToArbitration(ORDER, CASE, MARKET, AgencyRole.ASSIST, 2, List.of(WRONG_AGENCY, OUTSIDE_REMIT), LATER),
                    new DispatchOrderReissued(ORDER, CASE, MARKET, AgencyRole.ASSIST, "centre", null, DEADLINE, LATER),
                    new DispatchOrderArbitrated(ORDER, CASE, MARKET, MARKET, AgencyRole.ASSIST, List.of(WRONG_AGENCY, OUTSIDE_REMIT), "centre", LATER));
            fixture.given(issuedJointTask()).andGiven(boundMarket)
                    .when(new ReturnDispatchOrder(ORDER, MARKET, WRONG_AGENCY, null, null, LATER))
                    .expectException(violation("bound-by-arbitration"));
            // A reason the street has not settled can still be raised, and goes straight to arbitration again.
            fixture.given(issuedJointTask()).andGiven(boundMarket)
                    .when(new ReturnDispatchOrder(ORDER, MARKET, INSUFFICIENT_INFORMATION, null, null, LATER))
                    .expectEvents(returned(MARKET, AgencyRole.ASSIST, INSUFFICIENT_INFORMATION, 3),
                            new DispatchOrderReferredToArbitration(ORDER, CASE, MARKET, AgencyRole.ASSIST, 3,
                                    List.of(WRONG_AGENCY, OUTSIDE_REMIT, INSUFFICIENT_INFORMATION), LATER));
        }

        @Test
        void aReassignmentDecidingAReferredReturnBindsTheNewAgency() {
            fixture.given(issuedJointTask())
                    .andGiven(returned(POLICE, AgencyRole.ASSIST, WRONG_AGENCY, 1),
                            new DispatchOrderReassigned(ORDER, CASE, POLICE, MARKET, AgencyRole.ASSIST, "centre", null, LATER),
                            returned(MARKET, AgencyRole.ASSIST, WRONG_AGENCY, 2),
                            new DispatchOrderReferredToArbitration(ORDER, CASE, MARKET, AgencyRole.ASSIST, 2, List.of(WRONG_AGENCY), LATER))
                    .when(new ReassignDispatchOrder(ORDER, MARKET, HOUSING, "centre", "a housing matter", null, LATER))
                    .expectEvents(new DispatchOrderReassigned(ORDER, CASE, MARKET, HOUSING, AgencyRole.ASSIST, "centre", "a housing matter", LATER),
                            new DispatchOrderArbitrated(ORDER, CASE, MARKET, HOUSING, AgencyRole.ASSIST, List.of(WRONG_AGENCY), "centre", LATER));
        }
    }

    @Nested
    class Extensions {

        final Instant first = Instant.parse("2026-11-26T01:00:00Z");
        final Instant second = Instant.parse("2026-11-27T01:00:00Z");

        List<Object> oneExtensionApprovedAndAnotherRequested() {
            return List.of(new DispatchOrderAccepted(ORDER, CASE, SQUAD, AgencyRole.LEAD, LATER),
                    new DispatchOrderExtensionRequested(ORDER, CASE, SQUAD, "owner abroad", first, LATER),
                    new DispatchOrderExtensionApproved(ORDER, CASE, "street-centre", DEADLINE, first, Instant.parse("2026-11-25T05:12:00Z"), LATER),
                    new DispatchOrderExtensionRequested(ORDER, CASE, SQUAD, "still abroad", second, LATER));
        }

        /** What was wrong: extensions were unlimited. */
        @Test
        void theStreetApprovesOneExtensionPerRoundOnly() {
            fixture.given(issuedJointTask()).andGiven(oneExtensionApprovedAndAnotherRequested())
                    .when(new ApproveExtension(ORDER, "street-centre", null, LATER))
                    .expectException(violation("district-approval-required"))
                    .expectNoEvents();
        }

        @Test
        void theDistrictCentreApprovesTheSecondExtension() {
            // Monday 09:00 to Friday 09:00 is 32 working hours; 80% (25.6 h) falls on Thursday at 10:36.
            Instant warning = Instant.parse("2026-11-26T02:36:00Z");
            fixture.given(issuedJointTask()).andGiven(oneExtensionApprovedAndAnotherRequested())
                    .when(new ApproveExtensionAtDistrict(ORDER, "district-centre", null, LATER))
                    .expectEvents(new DispatchOrderExtensionApproved(ORDER, CASE, "district-centre", first, second, warning, LATER));
        }
    }

    @Nested
    class ReassignmentChecks {

        final DispatchOrderReturned policeReturned = returned(POLICE, AgencyRole.ASSIST, WRONG_AGENCY, 1);

        @Test
        void anUnknownAgencyIsRefused() {
            fixture.given(issuedJointTask()).andGiven(policeReturned)
                    .when(new ReassignDispatchOrder(ORDER, POLICE, "310105001-no-such-office", "centre", null, null, LATER))
                    .expectException(violation("unknown-agency"))
                    .expectNoEvents();
        }

        /** What was wrong: the same-street check lived in the API and was skipped when the read model lagged. */
        @Test
        void anAgencyOfAnotherStreetIsRefusedByTheOrderItself() {
            fixture.given(issuedJointTask()).andGiven(policeReturned)
                    .when(new ReassignDispatchOrder(ORDER, POLICE, OTHER_STREETS_MARKET, "centre", null, null, LATER))
                    .expectException(violation("agency-of-another-street"))
                    .expectNoEvents();
            fixture.given(issuedJointTask()).andGiven(policeReturned)
                    .when(new ReassignDispatchOrder(ORDER, POLICE, OTHER_STREETS_MARKET, "centre", null, null, LATER))
                    .expectException(invalidField("toAgencyId"));
        }

        /** What was wrong: the agency's kind was not checked. */
        @Test
        void aTypeCLeadGoesToAnotherDepartmentsAgencyButNotToTheStreetTeam() {
            List<Object> teamNotOnOrder = List.of(
                    new DispatchOrderIssued(ORDER, CASE, 0, SQUAD, List.of(), STREET, DEADLINE, START),
                    new DispatchOrderRouted(ORDER, CASE, 0, "1201", "EVENT", "C", false, "310105001000001", STREET,
                            "CITY_MANAGEMENT_SQUAD", List.of(), false, EscalationLevel.STREET),
                    new DispatchOrderTimerStarted(ORDER, CASE, START, WARNING, DEADLINE),
                    returned(SQUAD, AgencyRole.LEAD, WRONG_AGENCY, 1));
            fixture.given(teamNotOnOrder)
                    .when(new ReassignDispatchOrder(ORDER, SQUAD, TEAM, "centre", null, null, LATER))
                    .expectException(violation("agency-kind-cannot-take-part"))
                    .expectNoEvents();
            fixture.given(teamNotOnOrder)
                    .when(new ReassignDispatchOrder(ORDER, SQUAD, HOUSING, "centre", null, null, LATER))
                    .expectEvents(new DispatchOrderReassigned(ORDER, CASE, SQUAD, HOUSING, AgencyRole.LEAD, "centre", null, LATER));
        }

        @Test
        void aTypeAItemStaysWithTheStreetTeam() {
            fixture.given(issuedToStreetTeam()).andGiven(returned(TEAM, AgencyRole.LEAD, OUTSIDE_REMIT, 1))
                    .when(new ReassignDispatchOrder(ORDER, TEAM, SQUAD, "centre", null, null, LATER))
                    .expectException(violation("agency-kind-cannot-take-part"));
        }
    }
}
