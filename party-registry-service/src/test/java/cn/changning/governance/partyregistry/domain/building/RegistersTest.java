package cn.changning.governance.partyregistry.domain.building;

import cn.changning.governance.contracts.personal.SealedValue;
import cn.changning.governance.contracts.registry.BuildingRegistered;
import cn.changning.governance.contracts.registry.PartyWorkerRegistered;
import cn.changning.governance.contracts.registry.ResidentUnitCategory;
import cn.changning.governance.contracts.registry.ResidentUnitRegistered;
import cn.changning.governance.contracts.registry.TradeUnionRegistered;
import cn.changning.governance.contracts.registry.YouthLeagueOrganizationRegistered;
import cn.changning.governance.partyregistry.domain.RegistryIds;
import cn.changning.governance.partyregistry.domain.registration.FixtureRegistrations;
import cn.changning.governance.partyregistry.domain.tradeunion.RegisterTradeUnion;
import cn.changning.governance.partyregistry.domain.tradeunion.TradeUnion;
import cn.changning.governance.partyregistry.domain.unit.RegisterResidentUnit;
import cn.changning.governance.partyregistry.domain.unit.ResidentUnit;
import cn.changning.governance.partyregistry.domain.worker.PartyWorker;
import cn.changning.governance.partyregistry.domain.worker.RegisterPartyWorker;
import cn.changning.governance.partyregistry.domain.youth.RegisterYouthLeagueOrganization;
import cn.changning.governance.partyregistry.domain.youth.YouthLeagueOrganization;
import cn.changning.governance.reference.geography.Geography;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static cn.changning.governance.partyregistry.domain.RuleViolations.violation;

/** The simple registers: buildings, resident units, youth-league organisations, trade unions, party workers. */
class RegistersTest {

    private static final Geography GEOGRAPHY = Geography.load();
    private static final String STREET = "310105001";
    private static final String AREA = "310105001001";

    private static <T> AggregateTestFixture<T> fixture(Class<T> type) {
        AggregateTestFixture<T> fixture = new AggregateTestFixture<>(type);
        fixture.registerInjectableResource(GEOGRAPHY);
        FixtureRegistrations.register(fixture, GEOGRAPHY, id -> java.util.Optional.empty());
        return fixture;
    }

    @Nested
    class Buildings {
        private final AggregateTestFixture<Building> fixture = fixture(Building.class);
        private final String id = RegistryIds.building("B-001");
        private final BuildingRegistered registered = new BuildingRegistered(id, "B-001", "长宁来福士", STREET, AREA, 30);

        @Test
        void aBuildingIsRegistered() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterBuilding(id, "B-001", "长宁来福士", STREET, AREA, 30))
                    .expectEvents(registered);
        }

        @Test
        void aBuildingHasAFloorAtLeast() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterBuilding(id, "B-001", "长宁来福士", STREET, AREA, 0))
                    .expectException(violation("floors-not-positive", "floors"))
                    .expectNoEvents();
        }

        @Test
        void theSameBuildingAgainChangesNothing() {
            fixture.given(registered)
                    .when(new RegisterBuilding(id, "B-001", "长宁来福士", STREET, AREA, 30))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void theSameBuildingWithOtherFactsIsRefused() {
            fixture.given(registered)
                    .when(new RegisterBuilding(id, "B-001", "长宁来福士", STREET, AREA, 31))
                    .expectException(violation("building-registered-differently"))
                    .expectNoEvents();
        }
    }

    @Nested
    class ResidentUnits {
        private final AggregateTestFixture<ResidentUnit> fixture = fixture(ResidentUnit.class);
        private final String id = RegistryIds.residentUnit("91310105MA1FL0XX1X");

        @Test
        void aUnitIsRegisteredInItsBuilding() {
            String building = RegistryIds.building("B-001");
            fixture.givenNoPriorActivity()
                    .when(new RegisterResidentUnit(id, "91310105MA1FL0XX1X", "某科技有限公司", ResidentUnitCategory.NEW_ECONOMIC,
                            STREET, AREA, building, 42))
                    .expectEvents(new ResidentUnitRegistered(id, "91310105MA1FL0XX1X", "某科技有限公司",
                            ResidentUnitCategory.NEW_ECONOMIC, STREET, AREA, building, 42));
        }

        @Test
        void aUnitNeedsItsCategory() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterResidentUnit(id, "91310105MA1FL0XX1X", "某科技有限公司", null, STREET, AREA, null, 42))
                    .expectException(violation("category-missing", "category"))
                    .expectNoEvents();
        }

        @Test
        void employeesAreNeverNegative() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterResidentUnit(id, "91310105MA1FL0XX1X", "某科技有限公司", ResidentUnitCategory.NEW_SOCIAL,
                            STREET, AREA, null, -1))
                    .expectException(violation("employees-negative", "employees"))
                    .expectNoEvents();
        }
    }

    @Nested
    class YouthLeagueOrganizations {
        private final AggregateTestFixture<YouthLeagueOrganization> fixture = fixture(YouthLeagueOrganization.class);
        private final String id = RegistryIds.youthLeague("Y-001");

        @Test
        void aYouthLeagueOrganizationIsRegistered() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterYouthLeagueOrganization(id, "Y-001", "某公司团支部", STREET, null, 12))
                    .expectEvents(new YouthLeagueOrganizationRegistered(id, "Y-001", "某公司团支部", STREET, null, 12));
        }

        @Test
        void itsStreetMustBeTheDistricts() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterYouthLeagueOrganization(id, "Y-001", "某公司团支部", "999999999", null, 12))
                    .expectException(violation("unknown-street", "streetCode"))
                    .expectNoEvents();
        }
    }

    @Nested
    class TradeUnions {
        private final AggregateTestFixture<TradeUnion> fixture = fixture(TradeUnion.class);
        private final String id = RegistryIds.tradeUnion("U-001");
        private final TradeUnionRegistered registered = new TradeUnionRegistered(id, "U-001", "某公司工会", STREET, null, 80);

        @Test
        void aTradeUnionWithOtherMembersUnderTheSameIdIsRefused() {
            fixture.given(registered)
                    .when(new RegisterTradeUnion(id, "U-001", "某公司工会", STREET, null, 81))
                    .expectException(violation("trade-union-registered-differently"))
                    .expectNoEvents();
        }

        @Test
        void membersAreNeverNegative() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterTradeUnion(id, "U-001", "某公司工会", STREET, null, -3))
                    .expectException(violation("members-negative", "members"))
                    .expectNoEvents();
        }
    }

    @Nested
    class PartyWorkers {
        private final AggregateTestFixture<PartyWorker> fixture = fixture(PartyWorker.class);
        private final String id = RegistryIds.worker("W-017");
        private final SealedValue name = new SealedValue("party-worker:" + id, "bmFtZQ==");

        @Test
        void aWorkerIsRegisteredWithTheNameSealed() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterPartyWorker(id, "W-017", name, STREET, true))
                    .expectEvents(new PartyWorkerRegistered(id, "W-017", name, STREET, true));
        }

        @Test
        void aNameSealedForAnotherSubjectIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterPartyWorker(id, "W-017", new SealedValue("party-worker:someone", "bmFtZQ=="), STREET, true))
                    .expectException(violation("name-not-sealed-for-worker", "name"))
                    .expectNoEvents();
        }

        @Test
        void theSameWorkerResealedChangesNothing() {
            fixture.given(new PartyWorkerRegistered(id, "W-017", name, STREET, true))
                    .when(new RegisterPartyWorker(id, "W-017", new SealedValue("party-worker:" + id, "b3RoZXI="), STREET, true))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }
}
