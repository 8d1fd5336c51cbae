package org.triplehelix.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One file to import: its name (as reported in rejections), its format, its size (for progress;
 * -1 when unknown), whether its records are marked illustrative (written by the project for the
 * demo, not real data), and how to open it.
 */
public record ImportSource(String name, FileFormat format, long size, boolean illustrative, Path path, Opener opener) {

    /** Opens the file's bytes. */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    /** A file on disk, its format from its extension. */
    public static ImportSource of(Path file, boolean illustrative) {
        String name = file.toString();
        FileFormat format = FileFormat.of(name).orElseThrow(() -> new IllegalArgumentException(
                "unknown format of " + name + ": use .jsonl, .csv or .xlsx"));
        return of(name, format, file, illustrative);
    }

    /** A file on disk reported under {@code name} (e.g. an upload's original name). */
    public static ImportSource of(String name, FileFormat format, Path file, boolean illustrative) {
        try {
            return new ImportSource(name, format, Files.size(file), illustrative, file, () -> Files.newInputStream(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    /** Bytes from elsewhere (a classpath resource). */
    public static ImportSource of(String name, FileFormat format, long size, boolean illustrative, Opener opener) {
        return new ImportSource(name, format, size, illustrative, null, opener);
    }
}
