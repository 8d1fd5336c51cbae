package org.triplehelix.challenge;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipInputStream;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.triplehelix.shared.Page;

/**
 * The read-only archive of past open calls: CNKI's listing of research calls open on 2017-09-26
 * (15,510 lines, 13,754 distinct calls, github.com/Tsai1993/Fund, MPL-2.0), loaded into the database on first use,
 * each with its line in the source file. Real data, not illustrative.
 */
@Service
public class CallArchive {

    static final String SOURCE = "challenge/cnki-apply-project-2017-9-26.csv.zip";
    public static final String SOURCE_NAME = "cnki-apply-project-2017-9-26.csv";

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private volatile boolean loaded;

    CallArchive(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Calls whose title or source contains the words, newest first. A call the source file lists more than once
     * (same title, programme and dates) is one call, with all its lines.
     */
    public Page<CallRecord> search(String q, int page, int size) {
        ensureLoaded();
        String words = q == null || q.isBlank() ? null : q.strip().toLowerCase();
        String where = " where (:q::text is null or lower(title) like '%' || :q || '%' or lower(coalesce(source, '')) like '%' || :q || '%')";
        String calls = " from challenge_call_archive" + where + " group by title, source, published, deadline";
        long total = jdbc.sql("select count(*) from (select 1" + calls + ") call").param("q", words).query(Long.class).single();
        List<CallRecord> items = jdbc.sql("select title, source, published, deadline, array_agg(source_line order by source_line) as lines"
                        + calls + " order by published desc nulls last, min(source_line) limit :limit offset :offset")
                .param("q", words).param("limit", size).param("offset", (long) page * size)
                .query((rs, n) -> {
                    List<Integer> lines = java.util.Arrays.stream((Integer[]) rs.getArray("lines").getArray()).toList();
                    return new CallRecord(lines.getFirst(), rs.getString("title"), rs.getString("source"),
                            rs.getObject("published", LocalDate.class), rs.getObject("deadline", LocalDate.class),
                            lines.subList(1, lines.size()));
                }).list();
        return new Page<>(items, page, size, total);
    }

    synchronized void ensureLoaded() {
        if (loaded) {
            return;
        }
        if (jdbc.sql("select count(*) from challenge_call_archive").query(Long.class).single() == 0) {
            List<CallRecord> calls = read();
            transaction.executeWithoutResult(status -> {
                for (int from = 0; from < calls.size(); from += 1000) {
                    List<CallRecord> batch = calls.subList(from, Math.min(calls.size(), from + 1000));
                    StringBuilder sql = new StringBuilder("insert into challenge_call_archive (source_line, title, source, published, deadline) values ");
                    var values = new java.util.LinkedHashMap<String, Object>();
                    for (int i = 0; i < batch.size(); i++) {
                        CallRecord c = batch.get(i);
                        sql.append(i == 0 ? "" : ", ").append("(:l").append(i).append(", :t").append(i).append(", :s").append(i)
                                .append(", :p").append(i).append(", :d").append(i).append(')');
                        values.put("l" + i, c.sourceLine());
                        values.put("t" + i, c.title());
                        values.put("s" + i, c.source());
                        values.put("p" + i, c.published());
                        values.put("d" + i, c.deadline());
                    }
                    jdbc.sql(sql + " on conflict do nothing").params(values).update();
                }
            });
        }
        loaded = true;
    }

    /** The calls of the source file; line 1 is the header, so the first call is on line 2. */
    static List<CallRecord> read() {
        List<CallRecord> calls = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ClassPathResource(SOURCE).getInputStream())) {
            zip.getNextEntry();
            BufferedReader reader = new BufferedReader(new InputStreamReader(zip, StandardCharsets.UTF_8));
            String line = reader.readLine();
            int number = 1;
            while ((line = reader.readLine()) != null) {
                number++;
                List<String> fields = fields(line);
                if (fields.size() >= 5 && !fields.get(1).isBlank()) {
                    calls.add(new CallRecord(number, fields.get(1).replaceFirst("^\\[申报中\\]\\s*", ""), blankToNull(fields.get(2)),
                            date(fields.get(3)), date(fields.get(4))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return calls;
    }

    /** One CSV line (quoted fields with doubled quotes; the source has no line breaks inside fields). */
    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    private static LocalDate date(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
