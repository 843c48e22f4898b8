package cn.changning.governance.partyregistry.domain.area;

import cn.changning.governance.common.domain.DomainRuleViolation;
import cn.changning.governance.contracts.personal.SealedValue;
import cn.changning.governance.contracts.registry.AreaSecretaryAppointed;
import cn.changning.governance.contracts.registry.CommunityPoliceOfficerAssigned;
import cn.changning.governance.contracts.registry.CommunityPoliceOfficerReleased;
import cn.changning.governance.contracts.registry.DeputySecretaryCrossAppointed;
import cn.changning.governance.reference.geography.Geography;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;


/** The rules of "one police officer per residential area" and of the area's secretary, one rule a test. */
class ResidentialAreaTeamTest {

    private static final Geography GEOGRAPHY = Geography.load();
    /** Huayang residential area, Huayang Road street. */
    private static final String AREA = "310105001001";
    private static final String WANG = "00000000-0000-3000-8000-00000000000a";
    private static final String ZHAO = "00000000-0000-3000-8000-00000000000b";
    private static final String MEMBERSHIP = "00000000-0000-3000-8000-0000000000aa";
    private static final LocalDate WANG_FROM = LocalDate.of(2018, 3, 1);
    private static final CommunityPoliceOfficerAssigned WANG_IN_POST =
            new CommunityPoliceOfficerAssigned(AREA, WANG, WANG_FROM, false);
    private static final CommunityPoliceOfficerAssigned ZHAO_ARRIVES =
            new CommunityPoliceOfficerAssigned(AREA, ZHAO, LocalDate.of(2024, 6, 1), true);

    private AggregateTestFixture<ResidentialAreaTeam> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ResidentialAreaTeam.class);
        fixture.registerInjectableResource(GEOGRAPHY);
    }

    static Matcher<Object> violation(String code) {
        return new TypeSafeDiagnosingMatcher<>(DomainRuleViolation.class) {
            @Override
            protected boolean matchesSafely(Object item, Description mismatch) {
                mismatch.appendText("code ").appendValue(((DomainRuleViolation) item).code());
                return ((DomainRuleViolation) item).code().equals(code);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a rule violation ").appendValue(code);
            }
        };
    }

    @Nested
    class FirstInThenOut {

        @Test
        void theFirstOfficerTakesUpPostInAnAreaWithoutOne() {
            fixture.givenNoPriorActivity()
                    .when(new AssignCommunityPoliceOfficer(AREA, WANG, WANG_FROM))
                    .expectEvents(WANG_IN_POST);
        }

        @Test
        void theOnlyOfficerInPostIsNotReleasedSoTheAreaIsNeverWithoutOne() {
            fixture.given(WANG_IN_POST)
                    .when(new ReleaseCommunityPoliceOfficer(AREA, WANG, LocalDate.of(2024, 6, 1)))
                    .expectException(violation("area-left-without-officer"))
                    .expectNoEvents();
        }

        @Test
        void aSuccessorAssignedWhileTheOfficerIsInPostIsAHandover() {
            fixture.given(WANG_IN_POST)
                    .when(new AssignCommunityPoliceOfficer(AREA, ZHAO, LocalDate.of(2024, 6, 1)))
                    .expectEvents(ZHAO_ARRIVES);
        }

        @Test
        void thePredecessorLeavesOnceTheSuccessorIsInPost() {
            fixture.given(WANG_IN_POST, ZHAO_ARRIVES)
                    .when(new ReleaseCommunityPoliceOfficer(AREA, WANG, LocalDate.of(2024, 6, 15)))
                    .expectEvents(new CommunityPoliceOfficerReleased(AREA, WANG, WANG_FROM, LocalDate.of(2024, 6, 15),
                            false, false));
        }

        @Test
        void aSuccessorWhoArrivesAfterTheReleaseDayDoesNotCoverIt() {
            fixture.given(WANG_IN_POST, ZHAO_ARRIVES)
                    .when(new ReleaseCommunityPoliceOfficer(AREA, WANG, LocalDate.of(2024, 5, 31)))
                    .expectException(violation("successor-not-yet-in-post"))
                    .expectNoEvents();
        }

        @Test
        void anOfficerNotInPostHereIsNotReleased() {
            fixture.given(WANG_IN_POST)
                    .when(new ReleaseCommunityPoliceOfficer(AREA, ZHAO, LocalDate.of(2024, 6, 1)))
                    .expectException(violation("officer-not-in-post"));
        }

        @Test
        void assigningTheOfficerAlreadyInPostChangesNothing() {
            fixture.given(WANG_IN_POST)
                    .when(new AssignCommunityPoliceOfficer(AREA, WANG, WANG_FROM))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void anAreaOutsideTheReferenceDataIsNotFound() {
            fixture.givenNoPriorActivity()
                    .when(new AssignCommunityPoliceOfficer("310105001999", WANG, WANG_FROM))
                    .expectException(violation("unknown-residential-area"));
        }
    }

    @Nested
    class FiveYearsInACommunity {

        @Test
        void leavingBeforeFiveYearsIsAcceptedAndTheEventWarnsOfIt() {
            LocalDate dayBeforeFiveYears = WANG_FROM.plusYears(5).minusDays(1);
            CommunityPoliceOfficerAssigned successor = new CommunityPoliceOfficerAssigned(AREA, ZHAO, dayBeforeFiveYears, true);
            fixture.given(WANG_IN_POST, successor)
                    .when(new ReleaseCommunityPoliceOfficer(AREA, WANG, dayBeforeFiveYears))
                    .expectEvents(new CommunityPoliceOfficerReleased(AREA, WANG, WANG_FROM, dayBeforeFiveYears, true, false))
                    .expectResultMessagePayload(new OfficerRelease(2, true));
        }

        @Test
        void leavingOnTheFifthAnniversaryIsNoWarning() {
            LocalDate fiveYears = WANG_FROM.plusYears(5);
            CommunityPoliceOfficerAssigned successor = new CommunityPoliceOfficerAssigned(AREA, ZHAO, fiveYears, true);
            fixture.given(WANG_IN_POST, successor)
                    .when(new ReleaseCommunityPoliceOfficer(AREA, WANG, fiveYears))
                    .expectEvents(new CommunityPoliceOfficerReleased(AREA, WANG, WANG_FROM, fiveYears, false, false))
                    .expectResultMessagePayload(new OfficerRelease(2, false));
        }
    }

    @Nested
    class CrossAppointment {

        @Test
        void aPartyMemberInPostIsCrossAppointedDeputySecretary() {
            fixture.given(WANG_IN_POST)
                    .when(new CrossAppointDeputySecretary(AREA, WANG, MEMBERSHIP, LocalDate.of(2019, 1, 1)))
                    .expectEvents(new DeputySecretaryCrossAppointed(AREA, WANG, MEMBERSHIP, LocalDate.of(2019, 1, 1), null));
        }

        @Test
        void anOfficerWhoIsNotAPartyMemberIsNotCrossAppointed() {
            fixture.given(WANG_IN_POST)
                    .when(new CrossAppointDeputySecretary(AREA, WANG, null, LocalDate.of(2019, 1, 1)))
                    .expectException(violation("officer-not-party-member"))
                    .expectNoEvents();
        }

        @Test
        void anOfficerNotInPostInTheAreaIsNotCrossAppointed() {
            fixture.given(WANG_IN_POST)
                    .when(new CrossAppointDeputySecretary(AREA, ZHAO, MEMBERSHIP, LocalDate.of(2019, 1, 1)))
                    .expectException(violation("officer-not-in-post"))
                    .expectNoEvents();
        }

        @Test
        void theSuccessorsCrossAppointmentReplacesThePredecessors() {
            fixture.given(WANG_IN_POST, new DeputySecretaryCrossAppointed(AREA, WANG, MEMBERSHIP, WANG_FROM, null), ZHAO_ARRIVES)
                    .when(new CrossAppointDeputySecretary(AREA, ZHAO, "00000000-0000-3000-8000-0000000000bb", LocalDate.of(2024, 6, 2)))
                    .expectEvents(new DeputySecretaryCrossAppointed(AREA, ZHAO, "00000000-0000-3000-8000-0000000000bb",
                            LocalDate.of(2024, 6, 2), WANG));
        }

        @Test
        void theDeputySecretaryWhoLeavesPostVacatesTheDeputyPost() {
            fixture.given(WANG_IN_POST, new DeputySecretaryCrossAppointed(AREA, WANG, MEMBERSHIP, WANG_FROM, null), ZHAO_ARRIVES)
                    .when(new ReleaseCommunityPoliceOfficer(AREA, WANG, LocalDate.of(2024, 6, 15)))
                    .expectEvents(new CommunityPoliceOfficerReleased(AREA, WANG, WANG_FROM, LocalDate.of(2024, 6, 15),
                            false, true));
        }
    }

    @Nested
    class Secretary {

        private static final SealedValue NAME = new SealedValue("area-secretary:s-1", "c2VhbGVk");
        private static final String LI = "00000000-0000-3000-8000-0000000000c1";
        private static final String CHEN = "00000000-0000-3000-8000-0000000000c2";
        private static final AreaSecretaryAppointed LI_APPOINTED =
                new AreaSecretaryAppointed(AREA, LI, NAME, 1975, true, LocalDate.of(2016, 1, 4), null);

        @Test
        void theFirstSecretaryIsAppointed() {
            fixture.givenNoPriorActivity()
                    .when(new AppointAreaSecretary(AREA, LI, NAME, 1975, true, LocalDate.of(2016, 1, 4)))
                    .expectEvents(LI_APPOINTED);
        }

        @Test
        void aNewSecretaryReplacesThePredecessorAndSaysWhom() {
            fixture.given(LI_APPOINTED)
                    .when(new AppointAreaSecretary(AREA, CHEN, NAME, 1984, false, LocalDate.of(2021, 3, 1)))
                    .expectEvents(new AreaSecretaryAppointed(AREA, CHEN, NAME, 1984, false, LocalDate.of(2021, 3, 1), LI));
        }

        @Test
        void reappointingTheSecretaryInOfficeChangesNothing() {
            fixture.given(LI_APPOINTED)
                    .when(new AppointAreaSecretary(AREA, LI, NAME, 1975, true, LocalDate.of(2016, 1, 4)))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(0L); // the version of its one event, as before
        }

        @Test
        void aSuccessorIsNotAppointedBeforeThePredecessor() {
            fixture.given(LI_APPOINTED)
                    .when(new AppointAreaSecretary(AREA, CHEN, NAME, 1984, false, LocalDate.of(2015, 12, 31)))
                    .expectException(violation("appointed-before-predecessor"));
        }

        @Test
        void aBirthYearThatMakesTheSecretaryAMinorIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new AppointAreaSecretary(AREA, LI, NAME, 2010, true, LocalDate.of(2021, 3, 1)))
                    .expectException(violation("birth-year-implausible"));
        }
    }
}
