package org.triplehelix.registry.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionException;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import org.triplehelix.registry.FileFormat;
import org.triplehelix.registry.ImportListener;
import org.triplehelix.registry.ImportMessage;
import org.triplehelix.registry.ImportProgress;
import org.triplehelix.registry.ImportReport;
import org.triplehelix.registry.ImportSource;
import org.triplehelix.registry.RegistryImport;
import org.triplehelix.shared.InvalidInputException;

/**
 * Uploaded files imported one job at a time in the background (imports of the same records must
 * not interleave), each job followed by the upload page; the last {@value #KEPT} jobs are kept.
 * Uploads are copied to temporary files first, so the import streams them from disk.
 */
@Component
class ImportJobs implements AutoCloseable {

    static final int KEPT = 50;
    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

    private final RegistryImport imports;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("registry-import").factory());
    private final Map<String, ImportJob> jobs = new LinkedHashMap<>();

    ImportJobs(RegistryImport imports) {
        this.imports = imports;
    }

    /** Copies the uploads and starts importing them together. */
    ImportJob start(List<MultipartFile> uploads, boolean illustrative) throws IOException {
        List<Path> copies = new ArrayList<>();
        List<ImportSource> sources = new ArrayList<>();
        try {
            for (MultipartFile upload : nonEmpty(uploads)) {
                String name = upload.getOriginalFilename() == null ? "upload" : Path.of(upload.getOriginalFilename()).getFileName().toString();
                FileFormat format = FileFormat.of(name).orElseThrow(() -> new InvalidInputException("file", name + ": use .jsonl, .csv or .xlsx",
                        "registry.import.error.format", name));
                Path copy = Files.createTempFile("helix-upload-", "." + format.extension());
                copies.add(copy);
                copy(upload, copy);
                sources.add(ImportSource.of(name, format, copy, illustrative));
            }
        } catch (IOException | RuntimeException e) {
            delete(copies);
            throw e;
        }
        ImportJob job = new ImportJob(UUID.randomUUID().toString(), sources.stream().map(ImportSource::name).toList());
        remember(job);
        // the uploader's identity goes with the job, so the audit trail knows who imported
        executor.submit(new DelegatingSecurityContextRunnable(() -> run(job, sources, copies)));
        return job;
    }

    /**
     * Writes an upload into its temporary file as created (owner-only on POSIX): {@code Files.copy} with
     * {@code REPLACE_EXISTING} would delete the file and create another with the umask's permissions, readable by the
     * machine's other users.
     */
    static void copy(MultipartFile upload, Path file) throws IOException {
        try (InputStream in = upload.getInputStream(); var out = Files.newOutputStream(file)) {
            in.transferTo(out);
        }
    }

    /** Imports the uploads at once, for the JSON API. */
    ImportReport runNow(List<MultipartFile> uploads, boolean illustrative) throws IOException {
        ImportJob job = start(uploads, illustrative);
        while (!job.done()) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
        if (job.error() != null) {
            throw new IllegalStateException(job.error());
        }
        return job.report();
    }

    Optional<ImportJob> find(String id) {
        synchronized (jobs) {
            return Optional.ofNullable(jobs.get(id));
        }
    }

    private static List<MultipartFile> nonEmpty(List<MultipartFile> uploads) {
        List<MultipartFile> files = uploads == null ? List.of() : uploads.stream().filter(f -> !f.isEmpty()).toList();
        if (files.isEmpty()) {
            throw new InvalidInputException("file", "choose one or more files (.jsonl, .csv, .xlsx)", "registry.import.chooseFiles");
        }
        return files;
    }

    private void remember(ImportJob job) {
        synchronized (jobs) {
            jobs.put(job.id(), job);
            while (jobs.size() > KEPT) {
                jobs.remove(jobs.keySet().iterator().next());
            }
        }
    }

    private void run(ImportJob job, List<ImportSource> sources, List<Path> copies) {
        try {
            job.finish(imports.run(sources, new ImportListener() {
                @Override
                public void progress(ImportProgress progress) {
                    job.progress(progress);
                }
            }));
        } catch (RuntimeException | OutOfMemoryError e) {
            // an error the import could not put on a line: the job stops, and says so (rather than polling for ever)
            log.error("Import job {} failed", job.id(), e);
            String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            job.fail(error, failure(e).withDetail(detail(e, error)));
        } finally {
            delete(copies);
        }
    }

    /**
     * What stopped an import, as the page says it: the database refused a write or could not be
     * reached, the caller may not import, a file could not be read or written, the import ran out
     * of memory, or anything else (a fault of the platform's). The page shows the English error
     * beside it as the technical detail.
     */
    static ImportMessage failure(Throwable e) {
        String key = switch (e) {
            case DataAccessResourceFailureException unreachable -> "registry.import.failure.databaseUnavailable";
            case TransientDataAccessException unreachable -> "registry.import.failure.databaseUnavailable";
            case CannotCreateTransactionException unreachable -> "registry.import.failure.databaseUnavailable";
            case DataAccessException refused -> "registry.import.failure.database";
            case TransactionException refused -> "registry.import.failure.database";
            case AccessDeniedException denied -> "registry.import.failure.denied";
            case AuthenticationException denied -> "registry.import.failure.denied";
            case UncheckedIOException io -> "registry.import.failure.io";
            case OutOfMemoryError memory -> "registry.import.failure.tooLarge";
            default -> "registry.import.failure.unexpected";
        };
        return ImportMessage.of(key);
    }

    /** What the database said, without the statement around it; else the error as it was. */
    private static String detail(Throwable e, String error) {
        if (e instanceof DataAccessException data && data.getMostSpecificCause() != e && data.getMostSpecificCause().getMessage() != null) {
            return data.getMostSpecificCause().getMessage();
        }
        return error;
    }

    private static void delete(List<Path> files) {
        files.forEach(file -> {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.warn("Could not delete {}: {}", file, e.getMessage());
            }
        });
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
