package org.triplehelix.registry;

import java.util.Locale;
import java.util.Optional;

/** The file formats of INTERCHANGE.md: JSON Lines, and the CSV and XLSX templates. */
public enum FileFormat {
    JSON_LINES("jsonl", "application/x-ndjson", "JSON Lines"),
    CSV("csv", "text/csv", "CSV"),
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX");

    private final String extension;
    private final String mediaType;
    private final String label;

    FileFormat(String extension, String mediaType, String label) {
        this.extension = extension;
        this.mediaType = mediaType;
        this.label = label;
    }

    /** The format's name as people write it in either language (JSON Lines, CSV, XLSX). */
    public String label() {
        return label;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The format from a file name: .jsonl (or .ndjson, .json), .csv, .xlsx. */
    public static Optional<FileFormat> of(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
            return Optional.of(JSON_LINES);
        }
        if (name.endsWith(".csv")) {
            return Optional.of(CSV);
        }
        return name.endsWith(".xlsx") ? Optional.of(XLSX) : Optional.empty();
    }
}
