package org.triplehelix.registry;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.NonTransientDataAccessException;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;
import org.triplehelix.registry.internal.CsvReader;
import org.triplehelix.registry.internal.InterchangeCodec;
import org.triplehelix.registry.internal.JsonLinesReader;
import org.triplehelix.registry.internal.RawRecord;
import org.triplehelix.registry.internal.RecordReader;
import org.triplehelix.registry.internal.UnreadableFileException;
import org.triplehelix.registry.internal.XlsxReader;
import org.triplehelix.shared.AuditableChange;
import org.triplehelix.shared.InvalidInputException;
import org.triplehelix.shared.RecordIds;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One import: reads its files record by record, validates each in memory, and writes them in
 * batches of a few thousand, one transaction a batch. A record whose links do not resolve yet is
 * held back in {@code import_pending} and retried after the last file, round after round while
 * some of them go in; what is left then has a dangling link and is rejected. Records of other
 * modules' kinds are held back too and handed to their {@link ForeignKindImporter} at the end.
 * A batch that the database refuses is split in halves until the record at fault is alone, so
 * every other record still goes in, each one whole or not at all.
 */
final class ImportRun {

    /** The round of held-back records of other modules' kinds. */
    private static final int FOREIGN_ROUND = -1;
    /** Distinct warnings kept and reported; past that, unknown fields are ignored silently. */
    private static final int MAX_WARNINGS = 1000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final UUID importId = UUID.randomUUID();
    private final RecordStore store;
    private final PendingRecords pending;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Map<String, ForeignKindImporter> foreign;
    private final ImportListener listener;
    private final int batchSize;

    private final List<ImportRejection> rejections = new ArrayList<>();
    private final Map<String, String> warnings = new LinkedHashMap<>();
    private final List<ImportMessage> warningMessages = new ArrayList<>();
    private final Map<String, Long> importedByKind = new TreeMap<>();
    private List<Entry> batch = new ArrayList<>();
    private long read;
    private long imported;
    private long rejected;
    private long inserted;
    private long updated;
    private long unchanged;
    private long seq;
    private long superseded;
    private boolean checking = true;
    private final LastOccurrences last = new LastOccurrences();
    private int batches;
    private boolean held;
    private String file = "";
    /** The files that failed in the first pass, by name: not read again. */
    private final Map<String, Unreadable> unreadable = new java.util.HashMap<>();
    private long bytesRead;
    private long bytesTotal = -1;

    ImportRun(RecordStore store, PendingRecords pending, TransactionTemplate transactions, ApplicationEventPublisher events,
              Map<String, ForeignKindImporter> foreign, ImportListener listener, int batchSize) {
        this.store = store;
        this.pending = pending;
        this.transactions = transactions;
        this.events = events;
        this.foreign = foreign;
        this.listener = listener;
        this.batchSize = batchSize;
    }

    /** A record read and validated, with its place in the input: a registry record, or another module's. */
    record Entry(long seq, String file, long line, boolean illustrative, String kind, RegistryRecord record, ForeignRecord foreign) {

        String id() {
            return record != null ? record.id() : foreign.id();
        }
    }

    ImportReport run(List<ImportSource> sources) {
        long started = System.nanoTime();
        pending.clearStale();
        try {
            for (ImportSource source : sources) {
                readSource(source, raw -> note(raw, source.illustrative()));
            }
            seq = 0;
            read = 0;
            checking = false;
            for (ImportSource source : sources) {
                readSource(source, raw -> accept(raw, source.illustrative()));
            }
            flush();
            resolveHeldBack();
            importForeign();
        } finally {
            pending.clear(importId);
        }
        return new ImportReport(read, imported, rejected, inserted, updated, unchanged, superseded, importedByKind, rejections,
                List.copyOf(warnings.values()), warningMessages, Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * Reads one file into the sink. A file that cannot be read to its end (a CSV whose encoding
     * changes, a workbook that turns out a zip bomb or is cut off) fails in the first pass, and is
     * then not read again: it is rejected as a whole, none of its records imported, rather than
     * the records before the fault.
     */
    private void readSource(ImportSource source, Consumer<RawRecord> sink) {
        file = source.name();
        bytesRead = 0;
        bytesTotal = source.size();
        if (!checking && unreadable.containsKey(source.name())) {
            Unreadable skipped = unreadable.get(source.name());
            seq += skipped.records(); // the later files' records keep the numbers the first pass gave them
            rejectFile(source, skipped.failure());
            progress("reading");
            return;
        }
        long seqBefore = seq;
        // an XLSX file on disk is opened as a zip with random access; everything else as a stream
        boolean zipOnDisk = source.path() != null && source.format() == FileFormat.XLSX;
        try (InputStream input = zipOnDisk ? null : source.opener().open()) {
            RecordReader reader = switch (source.format()) {
                case JSON_LINES -> new JsonLinesReader(source.name(), input);
                case CSV -> new CsvReader(source.name(), input);
                case XLSX -> new XlsxReader(source.name(), source.path(), input, source.size());
            };
            reader.read(sink, bytes -> bytesRead = bytes);
            if (!checking && reader instanceof CsvReader csv && csv.charsetGuessed()) {
                warnings.computeIfAbsent("encoding/" + source.name(), key -> warn(source.name() + ": not UTF-8, read as "
                        + csv.charset().name() + " (the encoding of Excel's CSV on Chinese Windows)",
                        ImportMessage.of("registry.import.warning.encoding", source.name(), csv.charset().name())));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DataAccessException || e instanceof TransactionException) {
                throw (RuntimeException) e; // the database failed, not the file
            }
            if (checking) {
                unreadable.put(source.name(), new Unreadable(e, seq - seqBefore));
            } else {
                rejectFile(source, e);
            }
        }
        progress(checking ? "checking" : "reading");
    }

    /** Why a file failed in the first pass, and how many of its records that pass had numbered before. */
    private record Unreadable(Exception failure, long records) {
    }

    private void rejectFile(ImportSource source, Exception e) {
        if (e instanceof UnreadableFileException unreadableFile) {
            reject(source.name(), unreadableFile.line(), null, "cannot read the file: " + e.getMessage(), new ImportMessage(unreadableFile.key(),
                    unreadableFile.args()).withDetail(e.getCause() == null ? null : e.getCause().getMessage()));
        } else {
            reject(source.name(), 0, null, "cannot read the file: " + e.getMessage(),
                    ImportMessage.of("registry.import.error.unreadableFile", source.format().label()).withDetail(e.getMessage()));
        }
    }

    /** The first pass: where the last valid record of each id is. */
    private void note(RawRecord raw, boolean illustrative) {
        read++;
        seq++;
        try {
            Entry entry = classify(raw, illustrative, (kind, field) -> { });
            last.put(entry.kind(), entry.id(), seq);
        } catch (InvalidInputException e) {
            // reported by the second pass
        }
        if ((read & 8191) == 0) {
            progress("checking");
        }
    }

    /** The second pass: each valid record into the batch (unless a later one replaces it), each invalid one rejected. */
    private void accept(RawRecord raw, boolean illustrative) {
        read++;
        seq++;
        try {
            Entry entry = classify(raw, illustrative, (kind, field) -> {
                if (warnings.size() < MAX_WARNINGS) {
                    warnings.computeIfAbsent(kind + "/" + field, key -> warn(kind + ": unknown field '" + field + "' ignored (first at "
                            + raw.file() + ":" + raw.line() + ")", ImportMessage.of("registry.import.warning.unknownField", kind, field,
                            raw.file() + ":" + raw.line())));
                }
            });
            add(entry);
        } catch (InvalidInputException e) {
            ImportMessage message = ImportMessage.of(e);
            reject(raw.file(), raw.line(), raw.idOrNull(), e.getMessage(), message == null ? null : message.withDetail(raw.errorDetail()));
        }
        if (batch.size() >= batchSize) {
            flush();
        }
    }

    /** The record validated, as a registry record or one for another module; {@link InvalidInputException} with the reason if not valid. */
    private Entry classify(RawRecord raw, boolean illustrative, BiConsumer<String, String> unknownField) {
        if (raw.error() != null) {
            throw new InvalidInputException("line", raw.error(), raw.errorKey(), raw.errorArgs().toArray());
        }
        JsonNode kindNode = raw.node().get("kind");
        if (kindNode == null || !kindNode.isString() || kindNode.stringValue().isBlank()) {
            throw new InvalidInputException("kind", "missing required field kind", "registry.import.error.missingField", "kind");
        }
        String kind = kindNode.stringValue().strip();
        // an id is written in TREC runs, whose fields are separated by spaces: one holding whitespace is refused, of every kind
        RecordIds.requireNoSpace("id", raw.idOrNull());
        RecordKind registryKind = RecordKind.fromInterchange(kind).orElse(null);
        if (registryKind != null) {
            return new Entry(seq, raw.file(), raw.line(), illustrative, kind, InterchangeCodec.read(registryKind, raw.node(), unknownField), null);
        }
        if (!foreign.containsKey(kind)) {
            java.util.List<String> known = new java.util.ArrayList<>(java.util.List.of("organization", "person", "output", "facility"));
            known.addAll(new java.util.TreeSet<>(foreign.keySet()));
            if (kind.equals("demand")) {
                throw new InvalidInputException("kind", "no module accepts kind demand", "registry.import.error.noModule", kind);
            }
            throw new InvalidInputException("kind", "unknown kind '" + kind + "' (" + String.join(", ", known) + ")",
                    "registry.import.error.kind", kind, String.join(", ", known));
        }
        String id = raw.idOrNull();
        if (id == null) {
            throw new InvalidInputException("id", "missing required field id", "registry.import.error.missingField", "id");
        }
        Set<String> known = foreign.get(kind).fields();
        for (String field : raw.node().propertyNames()) {
            if (!field.equals("kind") && !field.equals("id") && !known.contains(field)) {
                unknownField.accept(kind, field);
            }
        }
        return new Entry(seq, raw.file(), raw.line(), illustrative, kind, null, new ForeignRecord(raw.file(), raw.line(), id, illustrative, raw.node()));
    }

    /** Batches a valid record, unless a later record of the import replaces it. */
    private void add(Entry entry) {
        if (last.isLast(entry.kind(), entry.id(), entry.seq())) {
            batch.add(entry);
        } else {
            superseded++;
            imported++;
        }
    }

    private String warn(String warning, ImportMessage message) {
        listener.warning(warning);
        warningMessages.add(message);
        return warning;
    }

    private void reject(String file, long line, String id, String reason, ImportMessage message) {
        rejected++;
        ImportRejection rejection = new ImportRejection(file, line, id, reason, message);
        if (rejections.size() < ImportReport.MAX_REJECTIONS) {
            rejections.add(rejection);
        }
        listener.rejected(rejection);
    }

    private void progress(String phase) {
        listener.progress(new ImportProgress(file, read, bytesRead, bytesTotal, phase));
    }

    private void flush() {
        if (!batch.isEmpty()) {
            List<Entry> entries = batch;
            batch = new ArrayList<>(batchSize);
            write(entries, 0);
            progress("reading");
        }
    }

    /** Writes a batch in one transaction; when the database refuses it, each half on its own. */
    private long write(List<Entry> entries, int deferRound) {
        try {
            Outcome outcome = transactions.execute(status -> writeInTransaction(entries, deferRound));
            account(outcome);
            return outcome.written();
        } catch (NonTransientDataAccessException | ImportConflict e) {
            if (e instanceof DataAccessResourceFailureException) {
                throw e;
            }
            if (entries.size() == 1) {
                Entry entry = entries.getFirst();
                reject(entry.file(), entry.line(), entry.id(), reason(e), message(e));
                return 0;
            }
            int half = entries.size() / 2;
            return write(entries.subList(0, half), deferRound) + write(entries.subList(half, entries.size()), deferRound);
        }
    }

    private static String reason(RuntimeException e) {
        if (e instanceof ImportConflict) {
            return e.getMessage();
        }
        return "refused by the database: " + databaseReason(e);
    }

    /** The reason of {@link #reason} for the import page; what the database said stays as it said it. */
    private static ImportMessage message(RuntimeException e) {
        if (e instanceof ImportConflict conflict) {
            return conflict.message;
        }
        return ImportMessage.of("registry.import.error.database").withDetail(databaseReason(e));
    }

    private static String databaseReason(RuntimeException e) {
        Throwable cause = e instanceof NonTransientDataAccessException data ? data.getMostSpecificCause() : e;
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.lines().findFirst().orElse(message).replaceFirst("^ERROR: ", "");
    }

    private void account(Outcome outcome) {
        imported += outcome.written();
        inserted += outcome.inserted();
        updated += outcome.updated();
        unchanged += outcome.written() - outcome.inserted() - outcome.updated();
        outcome.writtenByKind().forEach((kind, n) -> importedByKind.merge(kind, n, Long::sum));
        if (outcome.held()) {
            held = true;
        }
    }

    /** What a batch did. */
    record Outcome(long written, long inserted, long updated, Map<String, Long> writtenByKind, boolean held) {
    }

    /** A batch refused for a reason of the registry's own (a parent cycle). */
    static final class ImportConflict extends RuntimeException {

        private final transient ImportMessage message;

        ImportConflict(String reason, ImportMessage message) {
            super(reason);
            this.message = message;
        }
    }

    private Outcome writeInTransaction(List<Entry> entries, int deferRound) {
        Map<PendingRecords.Key, Entry> latest = new LinkedHashMap<>();
        for (Entry entry : entries) {
            PendingRecords.Key key = new PendingRecords.Key(entry.kind(), entry.id());
            latest.remove(key);
            latest.put(key, entry);
        }
        if (held) {
            pending.removeSuperseded(importId, latest.keySet());
        }
        Map<RecordKind, List<Entry>> byKind = new EnumMap<>(RecordKind.class);
        List<Entry> foreignEntries = new ArrayList<>();
        for (Entry entry : latest.values()) {
            if (entry.record() != null) {
                byKind.computeIfAbsent(entry.record().kind(), k -> new ArrayList<>()).add(entry);
            } else {
                foreignEntries.add(entry);
            }
        }
        Links links = new Links(byKind);
        List<RecordStore.Change> changes = new ArrayList<>();
        List<Entry> deferred = new ArrayList<>();
        Map<String, Long> writtenByKind = new TreeMap<>();
        for (RecordKind kind : RecordKind.values()) {
            List<Entry> remaining = byKind.getOrDefault(kind, List.of());
            // organizations in levels: those whose parent is stored before those whose parent is in this batch
            while (!remaining.isEmpty()) {
                List<Entry> ready = remaining.stream().filter(e -> links.resolve(e.record())).toList();
                if (ready.isEmpty()) {
                    break;
                }
                changes.addAll(store.upsert(kind, ready.stream().map(e -> new RecordStore.Staged(e.record(), e.illustrative())).toList()));
                ready.forEach(e -> links.written(e.record()));
                writtenByKind.merge(kind.interchangeName(), (long) ready.size(), Long::sum);
                Set<Entry> done = new HashSet<>(ready);
                remaining = remaining.stream().filter(Predicate.not(done::contains)).toList();
            }
            deferred.addAll(remaining);
        }
        refuseParentCycles(changes);
        hold(deferRound, deferred);
        hold(FOREIGN_ROUND, foreignEntries);
        long inserts = changes.stream().filter(RecordStore.Change::inserted).count();
        long written = writtenByKind.values().stream().mapToLong(Long::longValue).sum() + (entries.size() - latest.size());
        publish(changes, written, inserts);
        return new Outcome(written, inserts, changes.size() - inserts, writtenByKind, !deferred.isEmpty() || !foreignEntries.isEmpty());
    }

    private void refuseParentCycles(List<RecordStore.Change> changes) {
        List<String> organizations = changes.stream().filter(c -> c.kind() == RecordKind.ORGANIZATION).map(RecordStore.Change::extId).toList();
        List<String> cycles = store.parentCycles(organizations);
        if (!cycles.isEmpty()) {
            throw new ImportConflict("parent cycle: organization " + cycles.getFirst() + " would be its own ancestor",
                    ImportMessage.of("registry.import.error.parentCycle", cycles.getFirst()));
        }
    }

    private void hold(int round, List<Entry> entries) {
        List<PendingRecords.Row> rows = entries.stream().map(e -> new PendingRecords.Row(e.seq(), e.kind(), e.id(), e.file(), e.line(),
                e.illustrative(), e.record() != null ? InterchangeCodec.write(e.record()).toString() : e.foreign().fields().toString())).toList();
        pending.add(importId, round, rows);
    }

    /** A change event per kind with changed records; an audit event for every batch that wrote records. */
    private void publish(List<RecordStore.Change> changes, long written, long inserts) {
        if (written == 0) {
            return;
        }
        batches++;
        Map<RecordKind, List<String>> changed = new EnumMap<>(RecordKind.class);
        changes.forEach(c -> changed.computeIfAbsent(c.kind(), k -> new ArrayList<>()).add(c.extId()));
        changed.forEach((kind, ids) -> events.publishEvent(new RegistryChanged(kind.interchangeName(), ids)));
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("file", file);
        counts.put("batch", batches);
        counts.put("written", written);
        counts.put("inserted", inserts);
        counts.put("updated", changes.size() - inserts);
        counts.put("unchanged", written - changes.size());
        changed.forEach((kind, ids) -> counts.put(kind.interchangeName(), ids.size()));
        events.publishEvent(new AuditableChange("import", "registry", importId.toString(), null, counts));
    }

    /** Which link targets exist: stored before this batch, or written earlier in it. */
    private final class Links {

        private final Map<RecordKind, Set<String>> available = new EnumMap<>(RecordKind.class);

        Links(Map<RecordKind, List<Entry>> byKind) {
            Map<RecordKind, Set<String>> targets = new EnumMap<>(RecordKind.class);
            byKind.values().forEach(entries -> entries.forEach(e -> e.record().links()
                    .forEach(link -> targets.computeIfAbsent(link.target(), k -> new HashSet<>()).add(link.id()))));
            targets.forEach((kind, ids) -> available.put(kind, new HashSet<>(store.existing(kind, ids))));
        }

        boolean resolve(RegistryRecord record) {
            return record.links().stream().allMatch(link -> available.getOrDefault(link.target(), Set.of()).contains(link.id()));
        }

        void written(RegistryRecord record) {
            available.computeIfAbsent(record.kind(), k -> new HashSet<>()).add(record.id());
        }
    }

    /** Retries the held-back records, round after round while some go in; rejects the rest. */
    private void resolveHeldBack() {
        if (!held) {
            return;
        }
        int round = 0;
        while (true) {
            progress("linking");
            long written = 0;
            for (RecordKind kind : RecordKind.values()) {
                long after = -1;
                List<PendingRecords.Row> rows;
                while (!(rows = pending.chunk(importId, round, kind.interchangeName(), after, batchSize)).isEmpty()) {
                    after = rows.getLast().seq();
                    written += write(rows.stream().map(row -> entry(kind, row)).toList(), round + 1);
                }
            }
            round++;
            if (written == 0 || pending.count(importId, round) == 0) {
                break;
            }
        }
        rejectDangling(round);
    }

    private Entry entry(RecordKind kind, PendingRecords.Row row) {
        RegistryRecord record = InterchangeCodec.read(kind, JSON.readTree(row.payload()), (k, f) -> { });
        return new Entry(row.seq(), row.file(), row.line(), row.illustrative(), kind.interchangeName(), record, null);
    }

    private void rejectDangling(int round) {
        for (RecordKind kind : RecordKind.values()) {
            long after = -1;
            List<PendingRecords.Row> rows;
            while (!(rows = pending.chunk(importId, round, kind.interchangeName(), after, batchSize)).isEmpty()) {
                after = rows.getLast().seq();
                List<Entry> entries = rows.stream().map(row -> entry(kind, row)).toList();
                Map<RecordKind, Set<String>> missing = missingTargets(entries);
                for (Entry entry : entries) {
                    reject(entry.file(), entry.line(), entry.id(), danglingReason(entry.record(), missing),
                            danglingMessage(entry.record(), missing));
                }
            }
        }
    }

    /** Link targets that do not exist, per kind; those held back (in a cycle, or linking to a missing record) marked. */
    private Map<RecordKind, Set<String>> missingTargets(List<Entry> entries) {
        Map<RecordKind, Set<String>> targets = new EnumMap<>(RecordKind.class);
        entries.forEach(e -> e.record().links().forEach(l -> targets.computeIfAbsent(l.target(), k -> new HashSet<>()).add(l.id())));
        Map<RecordKind, Set<String>> missing = new EnumMap<>(RecordKind.class);
        targets.forEach((kind, ids) -> {
            Set<String> existing = store.existing(kind, ids);
            Set<String> absent = ids.stream().filter(id -> !existing.contains(id)).collect(Collectors.toSet());
            Set<String> heldBack = new HashSet<>(absent.isEmpty() ? List.of() : pending.held(importId, kind.interchangeName(), absent));
            Set<String> marked = new HashSet<>();
            absent.forEach(id -> marked.add(heldBack.contains(id) ? "\u0000" + id : id));
            missing.put(kind, marked);
        });
        return missing;
    }

    private static String danglingReason(RegistryRecord record, Map<RecordKind, Set<String>> missing) {
        List<String> problems = new ArrayList<>();
        for (RegistryRecord.Link link : record.links()) {
            Set<String> absent = missing.getOrDefault(link.target(), Set.of());
            if (absent.contains(link.id())) {
                problems.add(link.field() + " " + link.id() + " does not exist");
            } else if (absent.contains("\u0000" + link.id())) {
                problems.add(link.field() + " " + link.id() + " could not be imported (a link cycle or a dangling link of its own)");
            }
        }
        return "dangling link: " + (problems.isEmpty() ? "a linked record does not exist" : String.join("; ", problems));
    }

    /**
     * The reason of {@link #danglingReason} for the import page: the links to records that do not
     * exist, and those to records that could not be imported, each as "field id".
     */
    private static ImportMessage danglingMessage(RegistryRecord record, Map<RecordKind, Set<String>> missing) {
        List<String> absent = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (RegistryRecord.Link link : record.links()) {
            Set<String> targets = missing.getOrDefault(link.target(), Set.of());
            if (targets.contains(link.id())) {
                absent.add(link.field() + " " + link.id());
            } else if (targets.contains("\u0000" + link.id())) {
                failed.add(link.field() + " " + link.id());
            }
        }
        String a = String.join("; ", absent);
        String f = String.join("; ", failed);
        if (absent.isEmpty() && failed.isEmpty()) {
            return ImportMessage.of("registry.import.error.dangling");
        }
        return failed.isEmpty() ? ImportMessage.of("registry.import.error.danglingMissing", a)
                : absent.isEmpty() ? ImportMessage.of("registry.import.error.danglingFailed", f)
                : ImportMessage.of("registry.import.error.danglingBoth", a, f);
    }

    /** Hands records of other modules' kinds to their importers, in batches, after every registry record. */
    private void importForeign() {
        if (!held) {
            return;
        }
        for (ForeignKindImporter importer : foreign.values()) {
            long after = -1;
            List<PendingRecords.Row> rows;
            while (!(rows = pending.chunk(importId, FOREIGN_ROUND, importer.kind(), after, batchSize)).isEmpty()) {
                after = rows.getLast().seq();
                List<ForeignRecord> records = rows.stream().map(r -> new ForeignRecord(r.file(), r.line(), r.extId(), r.illustrative(),
                        JSON.readTree(r.payload()))).toList();
                ForeignKindImporter.Batch batch = transactions.execute(status -> {
                    ForeignKindImporter.Batch answer = importer.importBatch(records);
                    requireEveryRecordOnce(importer.kind(), records, answer); // inside the transaction: a wrong answer writes nothing
                    return answer;
                });
                batch.failures().forEach(f -> reject(f.record().file(), f.record().line(), f.record().id(), f.reason(), f.message()));
                long accepted = batch.stored().size();
                imported += accepted;
                inserted += batch.count(ForeignKindImporter.Change.NEW);
                updated += batch.count(ForeignKindImporter.Change.CHANGED);
                unchanged += batch.count(ForeignKindImporter.Change.UNCHANGED);
                importedByKind.merge(importer.kind(), accepted, Long::sum);
            }
        }
    }

    /**
     * An importer that leaves a record out of its answer, or gives one twice, would make the summary's
     * breakdown disagree with its total without anyone noticing: it is a bug of that importer, said at once.
     */
    private static void requireEveryRecordOnce(String kind, List<ForeignRecord> records, ForeignKindImporter.Batch batch) {
        Set<ForeignRecord> given = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        given.addAll(records);
        Set<ForeignRecord> answered = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        boolean once = batch.stored().stream().allMatch(s -> given.contains(s.record()) && answered.add(s.record()))
                && batch.failures().stream().allMatch(f -> given.contains(f.record()) && answered.add(f.record()));
        if (!once || answered.size() != records.size()) {
            throw new IllegalStateException("the importer of kind " + kind + " answered for " + answered.size() + " of " + records.size()
                    + " records, each stored or rejected exactly once expected");
        }
    }
}
