package cn.changning.governance.syntheticdata;

import cn.changning.governance.reference.geography.Geography;
import cn.changning.governance.reference.geography.ResidentialArea;
import cn.changning.governance.reference.geography.Subdistrict;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class SyntheticRegistryDataTest {

    private static final Geography GEOGRAPHY = Geography.load();

    @TempDir
    Path dir;

    @Test
    void theSmallSetHasItsCountsAndEveryReferenceResolves() throws IOException {
        SyntheticRegistryData.GeneratedFiles files = SyntheticRegistryData.generate(Scale.SMALL, 14, dir.resolve("s"));

        Map<RegistryFile, Integer> counts = checkAll(files.directory());
        assertThat(counts).containsEntry(RegistryFile.ORGANIZATIONS, 60).containsEntry(RegistryFile.MEMBERS, 200)
                .containsEntry(RegistryFile.BUILDINGS, 4).containsEntry(RegistryFile.RESIDENT_UNITS, 30)
                .containsEntry(RegistryFile.YOUTH_LEAGUE_ORGANIZATIONS, 5).containsEntry(RegistryFile.TRADE_UNIONS, 5)
                .containsEntry(RegistryFile.POLICE_OFFICERS, 12).containsEntry(RegistryFile.AREA_SECRETARIES, 10)
                .containsEntry(RegistryFile.PARTY_WORKERS, 3);
        assertThat(files.rows(RegistryFile.MEMBERS)).isEqualTo(200);
    }

    @Test
    void theFullSetHasTheReportsFiguresAndEveryReferenceResolves() throws IOException {
        SyntheticRegistryData.GeneratedFiles files = SyntheticRegistryData.generate(Scale.FULL, 2016, dir.resolve("f"));

        Map<RegistryFile, Integer> counts = checkAll(files.directory());
        assertThat(counts).containsEntry(RegistryFile.ORGANIZATIONS, 6_800).containsEntry(RegistryFile.MEMBERS, 125_000)
                .containsEntry(RegistryFile.BUILDINGS, 213).containsEntry(RegistryFile.RESIDENT_UNITS, 19_193)
                .containsEntry(RegistryFile.YOUTH_LEAGUE_ORGANIZATIONS, 636).containsEntry(RegistryFile.TRADE_UNIONS, 685)
                .containsEntry(RegistryFile.POLICE_OFFICERS, 192).containsEntry(RegistryFile.AREA_SECRETARIES, 185)
                .containsEntry(RegistryFile.PARTY_WORKERS, 62);
        // 108 of the 192 officers are party members: each is a row of members.csv with the same number and name.
        List<String[]> officers = read(files.directory(), RegistryFile.POLICE_OFFICERS);
        Map<String, String> memberNames = new HashMap<>();
        forEach(files.directory(), RegistryFile.MEMBERS, r -> memberNames.put(r[0], r[1]));
        long linked = officers.stream().filter(o -> o[1].equals(memberNames.get(o[2]))).count();
        assertThat(linked).isEqualTo(108);
        assertThat(officers.stream().filter(o -> !o[5].isEmpty()).count()).isEqualTo(108);
        // "two new" units and full-time workers: one worker per 150.
        long twoNew = read(files.directory(), RegistryFile.RESIDENT_UNITS).stream()
                .filter(u -> u[2].equals("NEW_ECONOMIC") || u[2].equals("NEW_SOCIAL")).count();
        long fullTime = read(files.directory(), RegistryFile.PARTY_WORKERS).stream().filter(w -> w[3].equals("true")).count();
        assertThat(twoNew).isEqualTo(9_000);
        assertThat(fullTime).isEqualTo(60);
        // 507030 shares, roughly: career establishment about half, 70% under 60, 30% born 1970-1989.
        List<String[]> secretaries = read(files.directory(), RegistryFile.AREA_SECRETARIES);
        long career = secretaries.stream().filter(s -> s[3].equals("true")).count();
        long workingAge = secretaries.stream().filter(s -> Integer.parseInt(s[2].substring(6, 10)) > 1966).count();
        long seventiesEighties = secretaries.stream()
                .filter(s -> s[2].substring(6, 9).equals("197") || s[2].substring(6, 9).equals("198")).count();
        assertThat(career).isBetween(80L, 125L);
        assertThat(workingAge).isBetween(110L, 150L);
        assertThat(seventiesEighties).isBetween(35L, 80L);
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedOthers() throws IOException {
        SyntheticRegistryData.generate(Scale.SMALL, 7, dir.resolve("a"));
        SyntheticRegistryData.generate(Scale.SMALL, 7, dir.resolve("b"));
        SyntheticRegistryData.generate(Scale.SMALL, 8, dir.resolve("c"));
        for (RegistryFile f : RegistryFile.values()) {
            assertThat(Files.readAllBytes(dir.resolve("b").resolve(f.fileName())))
                    .as(f.fileName()).isEqualTo(Files.readAllBytes(dir.resolve("a").resolve(f.fileName())));
        }
        assertThat(Files.readAllBytes(dir.resolve("c").resolve("members.csv")))
                .isNotEqualTo(Files.readAllBytes(dir.resolve("a").resolve("members.csv")));
    }

    /** Checks every row of every file; returns the row counts. */
    private Map<RegistryFile, Integer> checkAll(Path d) throws IOException {
        Map<RegistryFile, Integer> counts = new HashMap<>();
        for (RegistryFile f : RegistryFile.values()) {
            List<String> lines = Files.readAllLines(d.resolve(f.fileName()), StandardCharsets.UTF_8);
            assertThat(lines.get(0)).isEqualTo(f.header());
            counts.put(f, lines.size() - 1);
        }
        Set<String> streets = new HashSet<>();
        Map<String, String> streetNames = new HashMap<>();
        for (Subdistrict s : GEOGRAPHY.subdistricts()) {
            streets.add(s.code());
            streetNames.put(s.code(), s.nameZh());
        }

        Map<String, String[]> organizations = new HashMap<>();
        forEach(d, RegistryFile.ORGANIZATIONS, o -> {
            assertThat(o[0]).matches(o[5] + "-\\d{4}");
            assertThat(organizations.put(o[0], o)).as("duplicate organisation " + o[0]).isNull();
            assertThat(o[2]).isIn("RESIDENTIAL_AREA", "OFFICE_BUILDING", "RESIDENT_UNIT", "TWO_NEW", "GOVERNMENT_BODY");
            assertThat(streets).contains(o[5]);
            String[] parent = o[4].isEmpty() ? null : organizations.get(o[4]);
            switch (o[3]) {
                case "COMMITTEE" -> assertThat(parent == null || parent[3].equals("COMMITTEE")).as(o[0]).isTrue();
                case "GENERAL_BRANCH" -> assertThat(parent[3]).as(o[0]).isEqualTo("COMMITTEE");
                case "BRANCH" -> assertThat(parent[3]).as(o[0]).isIn("COMMITTEE", "GENERAL_BRANCH");
                default -> throw new AssertionError("level " + o[3]);
            }
            if (o[2].equals("RESIDENTIAL_AREA")) {
                assertThat(area(o[6]).subdistrictCode()).isEqualTo(o[5]);
            }
            LocalDate.parse(o[7]);
        });

        Map<String, String[]> buildings = new HashMap<>();
        forEach(d, RegistryFile.BUILDINGS, b -> {
            buildings.put(b[0], b);
            assertThat(area(b[3]).subdistrictCode()).isEqualTo(b[2]);
            assertThat(Integer.parseInt(b[4])).isBetween(1, 100);
        });
        Map<String, String[]> units = new HashMap<>();
        Set<String> categories = Set.of("NEW_ECONOMIC", "NEW_SOCIAL", "STATE_OWNED", "PUBLIC_INSTITUTION",
                "GOVERNMENT_BODY");
        forEach(d, RegistryFile.RESIDENT_UNITS, u -> {
            check(CreditCodes.isValid(u[0]), "credit code " + u[0]);
            check(units.put(u[0], u) == null, "duplicate credit code " + u[0]);
            check(categories.contains(u[2]), "category " + u[2]);
            check(area(u[4]).subdistrictCode().equals(u[3]), "a unit's area is in its street: " + u[0]);
            check(u[5].isEmpty() || buildings.get(u[5])[2].equals(u[3]), "a unit's building is in its street: " + u[0]);
            check(Integer.parseInt(u[6]) > 0, "employees of " + u[0]);
        });
        for (RegistryFile f : List.of(RegistryFile.YOUTH_LEAGUE_ORGANIZATIONS, RegistryFile.TRADE_UNIONS)) {
            Set<String> codes = new HashSet<>();
            forEach(d, f, y -> {
                assertThat(codes.add(y[0])).isTrue();
                assertThat(units.get(y[3])[3]).as(f + " " + y[0]).isEqualTo(y[2]);
                assertThat(Integer.parseInt(y[4])).isPositive();
            });
        }

        Set<String> identities = new HashSet<>();
        Pattern phone = Pattern.compile("1[3-9]\\d{9}");
        Pattern address = Pattern.compile("长宁区\\p{IsHan}+(街道|镇)\\p{IsHan}+路\\d+弄\\d+号\\d+室");
        Pattern name = Pattern.compile("\\p{IsHan}{2,4}");
        // 125,000 rows: plain checks, AssertJ per value would dominate the test's time.
        forEach(d, RegistryFile.MEMBERS, m -> {
            checkIdentity(m[0], m[2]);
            check(identities.add(m[0]), "duplicate identity number " + m[0]);
            check(phone.matcher(m[3]).matches(), "phone " + m[3]);
            String[] org = organizations.get(m[5]);
            check(org != null, "member's organisation " + m[5]);
            check(m[4].startsWith("长宁区" + streetNames.get(org[5])) && address.matcher(m[4]).matches(), m[4]);
            check(m[6].equals("FULL") || m[6].equals("PROBATIONARY"), "category " + m[6]);
            check(LocalDate.parse(m[7]).isAfter(birth(m[0]).plusYears(17)), "joined before 18: " + m[0]);
            check(name.matcher(m[1]).matches(), "name " + m[1]);
        });
        Set<String> officerAreas = new HashSet<>();
        forEach(d, RegistryFile.POLICE_OFFICERS, o -> {
            assertThat(o[0]).matches("\\d{6}");
            assertThat(ResidentIdentityNumbers.isValid(o[2])).isTrue();
            officerAreas.add(area(o[3]).code());
            LocalDate.parse(o[4]);
        });
        Set<String> secretaryAreas = new HashSet<>();
        forEach(d, RegistryFile.AREA_SECRETARIES, s -> {
            assertThat(secretaryAreas.add(area(s[0]).code())).as("one secretary per area").isTrue();
            assertThat(ResidentIdentityNumbers.isValid(s[2])).isTrue();
            assertThat(identities.add(s[2])).as("a secretary's number is nobody else's").isTrue();
            assertThat(s[3]).isIn("true", "false");
        });
        assertThat(officerAreas).as("every area the set uses has an officer").isEqualTo(secretaryAreas);
        forEach(d, RegistryFile.PARTY_WORKERS, w -> {
            assertThat(streets).contains(w[2]);
            assertThat(w[3]).isIn("true", "false");
        });
        return counts;
    }

    private static void checkIdentity(String number, String gender) {
        check(ResidentIdentityNumbers.isValid(number), "check digit of " + number);
        check(birth(number).isBefore(SyntheticRegistryData.DEFAULT_AS_OF.minusYears(17)), "too young: " + number);
        boolean male = (number.charAt(16) - '0') % 2 == 1;
        check(gender.equals(male ? "MALE" : "FEMALE"), "gender digit of " + number + " vs " + gender);
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }

    private static LocalDate birth(String number) {
        return LocalDate.parse(number.substring(6, 10) + "-" + number.substring(10, 12) + "-" + number.substring(12, 14));
    }

    private static ResidentialArea area(String code) {
        return GEOGRAPHY.residentialArea(code).orElseThrow(() -> new AssertionError("unknown area " + code));
    }

    private static List<String[]> read(Path d, RegistryFile f) throws IOException {
        List<String[]> rows = new ArrayList<>();
        forEach(d, f, rows::add);
        return rows;
    }

    /** The files quote nothing (no value holds a comma or quote), so a split reads them; the test checks that too. */
    private static void forEach(Path d, RegistryFile f, Consumer<String[]> check) throws IOException {
        int columns = f.columns().size();
        try (BufferedReader in = Files.newBufferedReader(d.resolve(f.fileName()), StandardCharsets.UTF_8)) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                check(line.indexOf('"') < 0, "a quoted value in " + f);
                String[] row = line.split(",", -1);
                check(row.length == columns, "columns of " + line);
                check.accept(row);
            }
        }
    }
}
