package cn.changning.governance.cases.domain;

import cn.changning.governance.common.domain.DomainRuleViolation;
import cn.changning.governance.contracts.cases.CaseClosed;
import cn.changning.governance.contracts.cases.CaseDispatched;
import cn.changning.governance.contracts.cases.CaseDuplicateLinked;
import cn.changning.governance.contracts.cases.CaseFeedbackRecorded;
import cn.changning.governance.contracts.cases.CaseFiled;
import cn.changning.governance.contracts.cases.CaseHandled;
import cn.changning.governance.contracts.cases.CaseLocation;
import cn.changning.governance.contracts.cases.CaseRejected;
import cn.changning.governance.contracts.cases.CaseReopened;
import cn.changning.governance.contracts.cases.CaseReported;
import cn.changning.governance.contracts.cases.CaseReporterErased;
import cn.changning.governance.contracts.cases.CaseResolution;
import cn.changning.governance.contracts.cases.CaseRoundDeadlineSet;
import cn.changning.governance.contracts.cases.CaseResumed;
import cn.changning.governance.contracts.cases.CaseSentBackForRework;
import cn.changning.governance.contracts.cases.CaseSuspended;
import cn.changning.governance.contracts.cases.CaseVerified;
import cn.changning.governance.contracts.cases.RejectionReason;
import cn.changning.governance.contracts.cases.ReportSource;
import cn.changning.governance.contracts.cases.SealedReporter;
import cn.changning.governance.contracts.personal.SealedValue;
import cn.changning.governance.contracts.cases.Satisfaction;
import cn.changning.governance.reference.calendar.RoundDeadlines;
import cn.changning.governance.reference.calendar.WorkingCalendar;
import cn.changning.governance.reference.catalogue.Catalogue;
import cn.changning.governance.reference.geography.Geography;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;


class CaseTest {

    private static final Catalogue CATALOGUE = Catalogue.load();
    private static final Geography GEOGRAPHY = Geography.load();
    private static final WorkingCalendar CALENDAR = WorkingCalendar.load();

    /** Friday 27 November 2026, 10:00 in Shanghai. */
    private static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");
    /** Inside Huayang Road grid 3. */
    private static final CaseLocation LOCATION = new CaseLocation(31.2155, 121.4231, null, "Changning Rd 1");
    private static final String GRID = "310105001000003";
    private static final String STREET = "310105001";
    /** Item 0101 (water-supply manhole cover) has 4 working hours: 10:00-12:00 and 13:00-15:00. */
    private static final Instant DEADLINE = Instant.parse("2026-11-27T07:00:00Z");

    /** Sealed by the API before the command: the aggregate carries the ciphertext as given. */
    private static final SealedReporter REPORTER = new SealedReporter(new SealedValue("case-reporter:c-1", "AQbm9uY2U="), null);
    private static final CaseReported REPORTED = new CaseReported("c-1", "0101", LOCATION, "Manhole cover broken",
            ReportSource.RESIDENT, REPORTER, NOW);
    private static final CaseFiled FILED = new CaseFiled("c-1", "0101", "COMPONENT", "C", false, GRID, STREET, DEADLINE,
            "operator-1", NOW.plusSeconds(60), "310105001012");
    private static final CaseDispatched DISPATCHED = new CaseDispatched("c-1", "o-0", 0, "agency-water", List.of(), NOW.plusSeconds(120));
    private static final CaseHandled HANDLED = new CaseHandled("c-1", "o-0", 0, "agency-water", "replaced", true, NOW.plusSeconds(3600));
    private static final CaseVerified VERIFIED_FIXED = new CaseVerified("c-1", 0, true, "flush", "supervisor-7", NOW.plusSeconds(4000));
    private static final CaseVerified VERIFIED_NOT_FIXED = new CaseVerified("c-1", 0, false, "still rocking", "supervisor-7", NOW.plusSeconds(4000));
    private static final Instant CLOSED_AT = NOW.plusSeconds(4100);
    private static final CaseClosed CLOSED = new CaseClosed("c-1", CaseResolution.FIXED, null, 0, true, "operator-1", CLOSED_AT);

    private AggregateTestFixture<Case> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Case.class);
        fixture.registerInjectableResource(CATALOGUE);
        fixture.registerInjectableResource(GEOGRAPHY);
        fixture.registerInjectableResource(CALENDAR);
        fixture.registerInjectableResource(new RoundDeadlines(CALENDAR));
    }

    private static List<Object> upTo(Object... events) {
        return new ArrayList<>(Arrays.asList(events));
    }

    private ResultValidator<Case> refused(List<Object> given, Object command, String code) {
        return fixture.given(given).when(command)
                .expectException(violation(code))
                .expectNoEvents();
    }

    /** A rule violation with this code (and, when given, this field): the specific error partners act on. */
    static Matcher<Object> violation(String code, String... field) {
        return new TypeSafeDiagnosingMatcher<>(DomainRuleViolation.class) {
            @Override
            protected boolean matchesSafely(Object item, Description mismatch) {
                DomainRuleViolation v = (DomainRuleViolation) item;
                mismatch.appendText("code ").appendValue(v.code()).appendText(" field ").appendValue(v.field());
                return v.code().equals(code) && (field.length == 0 || field[0].equals(v.field()));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a rule violation ").appendValue(code)
                        .appendText(field.length == 0 ? "" : " on field " + field[0]);
            }
        };
    }

    @Nested
    class ReporterErasure {

        private final Instant erasedAt = CLOSED_AT.plusSeconds(60);

        @Test
        void anErasureIsRecordedInAnyStepAndLeavesTheStepAlone() {
            fixture.given(upTo(REPORTED, FILED, DISPATCHED, HANDLED, VERIFIED_FIXED, CLOSED))
                    .when(new RecordCaseReporterErasure("c-1", erasedAt, "street-310105001"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new CaseReporterErased("c-1", "case-reporter:c-1", erasedAt, "street-310105001"))
                    .expectState(state -> assertThat(state.step()).isEqualTo(CaseStep.CLOSED));
        }

        @Test
        void aSecondErasureRecordsNothingMore() {
            fixture.given(REPORTED, new CaseReporterErased("c-1", "case-reporter:c-1", erasedAt, "street-310105001"))
                    .when(new RecordCaseReporterErasure("c-1", erasedAt.plusSeconds(5), "street-310105001"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void anErasureSaysWhoAskedForIt() {
            refused(upTo(REPORTED), new RecordCaseReporterErasure("c-1", erasedAt, " "), "erasedBy-missing");
        }
    }

    @Nested
    class Reporting {

        @Test
        void reportingACaseRecordsWhatWhereAndWho() {
            fixture.givenNoPriorActivity()
                    .when(new ReportCase("c-1", "0101", LOCATION, "Manhole cover broken", ReportSource.RESIDENT,
                            REPORTER, NOW))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(REPORTED);
        }

        @Test
        void aReportWithoutDescriptionIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new ReportCase("c-1", "0101", LOCATION, "  ", ReportSource.RESIDENT, null, NOW))
                    .expectException(DomainRuleViolation.class)
                    .expectExceptionMessage("A report needs a description of the problem")
                    .expectNoEvents();
        }

        @Test
        void aTooLongDescriptionIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new ReportCase("c-1", "0101", LOCATION, "x".repeat(Case.MAX_DESCRIPTION + 1), ReportSource.CAMERA, null, NOW))
                    .expectException(DomainRuleViolation.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Filing {

        @Test
        void filingClassifiesAssignsTheGridAndSetsTheDeadlineOnTheWorkingCalendar() {
            fixture.given(REPORTED)
                    .when(new FileCase("c-1", null, "310105001012", "operator-1", NOW.plusSeconds(60), 0L))
                    .expectEvents(new CaseFiled("c-1", "0101", "COMPONENT", "C", false, GRID, STREET,
                            Instant.parse("2026-11-27T07:01:00Z"), "operator-1", NOW.plusSeconds(60), "310105001012"))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void theCentreMayReclassifyTheItemAndAPersistentProblemIsMarked() {
            // 1301 illegal construction: 15 working days from Friday 10:00 is Friday 18 December 10:00.
            fixture.given(REPORTED)
                    .when(new FileCase("c-1", "1301", null, "operator-1", NOW, null))
                    .expectEvents(new CaseFiled("c-1", "1301", "EVENT", "B", true, GRID, STREET,
                            Instant.parse("2026-12-18T02:00:00Z"), "operator-1", NOW, null));
        }

        @Test
        void anUnknownItemIsRefused() {
            fixture.given(REPORTED).when(new FileCase("c-1", "9999", null, "operator-1", NOW, null))
                    .expectException(violation("unknown-item", "itemCode"))
                    .expectNoEvents();
        }

        @Test
        void aLocationOutsideAllGridsIsRefused() {
            CaseReported inThePudong = new CaseReported("c-1", "0101", new CaseLocation(31.2304, 121.5055, null, "Lujiazui"),
                    "Manhole cover broken", ReportSource.RESIDENT, null, NOW);
            fixture.given(inThePudong).when(new FileCase("c-1", null, null, "operator-1", NOW, null))
                    .expectException(violation("location-outside-grids", "location"))
                    .expectNoEvents();
        }

        @Test
        void aResidentialAreaOfAnotherGridIsRefused() {
            refused(upTo(REPORTED), new FileCase("c-1", null, "310105001006", "operator-1", NOW, null),
                    "residential-area-outside-grid");
            refused(upTo(REPORTED), new FileCase("c-1", null, "310105001999", "operator-1", NOW, null),
                    "unknown-residential-area");
        }

        @Test
        void filingTwiceIsRefused() {
            refused(upTo(REPORTED, FILED), new FileCase("c-1", null, null, "operator-1", NOW, null), "case-not-reported");
        }

        @Test
        void filingNeedsWhoFiles() {
            refused(upTo(REPORTED), new FileCase("c-1", null, null, " ", NOW, null), "filedBy-missing");
        }

        @Test
        void aStaleVersionIsAConflict() {
            fixture.given(REPORTED, FILED)
                    .when(new SuspendCase("c-1", "waiting for demolition order", "director", "operator-1", NOW, 0L))
                    .expectException(ConflictingAggregateVersionException.class);
        }
    }

    @Nested
    class Rejecting {

        @Test
        void aReportIsRejectedAsInvalidOrOutOfScope() {
            fixture.given(REPORTED)
                    .when(new RejectCase("c-1", RejectionReason.OUT_OF_SCOPE, "private land", "operator-1", NOW, null))
                    .expectEvents(new CaseRejected("c-1", RejectionReason.OUT_OF_SCOPE, null, "private land", "operator-1", NOW));
        }

        @Test
        void aDuplicateCannotBeRejectedWithoutItsOriginal() {
            refused(upTo(REPORTED), new RejectCase("c-1", RejectionReason.DUPLICATE, null, "operator-1", NOW, null),
                    "duplicate-needs-original");
        }

        @Test
        void aFiledCaseCannotBeRejected() {
            refused(upTo(REPORTED, FILED), new RejectCase("c-1", RejectionReason.INVALID, null, "operator-1", NOW, null),
                    "case-not-reported");
        }

        @Test
        void aDuplicateNamesItsOpenOriginal() {
            fixture.given(REPORTED)
                    .when(new MarkCaseAsDuplicate("c-1", "c-0", "same cover", "operator-1", NOW, null))
                    .expectEvents(new CaseRejected("c-1", RejectionReason.DUPLICATE, "c-0", "same cover", "operator-1", NOW));
        }

        @Test
        void aDuplicateOfItselfOrOfNoCaseIsRefused() {
            refused(upTo(REPORTED), new MarkCaseAsDuplicate("c-1", "c-1", null, "op", NOW, null), "duplicate-of-itself");
            refused(upTo(REPORTED), new MarkCaseAsDuplicate("c-1", " ", null, "op", NOW, null), "original-missing");
        }

        @Test
        void theOriginalLinksItsDuplicateOnce() {
            fixture.given(REPORTED, FILED)
                    .when(new LinkDuplicateCase("c-1", "c-2", "operator-1", NOW))
                    .expectEvents(new CaseDuplicateLinked("c-1", "c-2", "operator-1", NOW));
            fixture.given(REPORTED, FILED, new CaseDuplicateLinked("c-1", "c-2", "operator-1", NOW))
                    .when(new LinkDuplicateCase("c-1", "c-2", "operator-1", NOW.plusSeconds(1)))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aDuplicateIsNeverDispatched() {
            CaseRejected duplicate = new CaseRejected("c-1", RejectionReason.DUPLICATE, "c-0", null, "op", NOW);
            refused(upTo(REPORTED, duplicate), new MarkCaseDispatched("c-1", "o-0", 0, "agency", List.of(), NOW), "case-rejected");
        }
    }

    @Nested
    class DispatchAndHandling {

        @Test
        void anIssuedOrderDispatchesAFiledCase() {
            fixture.given(REPORTED, FILED)
                    .when(new MarkCaseDispatched("c-1", "o-0", 0, "agency-water", List.of(), NOW.plusSeconds(120)))
                    .expectEvents(DISPATCHED)
                    .expectResultMessagePayload(2L);
        }

        @Test
        void anUnfiledCaseIsNotDispatched() {
            refused(upTo(REPORTED), new MarkCaseDispatched("c-1", "o-0", 0, "agency", List.of(), NOW), "case-not-awaiting-dispatch");
        }

        @Test
        void aRedeliveredOrderChangesNothing() {
            fixture.given(REPORTED, FILED, DISPATCHED, HANDLED)
                    .when(new MarkCaseDispatched("c-1", "o-0", 0, "agency-water", List.of(), NOW.plusSeconds(120)))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
            fixture.given(REPORTED, FILED, DISPATCHED, HANDLED)
                    .when(new MarkCaseHandled("c-1", "o-0", 0, "agency-water", "replaced", true, NOW.plusSeconds(3600)))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void ordersOfAnEarlierRoundAreIgnored() {
            CaseSentBackForRework sentBack = new CaseSentBackForRework("c-1", 1, "still rocking", "supervisor-7", NOW.plusSeconds(4100));
            fixture.given(REPORTED, FILED, DISPATCHED, HANDLED, VERIFIED_NOT_FIXED, sentBack)
                    .when(new MarkCaseHandled("c-1", "o-0", 0, "agency-water", "replaced", true, NOW.plusSeconds(3600)))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
            fixture.given(REPORTED, FILED, DISPATCHED, HANDLED, VERIFIED_NOT_FIXED, sentBack)
                    .when(new MarkCaseDispatched("c-1", "o-1", 1, "agency-water", List.of("agency-road"), NOW.plusSeconds(4200)))
                    .expectEvents(new CaseDispatched("c-1", "o-1", 1, "agency-water", List.of("agency-road"), NOW.plusSeconds(4200)));
        }

        @Test
        void anOrderHandledMakesTheCaseHandled() {
            fixture.given(REPORTED, FILED, DISPATCHED)
                    .when(new MarkCaseHandled("c-1", "o-0", 0, "agency-water", "replaced", true, NOW.plusSeconds(3600)))
                    .expectEvents(HANDLED);
        }

        @Test
        void aHandledReportThatOvertakesItsOrderDispatchesThenHandlesTheCase() {
            // Dropping it would leave the case DISPATCHED for ever once the late issue arrives.
            fixture.given(REPORTED, FILED)
                    .when(new MarkCaseHandled("c-1", "o-0", 0, "agency", "done", true, NOW))
                    .expectEvents(new CaseDispatched("c-1", "o-0", 0, "agency", List.of(), NOW),
                            new CaseHandled("c-1", "o-0", 0, "agency", "done", true, NOW));
        }

        @Test
        void aHandledReportOfALaterRoundThanTheCasesIsRefused() {
            refused(upTo(REPORTED, FILED), new MarkCaseHandled("c-1", "o-1", 1, "agency", null, true, NOW), "case-not-dispatched");
        }
    }

    @Nested
    class VerifyingAndClosing {

        @Test
        void aHandledCaseIsVerifiedOnSite() {
            fixture.given(REPORTED, FILED, DISPATCHED, HANDLED)
                    .when(new VerifyCase("c-1", true, "flush", "supervisor-7", NOW.plusSeconds(4000), 3L))
                    .expectEvents(VERIFIED_FIXED);
        }

        @Test
        void anUnhandledCaseCannotBeVerified() {
            refused(upTo(REPORTED, FILED, DISPATCHED), new VerifyCase("c-1", true, null, "s", NOW, null), "case-not-handled");
        }

        @Test
        void aVerifiedFixedCaseClosesAsFixedAndOnTime() {
            fixture.given(REPORTED, FILED, DISPATCHED, HANDLED, VERIFIED_FIXED)
                    .when(new CloseCase("c-1", CaseResolution.FIXED, null, "operator-1", CLOSED_AT, null))
                    .expectEvents(CLOSED);
        }

        @Test
        void aCaseClosedAfterItsDeadlineIsNotOnTime() {
            Instant late = DEADLINE.plus(Duration.ofHours(1));
            fixture.given(REPORTED, FILED, DISPATCHED, HANDLED, VERIFIED_NOT_FIXED)
                    .when(new CloseCase("c-1", CaseResolution.CLOSED_NOT_FIXED, "cover out of stock", "operator-1", late, null))
                    .expectEvents(new CaseClosed("c-1", CaseResolution.CLOSED_NOT_FIXED, "cover out of stock", 0, false, "operator-1", late));
        }

        @Test
        void closingAnUndispatchedCaseIsRefused() {
            refused(upTo(REPORTED, FILED), new CloseCase("c-1", CaseResolution.FIXED, null, "op", NOW, null), "case-not-verified");
        }

        @Test
        void aCaseFoundNotFixedCannotCloseAsFixed() {
            refused(upTo(REPORTED, FILED, DISPATCHED, HANDLED, VERIFIED_NOT_FIXED),
                    new CloseCase("c-1", CaseResolution.FIXED, null, "op", NOW, null), "verification-found-not-fixed");
        }

        @Test
        void aCaseFoundNotFixedGoesBackForReworkCounted() {
            fixture.given(REPORTED, FILED, DISPATCHED, HANDLED, VERIFIED_NOT_FIXED)
                    .when(new SendCaseBackForRework("c-1", "still rocking", "supervisor-7", NOW, null))
                    // Round 0 had 3 h 59 min of working time (filed 10:01, due 15:00): again from Friday 10:00, due 14:59.
                    .expectEvents(new CaseSentBackForRework("c-1", 1, "still rocking", "supervisor-7", NOW),
                            new CaseRoundDeadlineSet("c-1", 1, Instant.parse("2026-11-27T06:59:00Z"),
                                    CaseRoundDeadlineSet.DeadlineChange.NEW_ROUND, NOW));
            // The second rework is round 2, and a closing after it counts both.
            CaseSentBackForRework first = new CaseSentBackForRework("c-1", 1, "still rocking", "supervisor-7", NOW);
            CaseDispatched again = new CaseDispatched("c-1", "o-1", 1, "agency-water", List.of(), NOW);
            CaseHandled handledAgain = new CaseHandled("c-1", "o-1", 1, "agency-water", "reseated", true, NOW);
            CaseVerified fixedNow = new CaseVerified("c-1", 1, true, null, "supervisor-7", NOW);
            fixture.given(REPORTED, FILED, DISPATCHED, HANDLED, VERIFIED_NOT_FIXED, first, again, handledAgain, fixedNow)
                    .when(new CloseCase("c-1", CaseResolution.FIXED, null, "operator-1", NOW, null))
                    .expectEvents(new CaseClosed("c-1", CaseResolution.FIXED, null, 1, true, "operator-1", NOW));
        }

        @Test
        void reworkOfAnUnverifiedCaseIsRefused() {
            refused(upTo(REPORTED, FILED, DISPATCHED, HANDLED), new SendCaseBackForRework("c-1", "bad", "s", NOW, null),
                    "case-not-verified");
        }

        @Test
        void reworkOfACaseFoundFixedIsRefused() {
            refused(upTo(REPORTED, FILED, DISPATCHED, HANDLED, VERIFIED_FIXED), new SendCaseBackForRework("c-1", "bad", "s", NOW, null),
                    "verification-found-fixed");
        }

        @Test
        void reworkNeedsAReason() {
            refused(upTo(REPORTED, FILED, DISPATCHED, HANDLED, VERIFIED_NOT_FIXED), new SendCaseBackForRework("c-1", "", "s", NOW, null),
                    "reason-missing");
        }
    }

    @Nested
    class FeedbackAndReopening {

        @Test
        void theResidentsFeedbackAssessesAClosedCase() {
            fixture.given(REPORTED, FILED, DISPATCHED, HANDLED, VERIFIED_FIXED, CLOSED)
                    .when(new RecordFeedback("c-1", Satisfaction.BASICALLY_SATISFIED, "took a while", "hotline-3", CLOSED_AT, null))
                    .expectEvents(new CaseFeedbackRecorded("c-1", Satisfaction.BASICALLY_SATISFIED, "took a while", "hotline-3", CLOSED_AT));
        }

        @Test
        void feedbackBeforeCloseIsRefused() {
            refused(upTo(REPORTED, FILED, DISPATCHED, HANDLED), new RecordFeedback("c-1", Satisfaction.SATISFIED, null, "h", NOW, null),
                    "case-not-closed");
        }

        @Test
        void feedbackIsRecordedOnce() {
            CaseFeedbackRecorded given = new CaseFeedbackRecorded("c-1", Satisfaction.SATISFIED, null, "h", CLOSED_AT);
            refused(upTo(REPORTED, FILED, DISPATCHED, HANDLED, VERIFIED_FIXED, CLOSED, given),
                    new RecordFeedback("c-1", Satisfaction.DISSATISFIED, null, "h", CLOSED_AT, null), "feedback-already-recorded");
        }

        @Test
        void feedbackNeedsASatisfactionLevel() {
            refused(upTo(REPORTED, FILED, DISPATCHED, HANDLED, VERIFIED_FIXED, CLOSED),
                    new RecordFeedback("c-1", null, null, "h", CLOSED_AT, null), "satisfaction-missing");
        }

        @Test
        void aClosedCaseReopensWithinTheWindowAsAnotherRound() {
            Instant inWindow = CLOSED_AT.plus(Case.REOPEN_WINDOW);
            fixture.given(REPORTED, FILED, DISPATCHED, HANDLED, VERIFIED_FIXED, CLOSED,
                            new CaseFeedbackRecorded("c-1", Satisfaction.DISSATISFIED, "rocking again", "h", CLOSED_AT))
                    .when(new ReopenCase("c-1", "rocking again", "operator-1", inWindow, null))
                    // Reopened Friday 4 December 11:08:20: round 0's 3 h 59 min of working time again, due 16:07:20.
                    .expectEvents(new CaseReopened("c-1", 1, "rocking again", "operator-1", inWindow),
                            new CaseRoundDeadlineSet("c-1", 1, Instant.parse("2026-12-04T08:07:20Z"),
                                    CaseRoundDeadlineSet.DeadlineChange.NEW_ROUND, inWindow));
        }

        @Test
        void reopeningAfterTheWindowIsRefused() {
            refused(upTo(REPORTED, FILED, DISPATCHED, HANDLED, VERIFIED_FIXED, CLOSED),
                    new ReopenCase("c-1", "again", "op", CLOSED_AT.plus(Case.REOPEN_WINDOW).plusSeconds(1), null), "reopen-window-passed");
        }

        @Test
        void anOpenCaseCannotBeReopened() {
            refused(upTo(REPORTED, FILED, DISPATCHED), new ReopenCase("c-1", "again", "op", NOW, null), "case-not-closed");
        }

        @Test
        void aReopenedCaseAwaitsTheNextRoundsOrder() {
            CaseReopened reopened = new CaseReopened("c-1", 1, "again", "op", CLOSED_AT.plusSeconds(60));
            fixture.given(REPORTED, FILED, DISPATCHED, HANDLED, VERIFIED_FIXED, CLOSED, reopened)
                    .when(new MarkCaseDispatched("c-1", "o-1", 1, "agency-water", List.of(), CLOSED_AT.plusSeconds(120)))
                    .expectEvents(new CaseDispatched("c-1", "o-1", 1, "agency-water", List.of(), CLOSED_AT.plusSeconds(120)));
        }
    }

    @Nested
    class Suspension {

        private final CaseSuspended suspended = new CaseSuspended("c-1", "awaiting court ruling", "deputy-director",
                "operator-1", NOW.plusSeconds(60));

        @Test
        void aFiledCaseIsSuspendedWithReasonAndApprover() {
            fixture.given(REPORTED, FILED)
                    .when(new SuspendCase("c-1", "awaiting court ruling", "deputy-director", "operator-1", NOW.plusSeconds(60), 1L))
                    .expectEvents(suspended);
        }

        @Test
        void aHoldNeedsAnApproverAndAReason() {
            refused(upTo(REPORTED, FILED), new SuspendCase("c-1", "awaiting court ruling", " ", "op", NOW, null), "approvedBy-missing");
            refused(upTo(REPORTED, FILED), new SuspendCase("c-1", null, "director", "op", NOW, null), "reason-missing");
        }

        @Test
        void anUnfiledOrClosedCaseCannotBeSuspended() {
            refused(upTo(REPORTED), new SuspendCase("c-1", "r", "d", "op", NOW, null), "case-not-suspendable");
            refused(upTo(REPORTED, FILED, DISPATCHED, HANDLED, VERIFIED_FIXED, CLOSED),
                    new SuspendCase("c-1", "r", "d", "op", NOW, null), "case-not-suspendable");
        }

        @Test
        void aSuspendedCaseIsNotVerifiedUntilResumed() {
            refused(upTo(REPORTED, FILED, DISPATCHED, HANDLED, suspended), new VerifyCase("c-1", true, null, "s", NOW, null),
                    "case-suspended");
            refused(upTo(REPORTED, FILED, suspended), new SuspendCase("c-1", "r", "d", "op", NOW, null), "case-suspended");
        }

        @Test
        void resumingMovesTheDeadlineOnByTheWorkingTimeOnHold() {
            // On hold from Friday 10:01 to Monday 10:01 (Shanghai): 8 working hours, so the deadline moves one working day.
            Instant monday = Instant.parse("2026-11-30T02:01:00Z");
            fixture.given(REPORTED, FILED, suspended)
                    .when(new ResumeCase("c-1", "operator-1", monday, null))
                    .expectEvents(new CaseResumed("c-1", Instant.parse("2026-11-30T07:00:00Z"), "operator-1", monday));
        }

        @Test
        void resumingACaseNotOnHoldIsRefused() {
            refused(upTo(REPORTED, FILED), new ResumeCase("c-1", "op", NOW, null), "case-not-suspended");
        }
    }
}
