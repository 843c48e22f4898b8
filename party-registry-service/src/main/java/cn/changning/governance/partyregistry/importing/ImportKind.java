package cn.changning.governance.partyregistry.importing;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What one import file holds, with its columns. Files are imported in this order: a row may name only rows of the
 * files before it (a member its organisation, a unit its building, an officer the member it is).
 */
public enum ImportKind {
    ORGANIZATIONS("organizations", "code", "name", "kind", "level", "parentCode", "streetCode", "residentialAreaCode",
            "foundedOn"),
    BUILDINGS("buildings", "code", "name", "streetCode", "residentialAreaCode", "floors"),
    RESIDENT_UNITS("resident-units", "creditCode", "name", "category", "streetCode", "residentialAreaCode",
            "buildingCode", "employees"),
    YOUTH_LEAGUE_ORGANIZATIONS("youth-league-organizations", "code", "name", "streetCode", "unitCreditCode", "members"),
    TRADE_UNIONS("trade-unions", "code", "name", "streetCode", "unitCreditCode", "members"),
    MEMBERS("members", "identityNumber", "name", "gender", "phone", "address", "organizationCode", "category",
            "joinedOn"),
    POLICE_OFFICERS("police-officers", "badgeNumber", "name", "identityNumber", "residentialAreaCode", "inPostFrom",
            "joinedPartyOn"),
    AREA_SECRETARIES("area-secretaries", "residentialAreaCode", "name", "identityNumber", "careerEstablishment",
            "appointedOn"),
    PARTY_WORKERS("party-workers", "staffNumber", "name", "streetCode", "fullTime");

    private final String parameter;
    private final List<String> columns;

    ImportKind(String parameter, String... columns) {
        this.parameter = parameter;
        this.columns = List.of(columns);
    }

    /** The {@code kind} request parameter, e.g. {@code resident-units}. */
    public String parameter() {
        return parameter;
    }

    public List<String> columns() {
        return columns;
    }

    public static Optional<ImportKind> of(String parameter) {
        return Arrays.stream(values()).filter(k -> k.parameter.equals(parameter)).findFirst();
    }

    public static String parameters() {
        return String.join(", ", Arrays.stream(values()).map(ImportKind::parameter).toList());
    }
}
