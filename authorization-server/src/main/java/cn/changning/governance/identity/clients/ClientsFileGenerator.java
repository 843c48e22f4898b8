package cn.changning.governance.identity.clients;

import cn.changning.governance.contracts.identity.Claims;
import cn.changning.governance.contracts.identity.ActorKind;
import cn.changning.governance.contracts.identity.Scopes;
import cn.changning.governance.reference.agencies.Agency;
import cn.changning.governance.reference.agencies.AgencyDirectory;
import cn.changning.governance.reference.agencies.Department;
import cn.changning.governance.reference.geography.Geography;
import cn.changning.governance.reference.geography.Subdistrict;
import cn.changning.governance.reference.geography.SubdistrictKind;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static cn.changning.governance.contracts.identity.Scopes.*;

/**
 * Writes {@value ClientsFile#RESOURCE} from the reference data: the district's complete set of callers. Run it after
 * the geography or the agency directory changes ({@code ClientsFileTest} fails until you do):
 * <pre>./mvnw -q -pl authorization-server -am process-classes -Pregenerate-clients</pre>
 * or run {@link #main} from the IDE with the repository root as working directory.
 */
public final class ClientsFileGenerator {

    public static final Path DEFAULT_OUTPUT = Path.of("authorization-server/src/main/resources", ClientsFile.RESOURCE);

    private ClientsFileGenerator() {
    }

    /** @param args the file to write; default {@link #DEFAULT_OUTPUT}, relative to the repository root */
    public static void main(String[] args) throws IOException {
        Path output = args.length > 0 ? Path.of(args[0]) : DEFAULT_OUTPUT;
        Geography geography = Geography.load();
        ClientsFile file = generate(geography, AgencyDirectory.load(geography));
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(output, file.render(), StandardCharsets.UTF_8);
        System.out.println("wrote " + file.clients().size() + " clients to " + output.toAbsolutePath());
    }

    public static ClientsFile generate(Geography geography, AgencyDirectory directory) {
        List<CallerClient> clients = new ArrayList<>();
        clients.add(partner("partner-hotline-12345", "12345 citizen service hotline"));
        clients.add(partner("partner-city-platform", "City of Shanghai urban operation platform"));
        for (Subdistrict street : geography.subdistricts()) {
            clients.add(new CallerClient(streetClientId(street.code()),
                    street.name() + (street.kind() == SubdistrictKind.TOWN ? " Town" : " Street") + " grid-management centre",
                    ActorKind.STREET_CENTRE, STREET_CENTRE_SCOPES, Map.of(Claims.STREET, street.code())));
        }
        for (Agency agency : stationedAgencies(directory)) {
            Map<String, String> claims = new LinkedHashMap<>();
            claims.put(Claims.AGENCY, agency.id());
            claims.put(Claims.STREET, agency.streetCode());
            claims.put(Claims.DEPARTMENT, agency.parentDepartment());
            clients.add(new CallerClient(agencyClientId(agency.id()), agency.name(), ActorKind.AGENCY, AGENCY_SCOPES, claims));
        }
        clients.add(new CallerClient("district-centre", geography.districtName() + " district grid-management centre",
                ActorKind.DISTRICT_CENTRE, DISTRICT_CENTRE_SCOPES, Map.of()));
        for (Department department : directory.departments()) {
            clients.add(new CallerClient(departmentClientId(department.code()), department.name(), ActorKind.DEPARTMENT,
                    DEPARTMENT_SCOPES, Map.of(Claims.DEPARTMENT, department.code())));
        }
        clients.add(new CallerClient("registry-staff", "Party-building registry staff", ActorKind.REGISTRY,
                REGISTRY_STAFF_SCOPES, Map.of()));
        clients.add(new CallerClient("registry-officer", "Party-building registry officer (members' personal data)",
                ActorKind.REGISTRY, REGISTRY_OFFICER_SCOPES, Map.of()));
        return new ClientsFile("The platform's OAuth2 clients (client credentials), generated from the reference data by "
                + ClientsFileGenerator.class.getName() + ": do not edit by hand. No secrets here.",
                directory.version(), clients);
    }

    /**
     * The agencies the district departments station in the streets: the directory's street agencies without the
     * streets' own teams (a street team answers to its street office, which the street's centre speaks for) and
     * without the district units (not stationed in a street).
     */
    public static List<Agency> stationedAgencies(AgencyDirectory directory) {
        return directory.list(null, null).stream().filter(a -> !a.type().isStreetTeam()).toList();
    }

    public static String streetClientId(String streetCode) {
        return "street-" + streetCode;
    }

    public static String agencyClientId(String agencyId) {
        return "agency-" + agencyId;
    }

    /** {@code DISTRICT_CITY_MANAGEMENT_BUREAU} → {@code department-district-city-management-bureau}. */
    public static String departmentClientId(String departmentCode) {
        return "department-" + departmentCode.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static CallerClient partner(String clientId, String name) {
        return new CallerClient(clientId, name, ActorKind.PARTNER, PARTNER_SCOPES, Map.of(Claims.PARTNER, clientId));
    }
}
