package cn.changning.governance.syntheticdata;

import cn.changning.governance.reference.geography.ResidentialArea;
import cn.changning.governance.syntheticdata.DistrictPlaces.Street;
import cn.changning.governance.syntheticdata.OrganizationPlan.PlannedOrganization;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The people: community police officers (planned first: the party members among them are also rows of
 * members.csv, with the same identity number, in their street's police-station branch), members (streamed,
 * organisation by organisation), residential-area secretaries and party workers. Identity numbers and phones
 * are unique across all files.
 */
final class PeoplePlan {

    record PlannedOfficer(String badgeNumber, String name, String identityNumber, boolean male, String areaCode,
                          String streetCode, LocalDate inPostFrom, LocalDate joinedPartyOn) {
    }

    private final DistrictPlaces places;
    private final LocalDate asOf;
    private final long seed;
    private final ResidentIdentityNumbers identities = new ResidentIdentityNumbers();
    private final Phones phones = new Phones();
    private final List<PlannedOfficer> officers = new ArrayList<>();

    PeoplePlan(DistrictPlaces places, LocalDate asOf, long seed, int officerCount, int policeMembers) {
        this.places = places;
        this.asOf = asOf;
        this.seed = seed;
        SeededRandom random = SeededRandom.forPurpose(seed, "officers");
        List<ResidentialArea> areas = places.areas();
        // One officer per area; the officers beyond the areas are successors already in post (first in, then out).
        List<ResidentialArea> postings = new ArrayList<>(areas);
        for (int i = areas.size(); i < officerCount; i++) {
            postings.add(random.pick(areas));
        }
        boolean[] member = new boolean[officerCount];
        for (int chosen = 0; chosen < policeMembers; ) {
            int i = random.nextInt(officerCount);
            if (!member[i]) {
                member[i] = true;
                chosen++;
            }
        }
        java.util.Set<Integer> badges = new java.util.HashSet<>();
        for (int i = 0; i < officerCount; i++) {
            boolean male = random.chance(0.85);
            LocalDate born = Dates.inYears(random, 1966, 1998);
            ResidentialArea area = postings.get(i);
            LocalDate inPost = i < areas.size()
                    ? Dates.between(random, max(born.plusYears(24), LocalDate.of(2006, 1, 1)), asOf.minusMonths(4))
                    : Dates.between(random, asOf.minusMonths(3), asOf.minusDays(1));
            LocalDate joined = member[i] ? Dates.between(random, born.plusYears(20), asOf.minusDays(30)) : null;
            int badge;
            do {
                badge = random.between(10_000, 99_999);
            } while (!badges.add(badge));
            officers.add(new PlannedOfficer("0" + badge, ChineseNames.next(random, male),
                    identities.next(random, born, male), male, area.code(), area.subdistrictCode(), inPost, joined));
        }
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    long writeOfficers(Path file) throws IOException {
        try (CsvOut out = new CsvOut(file, RegistryFile.POLICE_OFFICERS.header())) {
            for (PlannedOfficer o : officers) {
                out.row(o.badgeNumber(), o.name(), o.identityNumber(), o.areaCode(), o.inPostFrom(), o.joinedPartyOn());
            }
            return out.rows();
        }
    }

    /** Members per organisation in proportion to its weight; the police-members go to their street's station branch. */
    long writeMembers(Path file, OrganizationPlan plan, int total) throws IOException {
        SeededRandom random = SeededRandom.forPurpose(seed, "members");
        Map<String, List<PlannedOfficer>> policeByBranch = new HashMap<>();
        int policeMembers = 0;
        for (PlannedOfficer o : officers) {
            if (o.joinedPartyOn() != null) {
                policeByBranch.computeIfAbsent(plan.policeBranch(o.streetCode()).code(), k -> new ArrayList<>()).add(o);
                policeMembers++;
            }
        }
        List<PlannedOrganization> organizations = plan.organizations();
        int[] counts = Dates.apportion(total - policeMembers,
                organizations.stream().mapToDouble(PlannedOrganization::memberWeight).toArray());
        try (CsvOut out = new CsvOut(file, RegistryFile.MEMBERS.header())) {
            for (int i = 0; i < organizations.size(); i++) {
                PlannedOrganization org = organizations.get(i);
                Street street = places.street(org.streetCode());
                for (PlannedOfficer o : policeByBranch.getOrDefault(org.code(), List.of())) {
                    out.row(o.identityNumber(), o.name(), gender(o.male()), phones.next(random),
                            places.address(random, street), org.code(),
                            o.joinedPartyOn().isAfter(asOf.minusYears(1)) ? "PROBATIONARY" : "FULL", o.joinedPartyOn());
                }
                boolean residential = org.kind().equals("RESIDENTIAL_AREA");
                for (int m = 0; m < counts[i]; m++) {
                    boolean male = random.chance(residential ? 0.42 : 0.55);
                    LocalDate born = residential ? Dates.inYears(random, 1932, 1978) : Dates.inYears(random, 1958, 2004);
                    boolean probationary = born.plusYears(19).isBefore(asOf.minusYears(1)) && random.chance(0.02);
                    LocalDate joined = probationary ? Dates.between(random, asOf.minusDays(364), asOf.minusDays(1))
                            : Dates.between(random, born.plusYears(18),
                            min(born.plusYears(55), asOf.minusYears(1).minusDays(1)));
                    out.row(identities.next(random, born, male), ChineseNames.next(random, male), gender(male),
                            phones.next(random), places.address(random, street), org.code(),
                            probationary ? "PROBATIONARY" : "FULL", joined);
                }
            }
            return out.rows();
        }
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    static String gender(boolean male) {
        return male ? "MALE" : "FEMALE";
    }

    /**
     * One secretary per area, with about the "507030" shares: 56% on career establishment; 70% of working age
     * (under 60 on the as-of date), 32% born in the 1970s or 1980s.
     */
    long writeSecretaries(Path file) throws IOException {
        SeededRandom random = SeededRandom.forPurpose(seed, "secretaries");
        int year = asOf.getYear();
        Weighted<int[]> births = new Weighted<int[]>()
                .add(new int[] {year - 68, year - 61}, 30)
                .add(new int[] {year - 59, 1969}, 15)
                .add(new int[] {1970, 1989}, 32)
                .add(new int[] {1990, Math.min(1998, year - 26)}, 23);
        try (CsvOut out = new CsvOut(file, RegistryFile.AREA_SECRETARIES.header())) {
            for (ResidentialArea area : places.areas()) {
                boolean male = random.chance(0.35);
                int[] range = births.pick(random);
                LocalDate born = Dates.inYears(random, range[0], range[1]);
                LocalDate appointed = Dates.between(random, max(born.plusYears(25), LocalDate.of(2008, 1, 1)),
                        asOf.minusDays(30));
                out.row(area.code(), ChineseNames.next(random, male), identities.next(random, born, male),
                        random.chance(0.56), appointed);
            }
            return out.rows();
        }
    }

    /** Workers spread over the streets by their "two new" organisations; one in 31 is part-time. */
    long writeWorkers(Path file, Map<String, Integer> twoNewByStreet, int total, int serialOffset) throws IOException {
        SeededRandom random = SeededRandom.forPurpose(seed, "workers");
        List<Street> streets = places.streets();
        int[] perStreet = Dates.apportion(total, streets.stream()
                .mapToDouble(s -> twoNewByStreet.getOrDefault(s.code(), 0) + 1).toArray());
        int serial = 0;
        try (CsvOut out = new CsvOut(file, RegistryFile.PARTY_WORKERS.header())) {
            for (int s = 0; s < streets.size(); s++) {
                for (int i = 0; i < perStreet[s]; i++) {
                    serial++;
                    boolean fullTime = serial % 31 != 0;
                    out.row("PW%04d".formatted(serialOffset + serial), ChineseNames.next(random, random.chance(0.4)),
                            streets.get(s).code(), fullTime);
                }
            }
            return out.rows();
        }
    }
}
