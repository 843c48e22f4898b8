package cn.changning.governance.identity.clients;

import cn.changning.governance.contracts.identity.Claims;
import cn.changning.governance.contracts.identity.ActorKind;
import cn.changning.governance.contracts.identity.Scopes;
import cn.changning.governance.reference.agencies.Agency;
import cn.changning.governance.reference.agencies.AgencyDirectory;
import cn.changning.governance.reference.agencies.AgencyType;
import cn.changning.governance.reference.agencies.Department;
import cn.changning.governance.reference.geography.Geography;
import cn.changning.governance.reference.geography.Subdistrict;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped clients file is what the generator makes of today's reference data, and (computed from the reference
 * data, not from the file) it has one client per street, per stationed agency and per department.
 */
class ClientsFileTest {

    static final Geography GEOGRAPHY = Geography.load();
    static final AgencyDirectory DIRECTORY = AgencyDirectory.load(GEOGRAPHY);
    static final ClientsFile SHIPPED = ClientsFile.shipped();

    @Test
    void theShippedFileIsExactlyWhatTheGeneratorWritesFromTodaysReferenceData() throws IOException {
        String shipped;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(ClientsFile.RESOURCE)) {
            shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(shipped)
                .as("%s is stale: regenerate it with ./mvnw -q -pl authorization-server -am process-classes -Pregenerate-clients",
                        ClientsFile.RESOURCE)
                .isEqualTo(ClientsFileGenerator.generate(GEOGRAPHY, DIRECTORY).render());
        // And it reads back to the same clients.
        assertThat(SHIPPED).isEqualTo(ClientsFileGenerator.generate(GEOGRAPHY, DIRECTORY));
    }

    @Test
    void everyStreetOfTheGeographyHasExactlyOneStreetCentreClient() {
        List<Subdistrict> streets = GEOGRAPHY.subdistricts();
        assertThat(streets).hasSize(10);
        for (Subdistrict street : streets) {
            assertThat(clients(ActorKind.STREET_CENTRE).filter(c -> c.claims().get(Claims.STREET).equals(street.code())).toList())
                    .as("street centre clients of %s", street.code())
                    .singleElement()
                    .satisfies(c -> {
                        assertThat(c.clientId()).isEqualTo("street-" + street.code());
                        assertThat(c.claims()).containsExactly(Map.entry(Claims.STREET, street.code()));
                        assertThat(c.scopes()).containsExactly("cases:read", "cases:handle", "cases:personal-data", "dispatch:read", "dispatch:street",
                                "dispatch:agency", "assessment:read", "assessment:street", "reference:read");
                    });
        }
        assertThat(clients(ActorKind.STREET_CENTRE)).hasSameSizeAs(streets);
    }

    @Test
    void everyStationedAgencyHasExactlyOneAgencyClientWithItsStreetAndDepartment() {
        // The stationed agencies: every street agency of a department's type, not the streets' own teams, not the district units.
        List<Agency> stationed = DIRECTORY.list(null, null).stream().filter(a -> a.type() != AgencyType.STREET_TEAM).toList();
        assertThat(stationed).hasSize(GEOGRAPHY.subdistricts().size() * (AgencyType.values().length - 1));
        for (Agency agency : stationed) {
            assertThat(clients(ActorKind.AGENCY).filter(c -> c.claims().get(Claims.AGENCY).equals(agency.id())).toList())
                    .as("agency clients of %s", agency.id())
                    .singleElement()
                    .satisfies(c -> {
                        assertThat(c.clientId()).isEqualTo("agency-" + agency.id());
                        assertThat(c.claims()).containsExactly(Map.entry(Claims.AGENCY, agency.id()),
                                Map.entry(Claims.STREET, agency.streetCode()), Map.entry(Claims.DEPARTMENT, agency.parentDepartment()));
                        assertThat(DIRECTORY.department(c.claims().get(Claims.DEPARTMENT))).isPresent();
                        assertThat(c.scopes()).containsExactly("dispatch:read", "dispatch:agency", "assessment:read", "reference:read");
                    });
        }
        assertThat(clients(ActorKind.AGENCY)).hasSameSizeAs(stationed);
        // No street team and no district unit has a client of its own.
        assertThat(SHIPPED.clients()).noneMatch(c -> c.clientId().endsWith("-street-team"));
        assertThat(DIRECTORY.districtUnits()).allSatisfy(unit ->
                assertThat(SHIPPED.clients()).noneMatch(c -> c.clientId().contains(unit.id())));
    }

    @Test
    void everyDepartmentHasExactlyOneDepartmentClient() {
        List<Department> departments = DIRECTORY.departments();
        assertThat(departments).isNotEmpty();
        for (Department department : departments) {
            String expectedId = "department-" + department.code().toLowerCase().replace('_', '-');
            assertThat(clients(ActorKind.DEPARTMENT).filter(c -> c.claims().get(Claims.DEPARTMENT).equals(department.code())).toList())
                    .singleElement()
                    .satisfies(c -> {
                        assertThat(c.clientId()).isEqualTo(expectedId);
                        assertThat(c.scopes()).containsExactly("dispatch:read", "assessment:read", "assessment:department", "reference:read");
                    });
        }
        assertThat(clients(ActorKind.DEPARTMENT)).hasSameSizeAs(departments);
        assertThat(byId()).containsKey("department-district-city-management-bureau");
    }

    @Test
    void partnersTheDistrictCentreAndTheRegistryAreThereWithTheirScopes() {
        Map<String, CallerClient> byId = byId();
        for (String partner : List.of("partner-hotline-12345", "partner-city-platform")) {
            assertThat(byId.get(partner)).satisfies(c -> {
                assertThat(c.actorKind()).isEqualTo(ActorKind.PARTNER);
                assertThat(c.claims()).containsExactly(Map.entry(Claims.PARTNER, partner));
                assertThat(c.scopes()).containsExactly("cases:report", "cases:read", "reference:read");
            });
        }
        assertThat(byId.get("district-centre")).satisfies(c -> {
            assertThat(c.actorKind()).isEqualTo(ActorKind.DISTRICT_CENTRE);
            assertThat(c.claims()).isEmpty();
            assertThat(c.scopes()).containsExactly("cases:read", "dispatch:read", "dispatch:district", "dispatch:agency",
                    "assessment:read", "assessment:district", "registry:read", "reference:read");
        });
        assertThat(byId.get("registry-staff")).satisfies(c -> {
            assertThat(c.actorKind()).isEqualTo(ActorKind.REGISTRY);
            assertThat(c.claims()).isEmpty();
            assertThat(c.scopes()).containsExactly("registry:read", "registry:write", "reference:read");
        });
        assertThat(byId.get("registry-officer")).satisfies(c -> {
            assertThat(c.actorKind()).isEqualTo(ActorKind.REGISTRY);
            assertThat(c.scopes()).containsExactly("registry:read", "registry:write", "registry:personal-data", "reference:read");
        });
        // Only the officer may see members' personal data.
        assertThat(SHIPPED.clients().stream().filter(c -> c.scopes().contains(Scopes.REGISTRY_PERSONAL_DATA)))
                .extracting(CallerClient::clientId).containsExactly("registry-officer");
        int expected = 2 + GEOGRAPHY.subdistricts().size() + ClientsFileGenerator.stationedAgencies(DIRECTORY).size() + 1
                + DIRECTORY.departments().size() + 2;
        assertThat(SHIPPED.clients()).hasSize(expected);
    }

    @Test
    void theFileHoldsNoSecret() {
        String text = SHIPPED.render().toLowerCase();
        assertThat(text).doesNotContain("secret\"", "password", "{bcrypt}", "{noop}", "dev-");
    }

    private static java.util.stream.Stream<CallerClient> clients(ActorKind kind) {
        return SHIPPED.clients().stream().filter(c -> c.actorKind() == kind);
    }

    private static Map<String, CallerClient> byId() {
        return SHIPPED.clients().stream().collect(Collectors.toMap(CallerClient::clientId, Function.identity()));
    }
}
