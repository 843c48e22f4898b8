package cn.changning.governance.partyregistry.projection.statistics;

import cn.changning.governance.partyregistry.projection.statistics.StatisticsViews.Share;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Map;

/**
 * The registry's indicators computed from the counters (pure: no store), with their definitions and targets.
 * "507030": at least 50% of the secretaries on the career establishment, about 70% of working age, about 30% born in
 * the 1970s or 1980s ("about" read as "at least"). One full-time party-and-mass worker per 150 "two new"
 * organisations. At least 10% of the year's new party members are community police.
 */
public final class RegistryIndicators {

    public static final BigDecimal CAREER_TARGET = new BigDecimal("0.50");
    public static final BigDecimal WORKING_AGE_TARGET = new BigDecimal("0.70");
    public static final BigDecimal BORN_1970S_1980S_TARGET = new BigDecimal("0.30");
    public static final BigDecimal NEW_MEMBERS_POLICE_TARGET = new BigDecimal("0.10");
    /** Working age: under this age in the reporting year. */
    public static final int RETIREMENT_AGE = 60;
    public static final int ORGANIZATIONS_PER_WORKER = 150;
    public static final int YEARS_IN_POST = cn.changning.governance.partyregistry.domain.area.ResidentialAreaTeam.YEARS_IN_POST;

    static final String CAREER_DEFINITION = "secretaries in office on the career establishment, of all secretaries in office";
    static final String WORKING_AGE_DEFINITION = "secretaries in office under " + RETIREMENT_AGE + " in the reporting "
            + "year (reporting year - birth year < " + RETIREMENT_AGE + "; the registry keeps birth years, not birthdays)";
    static final String BORN_DEFINITION = "secretaries in office born 1970-1989";

    private RegistryIndicators() {
    }

    /** @param secretaries counts by {@code "<birthYear>:<Y|N>"} (career establishment) */
    public static StatisticsViews.Secretaries507030 secretaries507030(String scope, String code, LocalDate on,
                                                                     Map<String, Long> secretaries) {
        long total = 0;
        long career = 0;
        long workingAge = 0;
        long born7080 = 0;
        for (Map.Entry<String, Long> e : secretaries.entrySet()) {
            long n = e.getValue();
            if (n == 0) {
                continue;
            }
            int birthYear = Integer.parseInt(e.getKey().substring(0, e.getKey().indexOf(':')));
            total += n;
            if (e.getKey().endsWith(":Y")) {
                career += n;
            }
            if (on.getYear() - birthYear < RETIREMENT_AGE) {
                workingAge += n;
            }
            if (birthYear >= 1970 && birthYear <= 1989) {
                born7080 += n;
            }
        }
        Share c = share(career, total, CAREER_TARGET, CAREER_DEFINITION);
        Share w = share(workingAge, total, WORKING_AGE_TARGET, WORKING_AGE_DEFINITION);
        Share b = share(born7080, total, BORN_1970S_1980S_TARGET, BORN_DEFINITION);
        return new StatisticsViews.Secretaries507030(scope, code, on, total, c, w, b, c.met() && w.met() && b.met());
    }

    /**
     * @param officersInPost by first day in post (yyyy-MM-dd)
     * @param areaCounts     {@code covered} and {@code deputy}
     * @param officers       registered officers, {@code partyMember} / {@code notPartyMember}
     */
    public static StatisticsViews.PoliceCoverage coverage(String scope, String code, LocalDate on, long areas,
                                                         Map<String, Long> officersInPost, Map<String, Long> areaCounts,
                                                         Map<String, Long> officers, long earlyReleases) {
        long inPost = 0;
        long underFive = 0;
        for (Map.Entry<String, Long> e : officersInPost.entrySet()) {
            LocalDate from = LocalDate.parse(e.getKey());
            if (from.isAfter(on)) {
                continue; // assigned with a first day after the reporting date: not yet in post then
            }
            inPost += e.getValue();
            if (on.isBefore(from.plusYears(YEARS_IN_POST))) {
                underFive += e.getValue();
            }
        }
        long covered = areaCounts.getOrDefault(StatisticsFields.COVERED, 0L);
        long deputy = areaCounts.getOrDefault(StatisticsFields.DEPUTY, 0L);
        long members = officers.getOrDefault(StatisticsFields.PARTY_MEMBER, 0L);
        long registered = members + officers.getOrDefault(StatisticsFields.NOT_PARTY_MEMBER, 0L);
        return new StatisticsViews.PoliceCoverage(scope, code, on, areas, covered, areas - covered, inPost, underFive,
                registered, share(members, registered, null, "registered officers who are party members"),
                share(deputy, areas, null, "residential areas whose officer is cross-appointed deputy party secretary"),
                earlyReleases);
    }

    public static StatisticsViews.WorkerRatio workers(String scope, String code, long fullTimeWorkers, long twoNew) {
        long required = (twoNew + ORGANIZATIONS_PER_WORKER - 1) / ORGANIZATIONS_PER_WORKER;
        BigDecimal per150 = twoNew == 0 ? null : BigDecimal.valueOf(fullTimeWorkers * (long) ORGANIZATIONS_PER_WORKER)
                .divide(BigDecimal.valueOf(twoNew), 4, RoundingMode.HALF_UP);
        return new StatisticsViews.WorkerRatio(scope, code, fullTimeWorkers, twoNew, per150, required,
                fullTimeWorkers >= required);
    }

    public static StatisticsViews.NewMembersPoliceShare newMembersPoliceShare(int year, long officersJoined, long membersJoined) {
        return new StatisticsViews.NewMembersPoliceShare(year, share(officersJoined, membersJoined, NEW_MEMBERS_POLICE_TARGET,
                "community police officers who joined the party in the year, of all members who joined in the year"));
    }

    static Share share(long count, long of, BigDecimal target, String definition) {
        BigDecimal share = of == 0 ? null : BigDecimal.valueOf(count).divide(BigDecimal.valueOf(of), 4, RoundingMode.HALF_UP);
        boolean met = target != null && of > 0
                && BigDecimal.valueOf(count).compareTo(target.multiply(BigDecimal.valueOf(of))) >= 0; // exact, unrounded
        return new Share(count, of, share, target, met, definition);
    }
}
