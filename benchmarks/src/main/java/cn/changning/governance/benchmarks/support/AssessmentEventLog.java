package cn.changning.governance.benchmarks.support;

import cn.changning.governance.contracts.EventHeaders;
import cn.changning.governance.contracts.EventTypes;
import cn.changning.governance.contracts.cases.CaseClosed;
import cn.changning.governance.contracts.cases.CaseDispatched;
import cn.changning.governance.contracts.cases.CaseFeedbackRecorded;
import cn.changning.governance.contracts.cases.CaseFiled;
import cn.changning.governance.contracts.cases.CaseLocation;
import cn.changning.governance.contracts.cases.CaseReported;
import cn.changning.governance.contracts.cases.CaseResolution;
import cn.changning.governance.contracts.cases.CaseSentBackForRework;
import cn.changning.governance.contracts.cases.ReportSource;
import cn.changning.governance.contracts.cases.SealedReporter;
import cn.changning.governance.contracts.personal.SealedValue;
import cn.changning.governance.contracts.cases.Satisfaction;
import cn.changning.governance.contracts.dispatch.AgencyRole;
import cn.changning.governance.contracts.dispatch.DispatchOrderAccepted;
import cn.changning.governance.contracts.dispatch.DispatchOrderExtensionApproved;
import cn.changning.governance.contracts.dispatch.DispatchOrderHandled;
import cn.changning.governance.contracts.dispatch.DispatchOrderIssued;
import cn.changning.governance.contracts.dispatch.DispatchOrderOverdue;
import cn.changning.governance.contracts.dispatch.DispatchOrderReassigned;
import cn.changning.governance.contracts.dispatch.DispatchOrderReturned;
import cn.changning.governance.contracts.dispatch.DispatchOrderSentBackForRework;
import cn.changning.governance.contracts.dispatch.DispatchOrderTimerStarted;
import cn.changning.governance.contracts.dispatch.ReturnReason;
import cn.changning.governance.reference.agencies.Agency;
import cn.changning.governance.reference.agencies.AgencyDirectory;
import cn.changning.governance.reference.agencies.AgencyType;
import cn.changning.governance.reference.catalogue.Catalogue;
import cn.changning.governance.reference.catalogue.ManagementItem;
import cn.changning.governance.reference.geography.Geography;
import cn.changning.governance.reference.geography.Grid;
import cn.changning.governance.reference.geography.ResidentialArea;
import cn.changning.governance.reference.geography.Subdistrict;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A year of the district's cases as the case and dispatch services would publish them, generated deterministically
 * (fixed seed; case {@code i} is always the same case): reports spread evenly over {@value #YEAR} across the 10 streets
 * and their grids, each filed, dispatched to one of its street's 7 agencies (some with an assistant), accepted,
 * handled and closed, with the shares of the shape: most handled on time, about 5% returned and reassigned,
 * 5% sent back for rework (and a round-1 order), 3% extended, 3–4% overdue (a few never handled, their cases left
 * open), a third of closed cases with resident feedback, and about a tenth at hot spots (same place, same item) so
 * that repeat cases exist. Each agency has a fixed "quality" that moves its shares a little, so rankings differ.
 */
public final class AssessmentEventLog {

    /** A sealed reporter's size (version, nonce, a short name and the tag, base64): the services seal reporters. */
    private static final String SEALED_NAME = "AXNhbXBsZW5vbmNlMTLmnY7vv73vv73vv73vv70=";

    public static final long SEED = 20_251_231L;
    public static final int YEAR = 2025;
    private static final int HOT_SPOTS_PER_STREET = 40;

    /** One contract event with the subject (case or order id) and sequence it is published under. */
    public record Stamped(Object event, String subject, long sequence, Instant time, boolean dispatch) {
    }

    /**
     * One case's events: its own (case topic) and each of its orders' (dispatch topic), each list in sequence order.
     *
     * @param feedbackAgency the lead of the order that closed the case, whom resident feedback is attributed to
     */
    public record Lifecycle(String caseId, String streetCode, List<Stamped> caseEvents, Map<String, List<Stamped>> orders,
                            Satisfaction feedback, String feedbackAgency) {
        public int size() {
            return caseEvents.size() + orders.values().stream().mapToInt(List::size).sum();
        }
    }

    private final List<Subdistrict> streets;
    private final Map<String, List<Grid>> grids = new LinkedHashMap<>();
    private final Map<String, List<Agency>> agencies = new LinkedHashMap<>();
    private final Map<String, Double> quality = new LinkedHashMap<>();
    private final Map<String, List<ResidentialArea>> areas = new LinkedHashMap<>();
    private final List<ManagementItem> items;
    private final Instant yearStart;
    private final long secondsPerCase;
    private final int cases;

    public AssessmentEventLog(Geography geography, AgencyDirectory directory, Catalogue catalogue, ZoneId zone, int cases) {
        this.streets = geography.subdistricts();
        for (Subdistrict s : streets) {
            grids.put(s.code(), geography.grids(s.code()));
            agencies.put(s.code(), directory.list(s.code(), null));
            for (Agency a : directory.list(s.code(), null)) {
                quality.put(a.id(), new SplittableRandom(SEED ^ a.id().hashCode()).nextDouble());
            }
        }
        for (Grid g : geography.grids()) {
            areas.put(g.code(), geography.residentialAreasInGrid(g.code()));
        }
        this.items = catalogue.items();
        this.yearStart = LocalDate.of(YEAR, 1, 1).atStartOfDay(zone).toInstant();
        Instant yearEnd = LocalDate.of(YEAR + 1, 1, 1).atStartOfDay(zone).toInstant();
        this.cases = cases;
        this.secondsPerCase = Math.max(1, Duration.between(yearStart, yearEnd).toSeconds() / cases);
    }

    public int cases() {
        return cases;
    }

    public List<String> streetCodes() {
        return streets.stream().map(Subdistrict::code).toList();
    }

    /** Case {@code i} (0-based) of the year, always the same. */
    public Lifecycle lifecycle(int i) {
        SplittableRandom rnd = new SplittableRandom(SEED * 1_000_003L + i);
        String caseId = new UUID(0x2025_0000_0000_0000L, 0x8000_0000_0000_0000L | i).toString();
        Subdistrict street = streets.get(rnd.nextInt(streets.size()));
        List<Grid> streetGrids = grids.get(street.code());
        Grid grid;
        ManagementItem item;
        double lat;
        double lon;
        String area = null;
        if (rnd.nextDouble() < 0.10) {
            // A hot spot: the same place and item each time (repeat cases).
            SplittableRandom spot = new SplittableRandom(SEED ^ (street.code().hashCode() * 31L + rnd.nextInt(HOT_SPOTS_PER_STREET)));
            grid = streetGrids.get(spot.nextInt(streetGrids.size()));
            item = items.get(spot.nextInt(items.size()));
            lat = grid.centre().lat() + (spot.nextDouble() - 0.5) * 0.004;
            lon = grid.centre().lng() + (spot.nextDouble() - 0.5) * 0.004;
        } else {
            grid = streetGrids.get(rnd.nextInt(streetGrids.size()));
            item = items.get(rnd.nextInt(items.size()));
            lat = grid.centre().lat() + (rnd.nextDouble() - 0.5) * 0.006;
            lon = grid.centre().lng() + (rnd.nextDouble() - 0.5) * 0.006;
            List<ResidentialArea> inGrid = areas.getOrDefault(grid.code(), List.of());
            if (!inGrid.isEmpty() && rnd.nextDouble() < 0.4) {
                area = inGrid.get(rnd.nextInt(inGrid.size())).code();
            }
        }
        Builder b = new Builder(caseId);
        Instant reported = yearStart.plusSeconds(i * secondsPerCase + rnd.nextLong(secondsPerCase));
        Instant filed = reported.plus(Duration.ofMinutes(rnd.nextDouble() < 0.95 ? 5 + rnd.nextInt(50) : 65 + rnd.nextInt(180)));
        int limitDays = 1 + Math.floorMod(item.code().hashCode(), 5);
        Instant caseDeadline = filed.plus(Duration.ofDays(limitDays + 1L));
        b.onCase(new CaseReported(caseId, item.code(), new CaseLocation(lat, lon, grid.code(), "near " + grid.name()),
                "reported problem " + i, ReportSource.GRID_SUPERVISOR_PATROL, new SealedReporter(new SealedValue("case-reporter:" + caseId, SEALED_NAME), null), reported), reported);
        b.onCase(new CaseFiled(caseId, item.code(), item.itemClass().name(), item.handlingType().name(), false, grid.code(),
                street.code(), caseDeadline, "operator-1", filed, area), filed);

        List<Agency> local = agencies.get(street.code());
        Agency lead = pickLead(rnd, local);
        List<String> assisting = rnd.nextDouble() < 0.12 ? List.of(other(rnd, local, lead.id()).id()) : List.of();
        Instant at = filed.plus(Duration.ofMinutes(1 + rnd.nextInt(10)));
        Round r0 = order(b, rnd, caseId, 0, street.code(), lead.id(), assisting, local, at, Duration.ofDays(limitDays), true);
        Round last = r0;
        int reworks = 0;
        if (r0.handledAt != null && rnd.nextDouble() < 0.02 + 0.06 * (1 - quality.get(r0.lead))) {
            Instant sentBack = r0.handledAt.plus(Duration.ofHours(4 + rnd.nextInt(20)));
            b.onOrder(r0.orderId, new DispatchOrderSentBackForRework(r0.orderId, caseId, 0, 1, r0.lead, "not fixed on inspection", sentBack), sentBack);
            b.onCase(new CaseSentBackForRework(caseId, 1, "not fixed on inspection", "supervisor-1", sentBack), sentBack);
            Instant again = sentBack.plus(Duration.ofMinutes(10));
            last = order(b, rnd, caseId, 1, street.code(), r0.lead, assisting, local, again, Duration.ofDays(2), false);
            reworks = 1;
        }
        Satisfaction feedback = null;
        String feedbackAgency = null;
        if (last.handledAt != null) {
            Instant closed = last.handledAt.plus(Duration.ofHours(2 + rnd.nextInt(18)));
            CaseResolution resolution = rnd.nextDouble() < 0.97 ? CaseResolution.FIXED : CaseResolution.CLOSED_NOT_FIXED;
            b.onCase(new CaseClosed(caseId, resolution, "closed", reworks, !closed.isAfter(caseDeadline), "operator-1", closed), closed);
            if (rnd.nextDouble() < 0.33) {
                double q = quality.get(last.lead);
                double x = rnd.nextDouble();
                feedback = x < 0.62 + 0.3 * q ? Satisfaction.SATISFIED : x < 0.95 ? Satisfaction.BASICALLY_SATISFIED : Satisfaction.DISSATISFIED;
                feedbackAgency = last.lead;
                Instant said = closed.plus(Duration.ofHours(6 + rnd.nextInt(40)));
                b.onCase(new CaseFeedbackRecorded(caseId, feedback, "resident's view", "hotline", said), said);
            }
        }
        return new Lifecycle(caseId, street.code(), b.caseEvents, b.orders, feedback, feedbackAgency);
    }

    private record Round(String orderId, String lead, Instant handledAt) {
    }

    /** One round's order: issued, timer, accepted, maybe returned and reassigned, extended, overdue; handled or not. */
    private Round order(Builder b, SplittableRandom rnd, String caseId, int round, String street, String leadId,
                        List<String> assisting, List<Agency> local, Instant issued, Duration limit, boolean firstRound) {
        String orderId = caseId + "-r" + round;
        Instant deadline = issued.plus(limit);
        b.onCase(new CaseDispatched(caseId, orderId, round, leadId, assisting, issued), issued);
        b.onOrder(orderId, new DispatchOrderIssued(orderId, caseId, round, leadId, assisting, street, deadline, issued), issued);
        b.onOrder(orderId, new DispatchOrderTimerStarted(orderId, caseId, issued, deadline.minus(Duration.ofHours(4)), deadline), issued);
        Instant t = issued.plus(Duration.ofMinutes(5 + rnd.nextInt(55)));
        String lead = leadId;
        if (firstRound && rnd.nextDouble() < 0.02 + 0.06 * (1 - quality.get(lead))) {
            String to = other(rnd, local, lead).id();
            b.onOrder(orderId, new DispatchOrderReturned(orderId, caseId, lead, AgencyRole.LEAD, ReturnReason.WRONG_AGENCY,
                    "another agency's remit", 1, t), t);
            t = t.plus(Duration.ofHours(1));
            b.onOrder(orderId, new DispatchOrderReassigned(orderId, caseId, lead, to, AgencyRole.LEAD, "street-centre",
                    "reassigned by the street", t), t);
            lead = to;
            t = t.plus(Duration.ofMinutes(10));
        }
        b.onOrder(orderId, new DispatchOrderAccepted(orderId, caseId, lead, AgencyRole.LEAD, t), t);
        if (rnd.nextDouble() < 0.03) {
            Instant previous = deadline;
            deadline = deadline.plus(Duration.ofDays(2));
            t = t.plus(Duration.ofHours(2));
            b.onOrder(orderId, new DispatchOrderExtensionApproved(orderId, caseId, "street-centre", previous, deadline,
                    deadline.minus(Duration.ofHours(4)), t), t);
        }
        double q = quality.get(lead);
        Instant handled;
        boolean onTime = rnd.nextDouble() < 0.93 + 0.06 * q;
        if (onTime) {
            long window = Math.max(60, Duration.between(t, deadline).toSeconds());
            handled = t.plusSeconds(60 + rnd.nextLong(window - 59));
            if (handled.isAfter(deadline)) {
                handled = deadline;
            }
        } else {
            b.onOrder(orderId, new DispatchOrderOverdue(orderId, caseId, lead, deadline, deadline), deadline);
            handled = rnd.nextDouble() < 0.85 ? deadline.plus(Duration.ofHours(2 + rnd.nextInt(46))) : null;
        }
        if (handled != null) {
            b.onOrder(orderId, new DispatchOrderHandled(orderId, caseId, round, lead, "RESOLVED", "done", List.of(), onTime, handled), handled);
        }
        return new Round(orderId, lead, handled);
    }

    /** The street's agencies by their share of the work: the city management squad leads most. */
    private static Agency pickLead(SplittableRandom rnd, List<Agency> local) {
        double x = rnd.nextDouble();
        AgencyType type = x < 0.30 ? AgencyType.CITY_MANAGEMENT_SQUAD : x < 0.50 ? AgencyType.GREENING_CITY_APPEARANCE_OFFICE
                : x < 0.65 ? AgencyType.HOUSING_OFFICE : x < 0.75 ? AgencyType.MARKET_SUPERVISION_OFFICE
                : x < 0.83 ? AgencyType.POLICE_STATION : x < 0.90 ? AgencyType.TRAFFIC_POLICE_SQUAD : AgencyType.STREET_TEAM;
        return local.stream().filter(a -> a.type() == type).findFirst().orElse(local.get(0));
    }

    private static Agency other(SplittableRandom rnd, List<Agency> local, String not) {
        List<Agency> others = local.stream().filter(a -> !a.id().equals(not)).toList();
        return others.get(rnd.nextInt(others.size()));
    }

    /** Numbers each aggregate's events from 0 and keeps its record times from going back. */
    private static final class Builder {
        final String caseId;
        final List<Stamped> caseEvents = new ArrayList<>();
        final Map<String, List<Stamped>> orders = new LinkedHashMap<>();

        Builder(String caseId) {
            this.caseId = caseId;
        }

        void onCase(Object event, Instant time) {
            add(caseEvents, event, caseId, time, false);
        }

        void onOrder(String orderId, Object event, Instant time) {
            add(orders.computeIfAbsent(orderId, o -> new ArrayList<>()), event, orderId, time, true);
        }

        private static void add(List<Stamped> list, Object event, String subject, Instant time, boolean dispatch) {
            Instant t = list.isEmpty() || !time.isBefore(list.get(list.size() - 1).time()) ? time : list.get(list.size() - 1).time();
            list.add(new Stamped(event, subject, list.size(), t, dispatch));
        }
    }

    /** The event as the owning service's publisher puts it on Kafka: JSON value, key = subject, CloudEvents headers. */
    public static ProducerRecord<byte[], byte[]> record(String topic, Stamped s) {
        RecordHeaders h = new RecordHeaders();
        header(h, EventHeaders.SPEC_VERSION, EventHeaders.SPEC_VERSION_VALUE);
        header(h, EventHeaders.ID, UUID.nameUUIDFromBytes((s.subject() + "/" + s.sequence()).getBytes(StandardCharsets.UTF_8)).toString());
        header(h, EventHeaders.TYPE, EventTypes.cloudEventType(s.event().getClass()));
        header(h, EventHeaders.SOURCE, s.dispatch() ? "/changning/dispatch-service" : "/changning/case-service");
        header(h, EventHeaders.SUBJECT, s.subject());
        header(h, EventHeaders.TIME, s.time().toString());
        header(h, EventHeaders.SEQUENCE, Long.toString(s.sequence()));
        header(h, EventHeaders.CONTENT_TYPE, "application/json");
        header(h, EventHeaders.DATA_SCHEMA, EventTypes.schemaPath(s.event().getClass()));
        try {
            return new ProducerRecord<>(topic, null, s.time().toEpochMilli(), s.subject().getBytes(StandardCharsets.UTF_8),
                    CaseEventLog.MAPPER.writeValueAsBytes(s.event()), h);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
