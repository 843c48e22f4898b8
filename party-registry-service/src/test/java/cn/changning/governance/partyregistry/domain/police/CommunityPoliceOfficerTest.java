package cn.changning.governance.partyregistry.domain.police;

import cn.changning.governance.common.domain.DomainRuleViolation;
import cn.changning.governance.contracts.personal.SealedValue;
import cn.changning.governance.contracts.registry.CommunityPoliceOfficerRegistered;
import cn.changning.governance.reference.geography.Geography;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.hamcrest.Matchers.instanceOf;

class CommunityPoliceOfficerTest {

    private static final String OFFICER = "00000000-0000-3000-8000-00000000000a";
    private static final SealedValue NAME = new SealedValue("police-officer:" + OFFICER, "c2VhbGVk");

    private AggregateTestFixture<CommunityPoliceOfficer> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CommunityPoliceOfficer.class);
        fixture.registerInjectableResource(Geography.load());
    }

    @Test
    void anOfficerWhoIsAPartyMemberIsRegisteredWithTheMembershipAndTheDayOfJoining() {
        fixture.givenNoPriorActivity()
                .when(new RegisterCommunityPoliceOfficer(OFFICER, "031234", NAME, "m-1", LocalDate.of(2026, 7, 1), "310105001"))
                .expectEvents(new CommunityPoliceOfficerRegistered(OFFICER, "031234", NAME, "m-1", LocalDate.of(2026, 7, 1),
                        "310105001"));
    }

    @Test
    void aDayOfJoiningThePartyWithoutAMembershipIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RegisterCommunityPoliceOfficer(OFFICER, "031234", NAME, null, LocalDate.of(2026, 7, 1), "310105001"))
                .expectException(instanceOf(DomainRuleViolation.class))
                .expectNoEvents();
    }

    @Test
    void aStreetOutsideTheDistrictIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RegisterCommunityPoliceOfficer(OFFICER, "031234", NAME, null, null, "310106001"))
                .expectException(instanceOf(DomainRuleViolation.class))
                .expectNoEvents();
    }
}
