package cn.changning.governance.partyregistry.domain.organization;

import cn.changning.governance.contracts.registry.PartyOrganizationKind;
import cn.changning.governance.contracts.registry.PartyOrganizationLevel;
import cn.changning.governance.contracts.registry.PartyOrganizationRegistered;
import cn.changning.governance.partyregistry.domain.RegistryIds;
import cn.changning.governance.partyregistry.domain.registration.FixtureRegistrations;
import cn.changning.governance.reference.geography.Geography;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static cn.changning.governance.contracts.registry.PartyOrganizationKind.GOVERNMENT_BODY;
import static cn.changning.governance.contracts.registry.PartyOrganizationKind.RESIDENTIAL_AREA;
import static cn.changning.governance.contracts.registry.PartyOrganizationLevel.BRANCH;
import static cn.changning.governance.contracts.registry.PartyOrganizationLevel.COMMITTEE;
import static cn.changning.governance.contracts.registry.PartyOrganizationLevel.GENERAL_BRANCH;
import static cn.changning.governance.partyregistry.domain.RuleViolations.violation;

class PartyOrganizationTest {

    private static final Geography GEOGRAPHY = Geography.load();
    /** Huayang Road street and its residential area Huayang. */
    private static final String STREET = "310105001";
    private static final String AREA = "310105001001";
    private static final String COMMITTEE_ID = RegistryIds.organization("310105001-0001");
    private static final String GENERAL_BRANCH_ID = RegistryIds.organization("310105001-0002");
    private static final String BRANCH_ID = RegistryIds.organization("310105001-0003");
    private static final String NEW_ID = RegistryIds.organization("310105001-0100");
    private static final LocalDate FOUNDED = LocalDate.of(1998, 7, 1);

    private AggregateTestFixture<PartyOrganization> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PartyOrganization.class);
        FixedOrganizationDirectory directory = new FixedOrganizationDirectory()
                .with(COMMITTEE_ID, COMMITTEE, STREET, null)
                .with(GENERAL_BRANCH_ID, GENERAL_BRANCH, STREET, AREA)
                .with(BRANCH_ID, BRANCH, STREET, AREA);
        fixture.registerInjectableResource(GEOGRAPHY);
        fixture.registerInjectableResource(directory);
        FixtureRegistrations.register(fixture, GEOGRAPHY, directory);
    }

    private static RegisterPartyOrganization register(PartyOrganizationKind kind, PartyOrganizationLevel level, String parentId,
                                                      String areaCode) {
        return new RegisterPartyOrganization(NEW_ID, "310105001-0100", "华阳居民区第一支部", kind, level, parentId, STREET,
                areaCode, FOUNDED);
    }

    private static PartyOrganizationRegistered registered(PartyOrganizationKind kind, PartyOrganizationLevel level,
                                                          String parentId, String areaCode) {
        return new PartyOrganizationRegistered(NEW_ID, "310105001-0100", "华阳居民区第一支部", kind, level, parentId, STREET,
                areaCode, FOUNDED);
    }

    @Nested
    class Hierarchy {

        @Test
        void aBranchMayBelongToAGeneralBranch() {
            fixture.givenNoPriorActivity()
                    .when(register(RESIDENTIAL_AREA, BRANCH, GENERAL_BRANCH_ID, AREA))
                    .expectEvents(registered(RESIDENTIAL_AREA, BRANCH, GENERAL_BRANCH_ID, AREA));
        }

        @Test
        void aBranchMayBelongToACommitteeDirectly() {
            fixture.givenNoPriorActivity()
                    .when(register(RESIDENTIAL_AREA, BRANCH, COMMITTEE_ID, AREA))
                    .expectEvents(registered(RESIDENTIAL_AREA, BRANCH, COMMITTEE_ID, AREA));
        }

        @Test
        void aBranchCannotBelongToABranch() {
            fixture.givenNoPriorActivity()
                    .when(register(RESIDENTIAL_AREA, BRANCH, BRANCH_ID, AREA))
                    .expectException(violation("parent-level-not-allowed", "parentId"))
                    .expectNoEvents();
        }

        @Test
        void aGeneralBranchBelongsToACommitteeOnly() {
            fixture.givenNoPriorActivity()
                    .when(register(RESIDENTIAL_AREA, GENERAL_BRANCH, GENERAL_BRANCH_ID, AREA))
                    .expectException(violation("parent-level-not-allowed", "parentId"))
                    .expectNoEvents();
        }

        @Test
        void aCommitteeCannotBelongToAGeneralBranch() {
            fixture.givenNoPriorActivity()
                    .when(register(GOVERNMENT_BODY, COMMITTEE, GENERAL_BRANCH_ID, null))
                    .expectException(violation("parent-level-not-allowed", "parentId"))
                    .expectNoEvents();
        }

        @Test
        void aCommitteeMayStandAtTheTop() {
            fixture.givenNoPriorActivity()
                    .when(register(GOVERNMENT_BODY, COMMITTEE, null, null))
                    .expectEvents(registered(GOVERNMENT_BODY, COMMITTEE, null, null));
        }

        @Test
        void aCommitteeMayBelongToACommittee() {
            fixture.givenNoPriorActivity()
                    .when(register(GOVERNMENT_BODY, COMMITTEE, COMMITTEE_ID, null))
                    .expectEvents(registered(GOVERNMENT_BODY, COMMITTEE, COMMITTEE_ID, null));
        }

        @Test
        void aBranchNeedsAParent() {
            fixture.givenNoPriorActivity()
                    .when(register(RESIDENTIAL_AREA, BRANCH, null, AREA))
                    .expectException(violation("parent-missing", "parentId"))
                    .expectNoEvents();
        }

        @Test
        void theParentMustBeRegistered() {
            fixture.givenNoPriorActivity()
                    .when(register(RESIDENTIAL_AREA, BRANCH, RegistryIds.organization("310105001-9999"), AREA))
                    .expectException(violation("unknown-parent", "parentId"))
                    .expectNoEvents();
        }

        @Test
        void anOrganizationIsNotItsOwnParent() {
            fixture.givenNoPriorActivity()
                    .when(register(GOVERNMENT_BODY, COMMITTEE, NEW_ID, null))
                    .expectException(violation("parent-is-itself", "parentId"))
                    .expectNoEvents();
        }
    }

    @Nested
    class KindAndPlace {

        @Test
        void aResidentialAreasOrganizationNamesItsArea() {
            fixture.givenNoPriorActivity()
                    .when(register(RESIDENTIAL_AREA, BRANCH, COMMITTEE_ID, null))
                    .expectException(violation("residential-area-missing", "residentialAreaCode"))
                    .expectNoEvents();
        }

        @Test
        void theKindIsRequired() {
            fixture.givenNoPriorActivity()
                    .when(register(null, BRANCH, COMMITTEE_ID, AREA))
                    .expectException(violation("kind-missing", "kind"))
                    .expectNoEvents();
        }

        @Test
        void theLevelIsRequired() {
            fixture.givenNoPriorActivity()
                    .when(register(RESIDENTIAL_AREA, null, COMMITTEE_ID, AREA))
                    .expectException(violation("level-missing", "level"))
                    .expectNoEvents();
        }

        @Test
        void anUnknownResidentialAreaIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(register(RESIDENTIAL_AREA, BRANCH, COMMITTEE_ID, "310105001999"))
                    .expectException(violation("unknown-residential-area", "residentialAreaCode"))
                    .expectNoEvents();
        }

        @Test
        void theResidentialAreaMustLieInTheStreet() {
            // 310105002001 is in Xinhua Road street, not Huayang Road.
            fixture.givenNoPriorActivity()
                    .when(register(RESIDENTIAL_AREA, BRANCH, COMMITTEE_ID, "310105002001"))
                    .expectException(violation("residential-area-outside-street", "residentialAreaCode"))
                    .expectNoEvents();
        }

        @Test
        void anUnknownStreetIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterPartyOrganization(NEW_ID, "x-1", "Somewhere", GOVERNMENT_BODY, COMMITTEE, null,
                            "310105777", null, null))
                    .expectException(violation("unknown-street", "streetCode"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Idempotency {

        @Test
        void theSameRegistrationAgainChangesNothing() {
            fixture.given(registered(RESIDENTIAL_AREA, BRANCH, GENERAL_BRANCH_ID, AREA))
                    .when(register(RESIDENTIAL_AREA, BRANCH, GENERAL_BRANCH_ID, AREA))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aDifferentRegistrationUnderTheSameIdIsRefused() {
            fixture.given(registered(RESIDENTIAL_AREA, BRANCH, GENERAL_BRANCH_ID, AREA))
                    .when(register(RESIDENTIAL_AREA, BRANCH, COMMITTEE_ID, AREA))
                    .expectException(violation("organization-registered-differently"))
                    .expectNoEvents();
        }
    }
}
