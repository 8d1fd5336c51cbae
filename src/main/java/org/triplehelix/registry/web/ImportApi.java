package org.triplehelix.registry.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.triplehelix.registry.ImportRejection;
import org.triplehelix.registry.ImportReport;
import org.triplehelix.registry.RegistryWriter;

/**
 * {@code POST /api/v1/imports}: one or more files (multipart, part {@code file}) imported
 * together; answers with the report: counts, every rejected record (file, line, id, reason) and
 * the warnings. Rejected records do not make the request fail: the report is the result.
 */
@RestController
class ImportApi {

    private final ImportJobs jobs;
    private final RegistryWriter writer;

    ImportApi(ImportJobs jobs, RegistryWriter writer) {
        this.jobs = jobs;
        this.writer = writer;
    }

    /**
     * Administrators only, checked before the upload is copied: the import checks again, but in its background job,
     * where a refusal would be the failed job's 500 instead of a 403.
     */
    @PostMapping(path = "/api/v1/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Map<String, Object> importFiles(@RequestPart("file") List<MultipartFile> files,
                                    @RequestParam(defaultValue = "false") boolean illustrative) throws IOException {
        if (!writer.canImport()) {
            throw new AccessDeniedException("only administrators import files into the registry");
        }
        return view(jobs.runNow(files, illustrative));
    }

    static Map<String, Object> view(ImportReport report) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("summary", report.summary());
        view.put("read", report.read());
        view.put("imported", report.imported());
        view.put("rejected", report.rejected());
        view.put("inserted", report.inserted());
        view.put("updated", report.updated());
        view.put("unchanged", report.unchanged());
        view.put("superseded", report.superseded());
        view.put("importedByKind", report.importedByKind());
        // file, line, id and reason as INTERCHANGE.md gives them (the page's localized message stays out)
        view.put("rejections", report.rejections().stream().map(ImportApi::rejection).toList());
        view.put("rejectionsTruncated", report.rejectionsTruncated());
        view.put("warnings", report.warnings());
        view.put("elapsedMillis", report.elapsed().toMillis());
        return view;
    }

    private static Map<String, Object> rejection(ImportRejection rejection) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("file", rejection.file());
        view.put("line", rejection.line());
        view.put("id", rejection.id());
        view.put("reason", rejection.reason());
        return view;
    }
}
