package cn.changning.governance.partyregistry.domain.member;

import cn.changning.governance.contracts.personal.SealedValue;
import cn.changning.governance.contracts.registry.Gender;
import cn.changning.governance.contracts.registry.PartyMemberCategory;
import cn.changning.governance.contracts.registry.PartyMemberDataErased;
import cn.changning.governance.contracts.registry.PartyMemberRegistered;
import cn.changning.governance.contracts.registry.PartyMembershipTransferred;
import cn.changning.governance.partyregistry.domain.RegistryIds;
import cn.changning.governance.partyregistry.domain.registration.FixtureRegistrations;
import cn.changning.governance.partyregistry.domain.organization.FixedOrganizationDirectory;
import cn.changning.governance.reference.geography.Geography;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static cn.changning.governance.contracts.registry.PartyOrganizationLevel.BRANCH;
import static cn.changning.governance.partyregistry.domain.RuleViolations.violation;

class PartyMemberTest {

    private static final Geography GEOGRAPHY = Geography.load();
    private static final String STREET = "310105001";
    private static final String AREA = "310105001001";
    private static final String OTHER_STREET = "310105002";
    private static final String OTHER_AREA = "310105002001";
    private static final String BRANCH_ID = RegistryIds.organization("310105001-0003");
    private static final String OTHER_BRANCH_ID = RegistryIds.organization("310105002-0007");
    private static final String THIRD_BRANCH_ID = RegistryIds.organization("310105002-0008");
    private static final String MEMBER_ID = RegistryIds.member("pseudonym-of-310105198001011234");
    private static final String SUBJECT = "party-member:" + MEMBER_ID;
    // Opaque to the aggregate: it only checks they are sealed for this member.
    private static final SealedValue NAME = new SealedValue(SUBJECT, "bmFtZQ==");
    private static final SealedValue NUMBER = new SealedValue(SUBJECT, "bnVtYmVy");
    private static final SealedValue PHONE = new SealedValue(SUBJECT, "cGhvbmU=");
    private static final LocalDate JOINED = LocalDate.of(2005, 7, 1);
    private static final Instant ERASED_AT = Instant.parse("2026-12-01T08:00:00Z");

    private static final PartyMemberRegistered REGISTERED = new PartyMemberRegistered(MEMBER_ID, BRANCH_ID, NAME, NUMBER,
            PHONE, null, Gender.MALE, 1980, PartyMemberCategory.FULL, JOINED, STREET, AREA);
    private static final PartyMemberDataErased ERASED = new PartyMemberDataErased(MEMBER_ID, SUBJECT, ERASED_AT);

    private AggregateTestFixture<PartyMember> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PartyMember.class);
        FixedOrganizationDirectory directory = new FixedOrganizationDirectory()
                .with(BRANCH_ID, BRANCH, STREET, AREA)
                .with(OTHER_BRANCH_ID, BRANCH, OTHER_STREET, OTHER_AREA)
                .with(THIRD_BRANCH_ID, BRANCH, OTHER_STREET, null);
        fixture.registerInjectableResource(GEOGRAPHY);
        fixture.registerInjectableResource(directory);
        FixtureRegistrations.register(fixture, GEOGRAPHY, directory);
    }

    private static RegisterPartyMember register(String organizationId, SealedValue name, int birthYear, LocalDate joinedOn) {
        return new RegisterPartyMember(MEMBER_ID, organizationId, name, NUMBER, PHONE, null, Gender.MALE, birthYear,
                PartyMemberCategory.FULL, joinedOn, STREET, AREA);
    }

    @Nested
    class Registration {

        @Test
        void aMemberIsRegisteredInAnOrganizationWithSealedValuesAndClearFacts() {
            fixture.givenNoPriorActivity()
                    .when(register(BRANCH_ID, NAME, 1980, JOINED))
                    .expectEvents(REGISTERED);
        }

        @Test
        void theOrganizationMustBeRegistered() {
            fixture.givenNoPriorActivity()
                    .when(register(RegistryIds.organization("310105001-9999"), NAME, 1980, JOINED))
                    .expectException(violation("unknown-organization", "organizationId"))
                    .expectNoEvents();
        }

        @Test
        void aValueSealedForAnotherSubjectIsRefused() {
            SealedValue someoneElses = new SealedValue("party-member:" + RegistryIds.member("another"), "bmFtZQ==");
            fixture.givenNoPriorActivity()
                    .when(register(BRANCH_ID, someoneElses, 1980, JOINED))
                    .expectException(violation("name-not-sealed-for-member", "name"))
                    .expectNoEvents();
        }

        @Test
        void theNameIsRequired() {
            fixture.givenNoPriorActivity()
                    .when(register(BRANCH_ID, null, 1980, JOINED))
                    .expectException(violation("name-missing", "name"))
                    .expectNoEvents();
        }

        @Test
        void aMemberJoinsAtEighteenAtTheEarliest() {
            // Born 1990: 2007 is the year of turning 17.
            fixture.givenNoPriorActivity()
                    .when(register(BRANCH_ID, NAME, 1990, LocalDate.of(2007, 12, 31)))
                    .expectException(violation("joined-under-age", "joinedOn"))
                    .expectNoEvents();
        }

        @Test
        void theResidentialAreaMustBeTheReferenceDatas() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterPartyMember(MEMBER_ID, BRANCH_ID, NAME, NUMBER, PHONE, null, Gender.MALE, 1980,
                            PartyMemberCategory.FULL, JOINED, STREET, "310105001999"))
                    .expectException(violation("unknown-residential-area", "residentialAreaCode"))
                    .expectNoEvents();
        }

        @Test
        void theSamePersonRegisteredAgainChangesNothingThoughTheSealedValuesDiffer() {
            // A re-run import seals again: fresh nonces, other ciphertexts, the same facts.
            SealedValue resealed = new SealedValue(SUBJECT, "cmVzZWFsZWQ=");
            fixture.given(REGISTERED)
                    .when(register(BRANCH_ID, resealed, 1980, JOINED))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aRegistrationWithOtherFactsIsRefused() {
            fixture.given(REGISTERED)
                    .when(register(OTHER_BRANCH_ID, NAME, 1980, JOINED))
                    .expectException(violation("member-registered-differently"))
                    .expectNoEvents();
        }

        @Test
        void theRegistrationOfAnErasedMemberIsNotRecordedAgain() {
            fixture.given(REGISTERED, ERASED)
                    .when(register(BRANCH_ID, NAME, 1980, JOINED))
                    .expectException(violation("member-data-erased"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Transfer {

        @Test
        void aTransferMovesTheMemberToTheNewOrganizationsPlace() {
            fixture.given(REGISTERED)
                    .when(new TransferPartyMembership(MEMBER_ID, OTHER_BRANCH_ID, LocalDate.of(2020, 3, 1), "moved house"))
                    .expectEvents(new PartyMembershipTransferred(MEMBER_ID, BRANCH_ID, OTHER_BRANCH_ID, OTHER_STREET,
                            OTHER_AREA, LocalDate.of(2020, 3, 1), "moved house"));
        }

        @Test
        void aSecondTransferStartsFromWhereTheFirstLeftTheMember() {
            PartyMembershipTransferred first = new PartyMembershipTransferred(MEMBER_ID, BRANCH_ID, OTHER_BRANCH_ID,
                    OTHER_STREET, OTHER_AREA, LocalDate.of(2020, 3, 1), "moved house");
            fixture.given(REGISTERED, first)
                    .when(new TransferPartyMembership(MEMBER_ID, THIRD_BRANCH_ID, LocalDate.of(2023, 5, 2), null))
                    .expectEvents(new PartyMembershipTransferred(MEMBER_ID, OTHER_BRANCH_ID, THIRD_BRANCH_ID,
                            OTHER_STREET, null, LocalDate.of(2023, 5, 2), null));
        }

        @Test
        void notToTheOrganizationTheMemberBelongsTo() {
            fixture.given(REGISTERED)
                    .when(new TransferPartyMembership(MEMBER_ID, BRANCH_ID, LocalDate.of(2020, 3, 1), null))
                    .expectException(violation("transfer-to-same-organization", "toOrganizationId"))
                    .expectNoEvents();
        }

        @Test
        void notToAnUnknownOrganization() {
            fixture.given(REGISTERED)
                    .when(new TransferPartyMembership(MEMBER_ID, RegistryIds.organization("nowhere"), LocalDate.of(2020, 3, 1), null))
                    .expectException(violation("unknown-organization", "toOrganizationId"))
                    .expectNoEvents();
        }

        @Test
        void notDatedBeforeTheMemberJoined() {
            fixture.given(REGISTERED)
                    .when(new TransferPartyMembership(MEMBER_ID, OTHER_BRANCH_ID, JOINED.minusDays(1), null))
                    .expectException(violation("transfer-before-last-change", "transferredOn"))
                    .expectNoEvents();
        }

        @Test
        void notDatedBeforeTheLastTransfer() {
            PartyMembershipTransferred first = new PartyMembershipTransferred(MEMBER_ID, BRANCH_ID, OTHER_BRANCH_ID,
                    OTHER_STREET, OTHER_AREA, LocalDate.of(2020, 3, 1), null);
            fixture.given(REGISTERED, first)
                    .when(new TransferPartyMembership(MEMBER_ID, THIRD_BRANCH_ID, LocalDate.of(2019, 1, 1), null))
                    .expectException(violation("transfer-before-last-change", "transferredOn"))
                    .expectNoEvents();
        }

        @Test
        void notAfterErasure() {
            fixture.given(REGISTERED, ERASED)
                    .when(new TransferPartyMembership(MEMBER_ID, OTHER_BRANCH_ID, LocalDate.of(2027, 1, 1), null))
                    .expectException(violation("member-data-erased"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Erasure {

        @Test
        void erasureNamesTheSubjectWhoseKeyIsGone() {
            fixture.given(REGISTERED)
                    .when(new ErasePartyMemberData(MEMBER_ID, ERASED_AT))
                    .expectEvents(ERASED);
        }

        @Test
        void erasingAnErasedMemberAgainChangesNothing() {
            fixture.given(REGISTERED, ERASED)
                    .when(new ErasePartyMemberData(MEMBER_ID, ERASED_AT.plusSeconds(60)))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }
}
