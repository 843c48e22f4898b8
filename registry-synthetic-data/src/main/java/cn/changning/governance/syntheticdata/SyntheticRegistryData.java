package cn.changning.governance.syntheticdata;

import cn.changning.governance.reference.geography.Geography;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Generates the registry's CSV files (one per {@link RegistryFile}) from a seed: the same seed and scale give the
 * same bytes. Rows are written as they are made; only the organisations, buildings, units (their codes, for the
 * rows that name them) and officers are held. Every value is invented: names from written lists, identity
 * numbers and credit codes with valid check characters, places from the reference data.
 *
 * <p>CLI: {@code --scale full|small --seed N --out DIR [--as-of yyyy-MM-dd]}.
 */
public final class SyntheticRegistryData {

    /** The date ages, probation and "years in post" are reckoned against, fixed so a seed gives the same files. */
    public static final LocalDate DEFAULT_AS_OF = LocalDate.of(2026, 1, 1);

    /** What one run wrote. */
    public record GeneratedFiles(Path directory, Scale scale, long seed, Map<RegistryFile, Long> rows,
                                 Duration elapsed) {

        public Path path(RegistryFile file) {
            return directory.resolve(file.fileName());
        }

        public long rows(RegistryFile file) {
            return rows.getOrDefault(file, 0L);
        }

        public long totalRows() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private SyntheticRegistryData() {
    }

    public static GeneratedFiles generate(Scale scale, long seed, Path directory) {
        return generate(scale, seed, directory, DEFAULT_AS_OF);
    }

    public static GeneratedFiles generate(Scale scale, long seed, Path directory, LocalDate asOf) {
        long started = System.nanoTime();
        try {
            Files.createDirectories(directory);
            DistrictPlaces places = new DistrictPlaces(Geography.load(), scale.residentialAreas());
            Map<RegistryFile, Long> rows = new EnumMap<>(RegistryFile.class);
            UnitPlan units = new UnitPlan(places, seed, scale.buildings(), scale.serialOffset());
            OrganizationPlan organizations = new OrganizationPlan(places, units.buildings(), seed, scale.organizations(),
                    scale.serialOffset());
            rows.put(RegistryFile.ORGANIZATIONS, organizations.write(directory.resolve(RegistryFile.ORGANIZATIONS.fileName())));
            rows.put(RegistryFile.BUILDINGS, units.writeBuildings(directory.resolve(RegistryFile.BUILDINGS.fileName())));
            rows.put(RegistryFile.RESIDENT_UNITS,
                    units.writeUnits(directory.resolve(RegistryFile.RESIDENT_UNITS.fileName()), scale.residentUnits()));
            rows.put(RegistryFile.YOUTH_LEAGUE_ORGANIZATIONS, units.writeYouthLeague(
                    directory.resolve(RegistryFile.YOUTH_LEAGUE_ORGANIZATIONS.fileName()), scale.youthLeagueOrganizations()));
            rows.put(RegistryFile.TRADE_UNIONS,
                    units.writeTradeUnions(directory.resolve(RegistryFile.TRADE_UNIONS.fileName()), scale.tradeUnions()));
            PeoplePlan people = new PeoplePlan(places, asOf, seed, scale.policeOfficers(), scale.policeMembers());
            rows.put(RegistryFile.MEMBERS,
                    people.writeMembers(directory.resolve(RegistryFile.MEMBERS.fileName()), organizations, scale.members()));
            rows.put(RegistryFile.POLICE_OFFICERS, people.writeOfficers(directory.resolve(RegistryFile.POLICE_OFFICERS.fileName())));
            rows.put(RegistryFile.AREA_SECRETARIES,
                    people.writeSecretaries(directory.resolve(RegistryFile.AREA_SECRETARIES.fileName())));
            rows.put(RegistryFile.PARTY_WORKERS, people.writeWorkers(directory.resolve(RegistryFile.PARTY_WORKERS.fileName()),
                    units.twoNewByStreet(), scale.partyWorkers(), scale.serialOffset()));
            return new GeneratedFiles(directory, scale, seed, Collections.unmodifiableMap(rows),
                    Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void main(String[] args) {
        Scale scale = Scale.SMALL;
        long seed = 14;
        Path out = Path.of("synthetic-registry");
        LocalDate asOf = DEFAULT_AS_OF;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--scale" -> scale = Scale.named(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--out" -> out = Path.of(value);
                case "--as-of" -> asOf = LocalDate.parse(value);
                default -> {
                    System.err.println("usage: --scale full|small --seed N --out DIR [--as-of yyyy-MM-dd]");
                    System.exit(2);
                }
            }
            i++;
        }
        GeneratedFiles files = generate(scale, seed, out, asOf);
        for (RegistryFile f : RegistryFile.values()) {
            System.out.printf("%-32s %,9d rows%n", f.fileName(), files.rows(f));
        }
        System.out.printf("%,d rows (scale %s, seed %d) in %d ms, in %s%n", files.totalRows(), scale.name(), seed,
                files.elapsed().toMillis(), out.toAbsolutePath());
    }
}
