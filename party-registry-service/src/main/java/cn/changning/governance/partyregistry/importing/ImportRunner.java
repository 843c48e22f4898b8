package cn.changning.governance.partyregistry.importing;

import cn.changning.governance.common.domain.DomainRuleViolation;
import cn.changning.governance.common.personaldata.PersonalData;
import cn.changning.governance.partyregistry.importing.ImportJobs.Claimed;
import cn.changning.governance.partyregistry.importing.ImportJobs.Rejection;
import cn.changning.governance.partyregistry.importing.PendingRow.LedgerEntry;
import cn.changning.governance.partyregistry.importing.PendingRow.Prepared;
import cn.changning.governance.partyregistry.importing.PendingRow.Reference;
import cn.changning.governance.reference.geography.Geography;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one claimed job: reads its stored upload as a stream of CSV records, skips the rows already committed, and
 * imports the rest a chunk at a time. Per chunk: every row checked alone, the ledger asked once per kind (the row's
 * own key, the rows it names), personal values sealed in one batch (flushed before the commit), then in ONE database
 * transaction the rows' commands (Axon's command bus joins the transaction: its Spring transaction manager only
 * participates when one is open), the ledger lines, the rejections and the job's progress.
 */
public class ImportRunner {

    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);
    private static final ZoneId DISTRICT = ZoneId.of("Asia/Shanghai");
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true).setIgnoreSurroundingSpaces(false).get();

    /** How a job's run ended. */
    enum Outcome { FINISHED, STOPPED, LEASE_LOST }

    private final ImportJobs jobs;
    private final ImportLedger ledger;
    private final CommandGateway commands;
    private final PersonalData personalData;
    private final Geography geography;
    private final TransactionTemplate transactions;
    private final TransactionTemplate savepoints;
    private final ImportMetrics metrics;
    private final ImportProperties properties;
    private final Clock clock;
    private final Map<ImportKind, KindRows> kinds = new EnumMap<>(ImportKind.class);

    public ImportRunner(ImportJobs jobs, ImportLedger ledger, CommandGateway commands, PersonalData personalData,
                        Geography geography, TransactionTemplate transactions, ImportMetrics metrics,
                        ImportProperties properties, Clock clock) {
        this.jobs = jobs;
        this.ledger = ledger;
        this.commands = commands;
        this.personalData = personalData;
        this.geography = geography;
        this.transactions = transactions;
        this.savepoints = new TransactionTemplate(transactions.getTransactionManager());
        this.savepoints.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.metrics = metrics;
        this.properties = properties;
        this.clock = clock;
        PeopleRows people = new PeopleRows(personalData);
        kinds.put(ImportKind.ORGANIZATIONS, PlaceRows.organizations());
        kinds.put(ImportKind.BUILDINGS, PlaceRows.buildings());
        kinds.put(ImportKind.RESIDENT_UNITS, PlaceRows.residentUnits());
        kinds.put(ImportKind.YOUTH_LEAGUE_ORGANIZATIONS, PlaceRows.youthLeague());
        kinds.put(ImportKind.TRADE_UNIONS, PlaceRows.tradeUnions());
        kinds.put(ImportKind.MEMBERS, people.members());
        kinds.put(ImportKind.POLICE_OFFICERS, people.policeOfficers());
        kinds.put(ImportKind.AREA_SECRETARIES, people.areaSecretaries());
        kinds.put(ImportKind.PARTY_WORKERS, people.partyWorkers());
    }

    /** The header's problem (a required column missing), or null: checked on upload, before anything is stored. */
    static String headerProblem(ImportKind kind, byte[] firstPart) {
        String text = new String(firstPart, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        int end = text.indexOf('\n');
        if (end < 0) {
            return firstPart.length == 0 ? "the file is empty: a header row and rows are expected"
                    : "no complete header row in the first " + firstPart.length + " bytes";
        }
        Set<String> columns = new HashSet<>();
        for (String c : text.substring(0, end).replace("\r", "").split(",", -1)) {
            columns.add(c.strip().replace("\"", ""));
        }
        List<String> missing = kind.columns().stream().filter(c -> !columns.contains(c)).toList();
        return missing.isEmpty() ? null : "the header lacks column(s) " + String.join(", ", missing) + "; a "
                + kind.parameter() + " file has " + String.join(",", kind.columns());
    }

    /**
     * Runs the job until its rows are done, {@code keepGoing} says stop (checked between chunks), {@code maxChunks}
     * chunks were committed, or the lease was lost.
     */
    Outcome run(Claimed job, String owner, int maxChunks, BooleanSupplier keepGoing) {
        long rowsDone = job.rowsRead();
        try (InputStream in = skipBom(jobs.upload(job.jobId()));
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
             CSVParser parser = FORMAT.parse(reader)) {
            Map<String, Integer> header = new LinkedHashMap<>();
            for (String column : job.kind().columns()) {
                Integer index = parser.getHeaderMap().get(column);
                if (index == null) {
                    jobs.finish(job.jobId(), owner, ImportJob.FAILED, "the header lacks column " + column);
                    return Outcome.FINISHED;
                }
                header.put(column, index);
            }
            Iterator<CSVRecord> records = parser.iterator();
            for (long skipped = 0; skipped < rowsDone && records.hasNext(); skipped++) {
                records.next(); // committed before a crash or a hand-over: read past, not again
            }
            int chunks = 0;
            while (records.hasNext()) {
                if (chunks == maxChunks || !keepGoing.getAsBoolean()) {
                    return Outcome.STOPPED;
                }
                List<CSVRecord> chunk = new ArrayList<>(properties.chunkRows());
                while (chunk.size() < properties.chunkRows() && records.hasNext()) {
                    chunk.add(records.next());
                }
                boolean kept;
                try {
                    kept = importChunk(job, owner, header, chunk, rowsDone + 1);
                } catch (RuntimeException e) {
                    // A command failing other than by a rule (a rule's refusal rejects its row): the chunk rolled back,
                    // the chunks before it stay; retrying the same rows would fail the same way, so the job ends here.
                    String reason = "rows " + (rowsDone + 1) + "-" + (rowsDone + chunk.size()) + " could not be imported ("
                            + e.getClass().getSimpleName() + "): " + e.getMessage();
                    log.warn("Import job {} failed: {}", job.jobId(), reason);
                    jobs.finish(job.jobId(), owner, ImportJob.FAILED, reason);
                    return Outcome.FINISHED;
                }
                if (!kept) {
                    log.warn("Import job {} was taken over by another instance; this one stops", job.jobId());
                    return Outcome.LEASE_LOST;
                }
                rowsDone += chunk.size();
                metrics.progress(job.kind(), rowsDone);
                chunks++;
            }
            jobs.finish(job.jobId(), owner, ImportJob.SUCCEEDED, null);
            log.info("Import job {} ({}) finished after {} rows", job.jobId(), job.kind().parameter(), rowsDone);
            return Outcome.FINISHED;
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // Malformed CSV (an unclosed quote) or an unreadable upload: the rows before it stay imported.
            String reason = "the file could not be read after row " + rowsDone + ": " + e.getMessage();
            log.warn("Import job {} failed: {}", job.jobId(), reason);
            jobs.finish(job.jobId(), owner, ImportJob.FAILED, reason);
            return Outcome.FINISHED;
        } finally {
            metrics.progress(job.kind(), 0);
        }
    }

    /** A row with what it became, kept until the chunk commits. */
    private record Accepted(PendingRow row, Prepared prepared) {
    }

    private boolean importChunk(Claimed job, String owner, Map<String, Integer> header, List<CSVRecord> chunk,
                                long firstRow) {
        long started = System.nanoTime();
        ImportKind kind = job.kind();
        LocalDate today = LocalDate.now(clock.withZone(DISTRICT));
        List<Rejection> rejections = new ArrayList<>();
        List<PendingRow> pending = new ArrayList<>(chunk.size());
        for (int i = 0; i < chunk.size(); i++) {
            long rowNumber = firstRow + i;
            RowReader row = new RowReader(chunk.get(i), header, geography, today);
            String hash = personalData.pseudonym("registry-import-row", kind.parameter() + "\u001e" + row.canonical());
            PendingRow p = kinds.get(kind).read(row, rowNumber, hash);
            if (p == null) {
                Set<String> fields = new HashSet<>();
                row.problems().stream().filter(problem -> fields.add(problem.field()))
                        .forEach(problem -> rejections.add(new Rejection(rowNumber, problem.field(), problem.reason())));
            } else {
                pending.add(p);
            }
        }
        // The ledger, asked before anything is sent: a row imported before never reaches a command (a duplicate
        // refused by the store would abort the chunk's transaction).
        Map<String, LedgerEntry> own = ledger.find(kind, pending.stream().map(PendingRow::naturalKey).toList());
        Map<ImportKind, Map<String, LedgerEntry>> named = new EnumMap<>(ImportKind.class);
        Map<ImportKind, Set<String>> wanted = new EnumMap<>(ImportKind.class);
        pending.forEach(p -> p.references().forEach(r -> wanted.computeIfAbsent(r.kind(), k -> new HashSet<>()).add(r.key())));
        wanted.forEach((k, keys) -> named.put(k, ledger.find(k, keys)));

        Decided decided = decide(kind, pending, own, named);
        try {
            decided.sealing().flush(); // the new subjects' keys are stored before any event holding their values commits
        } catch (IllegalStateException keysExisted) {
            // Some subjects had keys stored meanwhile (a chunk that flushed, then rolled back, before a crash): their
            // values were sealed under keys that were not kept; sealed again, they find the stored keys.
            decided = decide(kind, pending, own, named);
            decided.sealing().flush();
        }
        rejections.addAll(decided.rejections());
        Map<String, LedgerEntry> inChunk = decided.inChunk();
        List<Accepted> accepted = decided.accepted();
        long unchanged = decided.unchanged();
        long unchangedRows = unchanged;
        Boolean kept = transactions.execute(status -> {
            // One unit of work over the chunk's commands: each command's own (nested) unit of work hands its events to
            // it, and they are appended in one batch when it commits, inside this transaction.
            // Not for organisations (a branch's registration reads its parent's event from the store) nor officers
            // (a duplicate officer, refused when the events are stored, must stay inside its row's savepoint).
            UnitOfWork<?> chunkWork = properties.batchEvents() && kind != ImportKind.ORGANIZATIONS
                    && kind != ImportKind.POLICE_OFFICERS
                    ? DefaultUnitOfWork.startAndGet(new GenericMessage<>("registry-import-chunk")) : null;
            try {
                return importInTransaction(job, owner, kind, accepted, inChunk, rejections, unchangedRows, started,
                        chunk.size(), status, chunkWork);
            } catch (RuntimeException | Error e) {
                if (chunkWork != null && chunkWork.isActive()) {
                    chunkWork.rollback(e);
                }
                throw e;
            }
        });
        return Boolean.TRUE.equals(kept);
    }

    /** What each row becomes (unchanged, rejected, or commands with sealed values), given the ledger's answers. */
    private record Decided(PersonalData.Batch sealing, Map<String, LedgerEntry> inChunk, List<Accepted> accepted,
                           List<Rejection> rejections, long unchanged) {
    }

    private Decided decide(ImportKind kind, List<PendingRow> pending, Map<String, LedgerEntry> own,
                           Map<ImportKind, Map<String, LedgerEntry>> named) {
        PersonalData.Batch sealing = personalData.batch();
        List<Rejection> rejections = new ArrayList<>();
        Map<String, LedgerEntry> inChunk = new HashMap<>();
        List<Accepted> accepted = new ArrayList<>();
        long unchanged = 0;
        for (PendingRow p : pending) {
            LedgerEntry before = own.containsKey(p.naturalKey()) ? own.get(p.naturalKey()) : inChunk.get(p.naturalKey());
            if (before != null) {
                if (before.contentHash().equals(p.contentHash())) {
                    unchanged++;
                } else {
                    rejections.add(new Rejection(p.rowNumber(), "row", "differs from the row imported before under the same "
                            + "key: an import registers, it does not change what is registered (use the registry's API)"));
                }
                continue;
            }
            Map<Reference, LedgerEntry> found = new HashMap<>();
            boolean missing = false;
            for (Reference r : p.references()) {
                LedgerEntry e = named.getOrDefault(r.kind(), Map.of()).get(r.key());
                if (e == null && r.kind() == kind) {
                    e = inChunk.get(r.key());
                }
                if (e == null && r.required()) {
                    rejections.add(new Rejection(p.rowNumber(), r.field(), r.reason()));
                    missing = true;
                }
                found.put(r, e);
            }
            if (missing) {
                continue;
            }
            Prepared prepared = p.prepare().apply(new PendingRow.Resolved() {
                @Override
                public LedgerEntry entry(Reference reference) {
                    return found.get(reference);
                }

                @Override
                public PersonalData.Batch sealing() {
                    return sealing;
                }
            });
            if (prepared.rejection() != null) {
                rejections.add(new Rejection(p.rowNumber(), prepared.rejection().field(), prepared.rejection().reason()));
                continue;
            }
            inChunk.put(p.naturalKey(), new LedgerEntry(prepared.aggregateId(), p.contentHash(), prepared.streetCode(),
                    prepared.areaCode()));
            accepted.add(new Accepted(p, prepared));
        }
        return new Decided(sealing, inChunk, accepted, rejections, unchanged);
    }

    private boolean importInTransaction(Claimed job, String owner, ImportKind kind, List<Accepted> accepted,
                                        Map<String, LedgerEntry> inChunk, List<Rejection> rejections, long unchangedRows,
                                        long started, int rows, TransactionStatus status, UnitOfWork<?> chunkWork) {
        List<ImportLedger.Line> lines = new ArrayList<>(accepted.size());
        for (Accepted a : accepted) {
            RowReader.Problem refused = send(kind, a.prepared());
            if (refused != null) {
                rejections.add(new Rejection(a.row().rowNumber(), refused.field(), refused.reason()));
            } else {
                lines.add(new ImportLedger.Line(a.row().naturalKey(), a.row().rowNumber(),
                        inChunk.get(a.row().naturalKey())));
            }
        }
        ledger.add(kind, job.jobId(), lines);
        jobs.addRejections(job.jobId(), rejections);
        if (chunkWork != null) {
            chunkWork.commit(); // the events are stored here, still inside the database transaction
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (!jobs.recordChunk(job.jobId(), owner, rows, lines.size(), unchangedRows, rejectedRows(rejections),
                millis, properties.lease())) {
            status.setRollbackOnly();
            return false;
        }
        metricsAfterCommit(kind, lines.size(), unchangedRows, rejectedRows(rejections));
        return true;
    }

    /** Sends a row's commands; a refusal rejects the row with the rule's field and message. */
    private RowReader.Problem send(ImportKind kind, Prepared prepared) {
        try {
            if (kind == ImportKind.POLICE_OFFICERS) {
                // An officer is created by its constructor: one registered through the API (not in the ledger) is a
                // duplicate the event store refuses, which would abort the chunk's transaction; a savepoint contains it.
                savepoints.executeWithoutResult(s -> prepared.commands().forEach(commands::sendAndWait));
            } else {
                prepared.commands().forEach(commands::sendAndWait);
            }
            return null;
        } catch (DomainRuleViolation v) {
            return new RowReader.Problem(v.field() == null ? "row" : v.field(), v.getMessage());
        } catch (CommandExecutionException e) {
            return new RowReader.Problem("row", "refused: " + e.getMessage());
        } catch (RuntimeException e) {
            if (kind == ImportKind.POLICE_OFFICERS) {
                return new RowReader.Problem("row", "could not be registered (" + e.getClass().getSimpleName() + "): "
                        + e.getMessage());
            }
            throw e;
        }
    }

    /** Rows rejected: a row with several rejected fields counts once. */
    private static long rejectedRows(List<Rejection> rejections) {
        return rejections.stream().mapToLong(Rejection::rowNumber).distinct().count();
    }

    private void metricsAfterCommit(ImportKind kind, long accepted, long unchanged, long rejected) {
        org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                new org.springframework.transaction.support.TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        metrics.rows(kind, ImportMetrics.ACCEPTED, accepted);
                        metrics.rows(kind, ImportMetrics.UNCHANGED, unchanged);
                        metrics.rows(kind, ImportMetrics.REJECTED, rejected);
                    }
                });
    }

    private static InputStream skipBom(InputStream in) throws IOException {
        PushbackInputStream p = new PushbackInputStream(in, 3);
        byte[] head = p.readNBytes(3);
        boolean bom = head.length == 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF;
        if (!bom && head.length > 0) {
            p.unread(head);
        }
        return p;
    }
}
