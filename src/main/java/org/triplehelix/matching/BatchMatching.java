package org.triplehelix.matching;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Service;
import org.triplehelix.matching.embedding.Embeddings;
import org.triplehelix.shared.InvalidInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Batch matching (INTERCHANGE.md): demands as JSON Lines ({@code {"id", "text"[, "target"]}}) to a
 * ranking in the TREC run format, {@code q1 Q0 person-3f2a9c1d0b7e 1 17.2345 triple-helix}.
 */
@Service
public class BatchMatching {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MatchService matching;
    private final Embeddings embeddings;

    BatchMatching(MatchService matching, Embeddings embeddings) {
        this.matching = matching;
        this.embeddings = embeddings;
    }

    public record Query(String id, String text, EntityKind target) {
    }

    /** At most this many bad lines are listed when a queries file is refused. */
    private static final int LISTED_ERRORS = 20;

    /**
     * Reads the queries of a file; a query without a target gets {@code defaultTarget}. The file is
     * refused as a whole, every bad line named ({@code file:line: reason}), when a line is not UTF-8, not a
     * JSON object, or has no string {@code id} or {@code text}, an id with spaces (it would break the run's
     * columns) or one already used on an earlier line (a run cannot tell two queries of one id apart), a text
     * a match refuses, or an unknown target. Blank lines are skipped; a UTF-8 byte order mark and CRLF line
     * ends are read as the registry's JSON Lines import reads them.
     */
    public static List<Query> read(Path file, EntityKind defaultTarget) {
        if (Files.isDirectory(file)) {
            throw new InvalidInputException("queries", file + ": is a folder, not a file");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Query> queries = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        int line = 0;
        int start = 0;
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            line++;
            int length = end - start;
            if (length > 0 && bytes[end - 1] == '\r') {
                length--;
            }
            try {
                String row = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, start, length)).toString();
                if (line == 1 && row.startsWith("\uFEFF")) {
                    row = row.substring(1);
                }
                if (!row.isBlank()) {
                    Query query = query(row, defaultTarget);
                    Integer earlier = firstLine.putIfAbsent(query.id(), line);
                    if (earlier != null) {
                        throw new IllegalArgumentException("query id \"" + query.id() + "\" is already used on line " + earlier);
                    }
                    queries.add(query);
                }
            } catch (CharacterCodingException e) {
                errors.add(file + ":" + line + ": not UTF-8 text");
            } catch (InvalidInputException e) {
                errors.add(file + ":" + line + ": \"" + e.field() + "\": " + e.getMessage());
            } catch (IllegalArgumentException e) {
                errors.add(file + ":" + line + ": " + e.getMessage());
            }
            start = end + 1;
        }
        if (!errors.isEmpty()) {
            String listed = String.join("\n", errors.subList(0, Math.min(LISTED_ERRORS, errors.size())));
            throw new InvalidInputException("queries", listed + (errors.size() > LISTED_ERRORS
                    ? "\n(and " + (errors.size() - LISTED_ERRORS) + " more)" : "") + "\n" + file + ": " + errors.size()
                    + (errors.size() == 1 ? " bad line" : " bad lines") + ", nothing ranked");
        }
        if (queries.isEmpty()) {
            // an empty run measured as a run would score 0: an empty or wrong file
            throw new InvalidInputException("queries", file + ": no queries (one {\"id\", \"text\"} object a line)");
        }
        return queries;
    }

    /** One line's query, or an IllegalArgumentException / InvalidInputException that says what is wrong with it. */
    private static Query query(String row, EntityKind defaultTarget) {
        JsonNode node;
        try {
            node = JSON.readTree(row);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("invalid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a JSON object (a query is {\"id\": \"q1\", \"text\": \"…\"})");
        }
        String id = string(node, "id");
        String text = string(node, "text");
        if (id.isBlank() || id.codePoints().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("\"id\" " + (id.isBlank() ? "is empty" : "\"" + id + "\" holds a space")
                    + ": the run's columns are separated by spaces");
        }
        EntityKind target = node.hasNonNull("target") ? EntityKind.of("target", string(node, "target")) : defaultTarget;
        MatchRequest.of(text, target, 1); // the text a match would refuse is refused here, with its line, before anything is ranked
        return new Query(id, text, target);
    }

    private static String string(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("a query needs \"id\" and \"text\" (no \"" + field + "\")");
        }
        if (field.equals("id") && value.isIntegralNumber()) {
            return value.asString(); // {"id": 17}: read as "17", as it always was
        }
        if (!value.isString()) {
            throw new IllegalArgumentException("\"" + field + "\" is not a string");
        }
        return value.asString();
    }

    /**
     * Ranks every query (embedding the ones not in the cache first, with progress) with
     * {@code threads} threads and writes the run, queries in the file's order.
     */
    public void run(List<Query> queries, int k, String tag, int threads, Writer out, Progress progress) {
        Map<String, float[]> vectors = embed(queries, progress);
        progress.start("matching", queries.size());
        AtomicLong done = new AtomicLong();
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads))) {
            List<Future<List<String>>> futures = new ArrayList<>();
            for (Query query : queries) {
                futures.add(pool.submit(() -> {
                    List<String> lines = rank(query, k, tag, vectors.get(query.text()));
                    synchronized (progress) {
                        progress.advance(done.incrementAndGet());
                    }
                    return lines;
                }));
            }
            for (Future<List<String>> future : futures) {
                for (String line : future.get()) {
                    out.write(line);
                    out.write('\n');
                }
            }
            out.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        progress.finish();
    }

    /**
     * Runs the queries into a run file, whole or not at all: the run is written beside it under a
     * temporary name and moved into place once every query is ranked, so a failure or an interrupted
     * batch (Ctrl-C) leaves no half-written run, and an earlier run of that name as it was.
     */
    public void run(List<Query> queries, int k, String tag, int threads, Path run, Progress progress) {
        checkRunPath(run);
        Path partial = null;
        try {
            Path folder = run.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            removeAbandonedPartials(folder, run.getFileName().toString());
            // not createTempFile: the run keeps the permissions a file written in place gets
            partial = folder.resolve(partialName(run.getFileName().toString(), ProcessHandle.current().pid()));
            partial.toFile().deleteOnExit(); // an interrupted batch: the JVM's shutdown removes it
            try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                run(queries, k, tag, threads, out, progress);
            }
            try {
                Files.move(partial, run, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, run, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (partial != null) {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException e) {
                    // deleteOnExit tries again
                }
            }
        }
    }

    static String partialName(String run, long pid) {
        return "." + run + "." + pid + ".partial";
    }

    /**
     * Deletes the temporary files of earlier batches into the same run whose process is gone: a batch
     * killed outright (kill -9, a power cut) runs no shutdown hook and leaves its {@code .RUN.PID.partial}.
     * One of a batch still running (its process alive) is left alone.
     */
    static void removeAbandonedPartials(Path folder, String run) throws IOException {
        String prefix = "." + run + ".";
        try (var files = Files.newDirectoryStream(folder, file -> {
            String name = file.getFileName().toString();
            return name.startsWith(prefix) && name.endsWith(".partial");
        })) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                String pid = name.substring(prefix.length(), name.length() - ".partial".length());
                if (pid.matches("[0-9]{1,18}") && ProcessHandle.of(Long.parseLong(pid)).isEmpty()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /**
     * Refuses a run path that cannot be written, before anything is ranked: a folder, or a path under
     * a file. Folders that do not exist yet are created when the run is written.
     */
    public static void checkRunPath(Path run) {
        Path absolute = run.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw new InvalidInputException("run", run + ": is a folder, not a file");
        }
        for (Path folder = absolute.getParent(); folder != null; folder = folder.getParent()) {
            if (Files.exists(folder)) {
                if (!Files.isDirectory(folder)) {
                    throw new InvalidInputException("run", run + ": " + folder + " is a file, not a folder");
                }
                if (!Files.isWritable(folder)) {
                    throw new InvalidInputException("run", run + ": the folder " + folder + " cannot be written");
                }
                return;
            }
        }
    }

    private List<String> rank(Query query, int k, String tag, float[] vector) {
        List<String> lines = new ArrayList<>();
        int rank = 0;
        for (MatchService.Ranked hit : matching.rank(new MatchRequest(query.text(), query.target(), k, SearchFilter.NONE, false), vector)) {
            lines.add(String.format(Locale.ROOT, "%s Q0 %s %d %.4f %s", query.id(), hit.extId(), ++rank, hit.score(), tag));
        }
        return lines;
    }

    private Map<String, float[]> embed(List<Query> queries, Progress progress) {
        Map<String, float[]> vectors = new HashMap<>();
        if (!embeddings.enabled()) {
            return vectors;
        }
        progress.start("queries", queries.size());
        int done = 0;
        for (Query query : queries) {
            if (!vectors.containsKey(query.text())) {
                vectors.put(query.text(), embeddings.query(query.text()));
            }
            progress.advance(++done);
        }
        progress.finish();
        return vectors;
    }
}
