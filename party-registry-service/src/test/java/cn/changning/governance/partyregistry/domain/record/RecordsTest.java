package cn.changning.governance.partyregistry.domain.record;

import cn.changning.governance.contracts.registry.ActivityKind;
import cn.changning.governance.contracts.registry.ActivityRecorded;
import cn.changning.governance.contracts.registry.HonourAwarded;
import cn.changning.governance.contracts.registry.HonourLevel;
import cn.changning.governance.contracts.registry.PartyAffairKind;
import cn.changning.governance.contracts.registry.VisitLogged;
import cn.changning.governance.partyregistry.domain.RegistryIds;
import cn.changning.governance.partyregistry.domain.organization.FixedOrganizationDirectory;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static cn.changning.governance.contracts.registry.PartyOrganizationLevel.BRANCH;
import static cn.changning.governance.partyregistry.domain.RuleViolations.violation;

/** Activity records, visit logs, party affairs and honours: the organisation's place, required facts. */
class RecordsTest {

    private static final String STREET = "310105001";
    private static final String AREA = "310105001001";
    private static final String BRANCH_ID = RegistryIds.organization("310105001-0003");
    private static final FixedOrganizationDirectory DIRECTORY = new FixedOrganizationDirectory().with(BRANCH_ID, BRANCH, STREET, AREA);
    private static final LocalDate DAY = LocalDate.of(2026, 7, 1);

    private static <T> AggregateTestFixture<T> fixture(Class<T> type) {
        AggregateTestFixture<T> fixture = new AggregateTestFixture<>(type);
        fixture.registerInjectableResource(DIRECTORY);
        return fixture;
    }

    @Test
    void anActivityTakesItsOrganizationsPlace() {
        fixture(ActivityRecord.class).givenNoPriorActivity()
                .when(new RecordActivity("a-1", BRANCH_ID, ActivityKind.THEME_PARTY_DAY, "七一主题党日", DAY, 23, "registry-staff"))
                .expectEvents(new ActivityRecorded("a-1", BRANCH_ID, ActivityKind.THEME_PARTY_DAY, "七一主题党日", DAY, 23,
                        STREET, AREA, "registry-staff"));
    }

    @Test
    void anActivityOfAnUnknownOrganizationIsRefused() {
        fixture(ActivityRecord.class).givenNoPriorActivity()
                .when(new RecordActivity("a-2", RegistryIds.organization("none"), ActivityKind.OTHER, "x", DAY, 1, "registry-staff"))
                .expectException(violation("unknown-organization", "organizationId"))
                .expectNoEvents();
    }

    @Test
    void participantsAreNeverNegative() {
        fixture(ActivityRecord.class).givenNoPriorActivity()
                .when(new RecordActivity("a-3", BRANCH_ID, ActivityKind.STUDY_SESSION, "学习", DAY, -1, "registry-staff"))
                .expectException(violation("participants-negative", "participants"))
                .expectNoEvents();
    }

    @Test
    void aVisitNeedsItsPurpose() {
        fixture(VisitLog.class).givenNoPriorActivity()
                .when(new LogVisit("v-1", BRANCH_ID, null, null, DAY, " ", null, "registry-staff"))
                .expectException(violation("purpose-missing", "purpose"))
                .expectNoEvents();
    }

    @Test
    void aVisitByAMemberIsLoggedAtTheOrganizationsPlace() {
        String member = RegistryIds.member("p");
        String unit = RegistryIds.residentUnit("9131");
        fixture(VisitLog.class).givenNoPriorActivity()
                .when(new LogVisit("v-2", BRANCH_ID, member, unit, DAY, "两新组织走访", "了解党建需求", "registry-staff"))
                .expectEvents(new VisitLogged("v-2", BRANCH_ID, member, unit, DAY, "两新组织走访", "了解党建需求", STREET, AREA,
                        "registry-staff"));
    }

    @Test
    void aPartyAffairNeedsItsDate() {
        fixture(PartyAffair.class).givenNoPriorActivity()
                .when(new RecordPartyAffair("p-1", BRANCH_ID, PartyAffairKind.DUES_COLLECTED, null, null, "registry-staff"))
                .expectException(violation("occurredOn-missing", "occurredOn"))
                .expectNoEvents();
    }

    @Test
    void anHonourMayGoToAMemberOfTheOrganization() {
        String member = RegistryIds.member("q");
        fixture(Honour.class).givenNoPriorActivity()
                .when(new AwardHonour("h-1", BRANCH_ID, member, "优秀共产党员", HonourLevel.DISTRICT, DAY, "registry-staff"))
                .expectEvents(new HonourAwarded("h-1", BRANCH_ID, member, "优秀共产党员", HonourLevel.DISTRICT, DAY, STREET, AREA,
                        "registry-staff"));
    }

    @Test
    void anHonourNeedsItsLevel() {
        fixture(Honour.class).givenNoPriorActivity()
                .when(new AwardHonour("h-2", BRANCH_ID, null, "先进基层党组织", null, DAY, "registry-staff"))
                .expectException(violation("level-missing", "level"))
                .expectNoEvents();
    }
}
