package cn.changning.governance.syntheticdata;

/**
 * How many rows of each kind to generate.
 *
 * @param residentialAreas how many of the reference data's 185 areas the set uses (one secretary each, at least one
 *                         officer each)
 * @param policeMembers    how many of the officers are party members (and so also rows of members.csv)
 * @param serialOffset     added to the serials in organisation, building, youth-league, union and staff codes, so
 *                         that sets generated for different tests of one database do not share codes
 */
public record Scale(String name, int organizations, int members, int buildings, int residentUnits,
                    int youthLeagueOrganizations, int tradeUnions, int policeOfficers, int policeMembers,
                    int residentialAreas, int partyWorkers, int serialOffset) {

    /** The district as the 2016 report counts it. */
    public static final Scale FULL = new Scale("full", 6_800, 125_000, 213, 19_193, 636, 685, 192, 108, 185, 62, 0);

    /** A few hundred rows, one residential area per street: for tests. */
    public static final Scale SMALL = new Scale("small", 60, 200, 4, 30, 5, 5, 12, 7, 10, 3, 0);

    public Scale {
        if (policeOfficers < residentialAreas || policeMembers > policeOfficers || residentialAreas < 1
                || residentialAreas > 185 || members < policeMembers) {
            throw new IllegalArgumentException("inconsistent scale " + name);
        }
    }

    /** The same counts with codes from {@code offset + 1} on (the small set has fewer than 100 codes per street). */
    public Scale withSerialOffset(int offset) {
        if (offset < 0 || offset + organizations > 9_999) {
            throw new IllegalArgumentException("serial offset out of range: " + offset);
        }
        return new Scale(name, organizations, members, buildings, residentUnits, youthLeagueOrganizations, tradeUnions,
                policeOfficers, policeMembers, residentialAreas, partyWorkers, offset);
    }

    public static Scale named(String name) {
        return switch (name) {
            case "full" -> FULL;
            case "small" -> SMALL;
            default -> throw new IllegalArgumentException("scale is full or small, not " + name);
        };
    }

    /** The rows of a file (the header not counted) this scale generates. */
    public long rows(RegistryFile file) {
        return switch (file) {
            case ORGANIZATIONS -> organizations;
            case BUILDINGS -> buildings;
            case RESIDENT_UNITS -> residentUnits;
            case YOUTH_LEAGUE_ORGANIZATIONS -> youthLeagueOrganizations;
            case TRADE_UNIONS -> tradeUnions;
            case MEMBERS -> members;
            case POLICE_OFFICERS -> policeOfficers;
            case AREA_SECRETARIES -> residentialAreas;
            case PARTY_WORKERS -> partyWorkers;
        };
    }
}
