package cn.changning.governance.cases.domain;

import cn.changning.governance.contracts.cases.CaseClosed;
import cn.changning.governance.contracts.cases.CaseDispatched;
import cn.changning.governance.contracts.cases.CaseDuplicateLinkRefused;
import cn.changning.governance.contracts.cases.CaseDuplicateLinked;
import cn.changning.governance.contracts.cases.CaseFiled;
import cn.changning.governance.contracts.cases.CaseHandled;
import cn.changning.governance.contracts.cases.CaseLocation;
import cn.changning.governance.contracts.cases.CaseRejected;
import cn.changning.governance.contracts.cases.CaseReported;
import cn.changning.governance.contracts.cases.CaseResolution;
import cn.changning.governance.contracts.cases.CaseResumed;
import cn.changning.governance.contracts.cases.CaseRoundDeadlineSet;
import cn.changning.governance.contracts.cases.CaseSuspended;
import cn.changning.governance.contracts.cases.CaseVerified;
import cn.changning.governance.contracts.cases.RejectionReason;
import cn.changning.governance.contracts.cases.ReportSource;
import cn.changning.governance.reference.calendar.RoundDeadlines;
import cn.changning.governance.reference.calendar.WorkingCalendar;
import cn.changning.governance.reference.catalogue.Catalogue;
import cn.changning.governance.reference.geography.Geography;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static cn.changning.governance.cases.domain.CaseTest.violation;

/**
 * The side paths of the loop the case itself decides: duplicates whose original refuses them, and the
 * round deadline kept equal to the dispatch order's (new rounds, extensions, holds) by the one rule.
 */
class CaseSidePathsTest {

    private static final WorkingCalendar CALENDAR = WorkingCalendar.load();
    /** Friday 27 November 2026, 10:00 in Shanghai. */
    private static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");
    /** Item 0101 has 4 working hours: filed 10:00, due 15:00 (the lunch hour does not count). */
    private static final Instant DEADLINE = Instant.parse("2026-11-27T07:00:00Z");
    private static final CaseLocation LOCATION = new CaseLocation(31.2155, 121.4231, null, "Changning Rd 1");

    private static final CaseReported REPORTED = new CaseReported("c-1", "0101", LOCATION, "Manhole cover broken",
            ReportSource.RESIDENT, null, NOW);
    private static final CaseFiled FILED = new CaseFiled("c-1", "0101", "COMPONENT", "C", false, "310105001000003",
            "310105001", DEADLINE, "operator-1", NOW, null);
    private static final CaseDispatched DISPATCHED = new CaseDispatched("c-1", "c-1-r0", 0, "agency-water", List.of(), NOW);

    private AggregateTestFixture<Case> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Case.class);
        fixture.registerInjectableResource(Catalogue.load());
        fixture.registerInjectableResource(Geography.load());
        fixture.registerInjectableResource(CALENDAR);
        fixture.registerInjectableResource(new RoundDeadlines(CALENDAR));
    }

    @Test
    void aDispatchedCaseCanStillBeMarkedAsADuplicate() {
        fixture.given(REPORTED, FILED, DISPATCHED)
                .when(new MarkCaseAsDuplicate("c-1", "c-0", "same cover", "operator-1", NOW, null))
                .expectEvents(new CaseRejected("c-1", RejectionReason.DUPLICATE, "c-0", "same cover", "operator-1", NOW));
    }

    @Test
    void aHandledCaseIsNoLongerMarkedAsADuplicate() {
        fixture.given(REPORTED, FILED, DISPATCHED, new CaseHandled("c-1", "c-1-r0", 0, "agency-water", "done", true, NOW))
                .when(new MarkCaseAsDuplicate("c-1", "c-0", null, "operator-1", NOW, null))
                .expectException(violation("case-not-duplicable"))
                .expectNoEvents();
    }

    @Test
    void aClosedCaseRefusesToBeAnOriginal() {
        fixture.given(REPORTED, FILED, DISPATCHED, new CaseHandled("c-1", "c-1-r0", 0, "agency-water", "done", true, NOW),
                        new CaseVerified("c-1", 0, true, null, "s", NOW), new CaseClosed("c-1", CaseResolution.FIXED, null, 0, true, "o", NOW))
                .when(new LinkDuplicateCase("c-1", "c-2", "duplicate-policy", NOW))
                .expectException(violation("original-not-open"))
                .expectNoEvents();
    }

    @Test
    void aRefusedLinkPutsTheDuplicateBackWhereItWas() {
        CaseRejected marked = new CaseRejected("c-1", RejectionReason.DUPLICATE, "c-0", null, "operator-1", NOW);
        fixture.given(REPORTED, FILED, DISPATCHED, marked)
                .when(new RefuseDuplicateLink("c-1", "c-0", "c-0 is CLOSED", NOW))
                .expectEvents(new CaseDuplicateLinkRefused("c-1", "c-0", "c-0 is CLOSED", "DISPATCHED", NOW));
        // ... and once back, it is a dispatched case again: its order's report moves it on.
        fixture.given(REPORTED, FILED, DISPATCHED, marked, new CaseDuplicateLinkRefused("c-1", "c-0", "closed", "DISPATCHED", NOW))
                .when(new MarkCaseHandled("c-1", "c-1-r0", 0, "agency-water", "done", true, NOW))
                .expectEvents(new CaseHandled("c-1", "c-1-r0", 0, "agency-water", "done", true, NOW));
    }

    @Test
    void aRefusalForAnotherOriginalOrARetriedOneChangesNothing() {
        CaseRejected marked = new CaseRejected("c-1", RejectionReason.DUPLICATE, "c-0", null, "operator-1", NOW);
        fixture.given(REPORTED, marked)
                .when(new RefuseDuplicateLink("c-1", "c-9", "no such case", NOW))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(REPORTED, marked, new CaseDuplicateLinkRefused("c-1", "c-0", "closed", "REPORTED", NOW))
                .when(new RefuseDuplicateLink("c-1", "c-0", "closed", NOW))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void anExtensionOfTheRoundsOrderMovesTheCasesDeadlineAndTheClosingIsJudgedByIt() {
        Instant extended = DEADLINE.plusSeconds(24 * 3600);
        fixture.given(REPORTED, FILED, DISPATCHED)
                .when(new SetRoundDeadline("c-1", "c-1-r0", extended, NOW))
                .expectEvents(new CaseRoundDeadlineSet("c-1", 0, extended, CaseRoundDeadlineSet.DeadlineChange.EXTENSION, NOW));
        Instant lateByTheOldDeadline = DEADLINE.plusSeconds(3600);
        fixture.given(REPORTED, FILED, DISPATCHED,
                        new CaseRoundDeadlineSet("c-1", 0, extended, CaseRoundDeadlineSet.DeadlineChange.EXTENSION, NOW),
                        new CaseHandled("c-1", "c-1-r0", 0, "agency-water", "done", true, lateByTheOldDeadline),
                        new CaseVerified("c-1", 0, true, null, "s", lateByTheOldDeadline))
                .when(new CloseCase("c-1", CaseResolution.FIXED, null, "operator-1", lateByTheOldDeadline, null))
                .expectEvents(new CaseClosed("c-1", CaseResolution.FIXED, null, 0, true, "operator-1", lateByTheOldDeadline));
    }

    @Test
    void anExtensionOfAnotherRoundsOrderChangesNothing() {
        fixture.given(REPORTED, FILED, DISPATCHED)
                .when(new SetRoundDeadline("c-1", "c-1-r7", DEADLINE.plusSeconds(3600), NOW))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void aHoldMovesTheDeadlineByItsWorkingTime() {
        // On hold Friday 10:00 to 11:30: 1 h 30 of working time, so due 16:30 instead of 15:00.
        Instant resumedAt = NOW.plusSeconds(90 * 60);
        fixture.given(REPORTED, FILED, DISPATCHED, new CaseSuspended("c-1", "awaiting parts", "centre", "op", NOW))
                .when(new ResumeCase("c-1", "op", resumedAt, null))
                .expectEvents(new CaseResumed("c-1", Instant.parse("2026-11-27T08:30:00Z"), "op", resumedAt));
    }
}
