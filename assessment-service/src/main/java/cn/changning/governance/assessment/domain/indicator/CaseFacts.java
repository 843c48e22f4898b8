package cn.changning.governance.assessment.domain.indicator;

import cn.changning.governance.contracts.cases.CaseClosed;
import cn.changning.governance.contracts.cases.CaseDispatched;
import cn.changning.governance.contracts.cases.CaseFiled;
import cn.changning.governance.contracts.cases.CaseRejected;
import cn.changning.governance.contracts.cases.CaseReopened;
import cn.changning.governance.contracts.cases.CaseReported;
import cn.changning.governance.contracts.cases.CaseReportedV1;
import cn.changning.governance.contracts.cases.CaseResolution;
import cn.changning.governance.contracts.cases.CaseResumed;
import cn.changning.governance.contracts.cases.CaseSentBackForRework;
import cn.changning.governance.contracts.cases.CaseSuspended;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One case's facts, as its events on the case topic tell them: the one fold of the case events the indicators count
 * by (stored by the projection, folded in memory by a benchmark, with the same {@link #apply}). Immutable.
 * <p>
 * A case is closed once per round at most; a reopening starts the next round and keeps the earlier closure (the
 * order of the round it closed counts as closed; the reopening counts as rework of that order, as the dispatch
 * service sends it back).
 *
 * @param round       the case's current round: 0, then one more for each rework and each reopening
 * @param closures    each closure, with the round it closed
 * @param reworkRounds how many times verification sent the case back for rework
 * @param reopenings  how many times the case was reopened after closing
 */
public record CaseFacts(String caseId, String streetCode, String gridCode, String itemCode, String residentialAreaCode,
                        Double latitude, Double longitude, Instant reportedAt, Instant filedAt, int round,
                        List<Closure> closures, int reworkRounds, int reopenings, boolean suspended, Instant rejectedAt) {

    /**
     * The filing time limit: a case is filed on time when it is filed within this time of its report (wall-clock
     * time). Neither the case service nor the reference data define one (the catalogue's filing condition says what
     * may be filed, not by when); one hour is our reading of the common practice that a supervisor's report is
     * checked and filed within the hour.
     */
    public static final Duration FILING_TIME_LIMIT = Duration.ofHours(1);

    /** The cell size of a place without a residential area: 0.001 degrees, about 111 m north-south, 95 m east-west here. */
    public static final double PLACE_CELL_DEGREES = 0.001;

    /** One closure of the case: the round it closed, when, whether on time (CaseClosed.onTime), how. */
    public record Closure(int round, Instant closedAt, boolean onTime, CaseResolution resolution, int reworkCount) {
    }

    public CaseFacts {
        closures = List.copyOf(closures);
    }

    public static CaseFacts of(String caseId) {
        return new CaseFacts(caseId, null, null, null, null, null, null, null, null, 0, List.of(), 0, 0, false, null);
    }

    /** Folds a sequence of events (of this one case, in order). */
    public static CaseFacts fold(String caseId, Iterable<?> events) {
        CaseFacts facts = of(caseId);
        for (Object event : events) {
            facts = facts.apply(event);
        }
        return facts;
    }

    public boolean filed() {
        return filedAt != null;
    }

    /** Filed within {@link #FILING_TIME_LIMIT} of the report (a case of unknown report time is not on time). */
    public boolean filedOnTime() {
        return filedAt != null && reportedAt != null && !filedAt.isAfter(reportedAt.plus(FILING_TIME_LIMIT));
    }

    /** The closure of this round, if the case was closed in it. */
    public Optional<Closure> closureOfRound(int orderRound) {
        return closures.stream().filter(c -> c.round() == orderRound).findFirst();
    }

    /** The last closure, if any (a reopened case has one from before). */
    public Optional<Closure> lastClosure() {
        return closures.isEmpty() ? Optional.empty() : Optional.of(closures.get(closures.size() - 1));
    }

    /**
     * Where the case is, for repeat cases: the residential area when filing named one ({@code area:<code>}), else the
     * cell of {@link #PLACE_CELL_DEGREES} its reported position lies in ({@code cell:<lat>,<long>}, rounded down), else
     * its grid ({@code grid:<code>}); null when nothing is known.
     */
    public String place() {
        if (residentialAreaCode != null && !residentialAreaCode.isBlank()) {
            return "area:" + residentialAreaCode;
        }
        if (latitude != null && longitude != null) {
            return "cell:" + cellOf(latitude) + "," + cellOf(longitude);
        }
        return gridCode == null ? null : "grid:" + gridCode;
    }

    /** The cell's south or west edge, as degrees with three decimals (e.g. {@code 31.220}); no String.format: the benchmark calls this 200,000 times. */
    private static String cellOf(double degrees) {
        long thousandths = (long) Math.floor(degrees / PLACE_CELL_DEGREES + 1e-9);
        long whole = Math.floorDiv(thousandths, 1000);
        long fraction = Math.floorMod(thousandths, 1000);
        return whole + "." + (fraction < 10 ? "00" : fraction < 100 ? "0" : "") + fraction;
    }

    /** The facts after one contract event of this case; any other event leaves them as they are. */
    public CaseFacts apply(Object decoded) {
        // A v1 report (still on the topic) gives the same facts; its clear reporter is never read.
        Object event = decoded instanceof CaseReportedV1 v1 ? v1.toV2() : decoded;
        String street = streetCode;
        String grid = gridCode;
        String item = itemCode;
        String area = residentialAreaCode;
        Double lat = latitude;
        Double lon = longitude;
        Instant reported = reportedAt;
        Instant filed = filedAt;
        int r = round;
        List<Closure> closed = closures;
        int reworks = reworkRounds;
        int reopened = reopenings;
        boolean held = suspended;
        Instant rejected = rejectedAt;
        if (event instanceof CaseReported e) {
            item = e.itemCode();
            reported = e.reportedAt();
            if (e.location() != null) {
                lat = e.location().latitude();
                lon = e.location().longitude();
                grid = grid == null ? e.location().gridCode() : grid;
            }
        } else if (event instanceof CaseFiled e) {
            item = e.itemCode();
            grid = e.gridCode();
            street = e.streetCode();
            area = e.residentialAreaCode();
            filed = e.filedAt();
        } else if (event instanceof CaseDispatched e) {
            r = Math.max(r, e.round());
        } else if (event instanceof CaseSentBackForRework e) {
            r = e.reworkRound();
            reworks++;
        } else if (event instanceof CaseReopened e) {
            r = e.reworkRound();
            reopened++;
        } else if (event instanceof CaseClosed e) {
            int roundClosed = r;
            if (closed.stream().anyMatch(c -> c.round() == roundClosed)) {
                return this; // one closure per round
            }
            closed = new ArrayList<>(closed);
            closed.add(new Closure(r, e.closedAt(), e.onTime(), e.resolution(), e.reworkCount()));
        } else if (event instanceof CaseSuspended) {
            held = true;
        } else if (event instanceof CaseResumed) {
            held = false;
        } else if (event instanceof CaseRejected e) {
            rejected = e.rejectedAt();
        } else {
            return this;
        }
        return new CaseFacts(caseId, street, grid, item, area, lat, lon, reported, filed, r, closed, reworks, reopened,
                held, rejected);
    }
}
