package org.triplehelix.registry.web;

import java.io.IOException;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.security.access.AccessDeniedException;
import org.triplehelix.registry.FileFormat;
import org.triplehelix.registry.RegistryWriter;
import org.triplehelix.registry.internal.Tabular;
import org.triplehelix.shared.InvalidInputException;
import org.triplehelix.shared.NotFoundException;
import org.triplehelix.shared.web.FormErrors;

/**
 * The upload page, {@code /registry/import}: files are imported in the background while the page
 * polls the job (htmx, every second) and then shows the report with every rejected line. The
 * CSV and XLSX templates of every kind are downloadable here.
 */
@Controller
class ImportPage {

    private final ImportJobs jobs;
    private final RegistryWriter writer;

    ImportPage(ImportJobs jobs, RegistryWriter writer) {
        this.jobs = jobs;
        this.writer = writer;
    }

    /** Administrators only (as the import itself checks): others get 403, not a form that would fail. */
    private void requireImporter() {
        if (!writer.canImport()) {
            throw new AccessDeniedException("only administrators import files into the registry");
        }
    }

    @GetMapping("/registry/import")
    String page(Model model) {
        requireImporter();
        model.addAttribute("kinds", List.copyOf(Tabular.FIELDS.keySet()));
        return "registry/import";
    }

    @PostMapping(path = "/registry/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String upload(@RequestParam(name = "file", required = false) List<org.springframework.web.multipart.MultipartFile> files,
                  @RequestParam(defaultValue = "false") boolean illustrative, Model model,
                  jakarta.servlet.http.HttpServletResponse response) throws IOException {
        requireImporter();
        try {
            return "redirect:/registry/import/jobs/" + jobs.start(files, illustrative).id();
        } catch (InvalidInputException e) {
            // refused: 400, the file input marked, "illustrative" as ticked; nothing imported
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errors", FormErrors.refusal("file", e));
            model.addAttribute("illustrative", illustrative);
            model.addAttribute("fileAgain", files != null && files.stream().anyMatch(f -> !f.isEmpty()));
            return page(model);
        }
    }

    @GetMapping("/registry/import/jobs/{id}")
    String job(@PathVariable String id, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
               jakarta.servlet.http.HttpServletResponse response) {
        requireImporter();
        ImportJob job = jobs.find(id).orElse(null);
        if (job == null) {
            // the server restarted, or the job is older than the last ones kept
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("error", "registry.import.jobNotFound");
            return page(model);
        }
        model.addAttribute("job", job);
        if (htmx != null) {
            return "registry/importJob";
        }
        return page(model);
    }

    @GetMapping("/registry/import/templates/{kind}.{format}")
    ResponseEntity<byte[]> template(@PathVariable String kind, @PathVariable String format) throws IOException {
        FileFormat fileFormat = FileFormat.of("template." + format).filter(f -> f != FileFormat.JSON_LINES).orElse(null);
        if (!Tabular.FIELDS.containsKey(kind) || fileFormat == null) {
            throw new NotFoundException("import template", kind + "." + format); // the error page, not an empty 404
        }
        byte[] body = fileFormat == FileFormat.CSV ? ImportTemplates.csv(kind) : ImportTemplates.xlsx(kind);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(fileFormat.mediaType() + (fileFormat == FileFormat.CSV ? ";charset=UTF-8" : "")))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(kind + "." + format).build().toString())
                .body(body);
    }
}
