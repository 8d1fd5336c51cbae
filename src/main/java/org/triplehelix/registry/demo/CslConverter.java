package org.triplehelix.registry.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * CSL (Chinese Scientific Literature) papers of the dev and test splits as outputs of type
 * {@code paper}. The task files are aligned row by row: {@code cls_ctg} gives the title (and the
 * category), {@code cls_dcp} the abstract and the discipline, {@code kg} the keywords ({@code _}-separated).
 * Each line is {@code prompt \t text \t label}.
 */
final class CslConverter {

    static final List<String> SPLITS = List.of("dev", "test");

    List<Record> convert(Path folder) throws IOException {
        List<Record> records = new ArrayList<>();
        for (String split : SPLITS) {
            List<String[]> titles = read(folder.resolve("cls_ctg_" + split + ".tsv"));
            List<String[]> abstracts = read(folder.resolve("cls_dcp_" + split + ".tsv"));
            List<String[]> keywords = read(folder.resolve("kg_" + split + ".tsv"));
            if (titles.size() != abstracts.size() || titles.size() != keywords.size()) {
                throw new IOException("CSL " + split + " task files are not aligned");
            }
            for (int i = 0; i < titles.size(); i++) {
                records.add(Record.output("csl-%s-%04d".formatted(split, i + 1))
                        .put("type", "paper")
                        .text("title", titles.get(i)[1], null)
                        .text("abstract", abstracts.get(i)[1], null)
                        .list("keywords", keywords(keywords.get(i)[2]))
                        .put("discipline", abstracts.get(i)[2]));
            }
        }
        return records;
    }

    private static List<String> keywords(String label) {
        return Arrays.stream(label.split("_")).map(String::strip).filter(k -> !k.isEmpty()).distinct().toList();
    }

    private static List<String[]> read(Path tsv) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                String[] columns = line.split("\t", -1);
                if (columns.length != 3) {
                    throw new IOException(tsv.getFileName() + ": expected 3 columns, got " + columns.length);
                }
                rows.add(columns);
            }
        }
        return rows;
    }
}
