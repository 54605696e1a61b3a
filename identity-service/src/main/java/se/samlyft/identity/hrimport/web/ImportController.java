package se.samlyft.identity.hrimport.web;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.InputStream;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.samlyft.identity.hrimport.ImportReport;
import se.samlyft.identity.hrimport.persistence.HrImports;
import se.samlyft.identity.web.IdentityPolicy;
import se.samlyft.platform.problem.NotFound;

/**
 * {@code /api/identity/imports}: a coordinator uploads the HR system's CSV export of their organisation's staff
 * ({@code text/csv}, UTF-8 or Windows-1252, comma or semicolon). {@code ?dryRun=true} only reports; a real run saves
 * everything or, if any row has a problem, nothing (422 with every problem).
 */
@RestController
@RequestMapping("/api/identity/imports")
class ImportController {

    private final HrImports imports;

    ImportController(HrImports imports) {
        this.imports = imports;
    }

    /** The file is read as it arrives, never held whole: up to {@code samlyft.web.max-request-size-for} allows. */
    @PostMapping(consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            description = "The HR system's CSV export, UTF-8 or Windows-1252",
            content = {
                @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = MediaType.TEXT_PLAIN_VALUE, schema = @Schema(type = "string", format = "binary")),
                @Content(
                        mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE,
                        schema = @Schema(type = "string", format = "binary"))
            })
    @ApiResponse(
            responseCode = "200",
            description = "What the run saved, or for a dry run what it would save",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = ImportReport.class)))
    @ApiResponse(
            responseCode = "422",
            description = "The file has problems (each listed in problems); nothing was saved")
    ResponseEntity<Object> importStaff(
            InputStream file,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestParam(required = false) @Nullable UUID importId) {
        ImportReport report = imports.run(IdentityPolicy.requireMayImportStaff(), file, dryRun, importId);
        URI location = URI.create("/api/identity/imports/" + report.id());
        if (report.status().equals("REFUSED")) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    report.problems().size() + " problems in the file; nothing was saved. Correct the rows listed and"
                            + " import the whole file again.");
            problem.setTitle("The HR file has problems");
            problem.setProperty("problems", report.problems());
            problem.setProperty("report", report);
            return ResponseEntity.unprocessableContent()
                    .location(location)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        return ResponseEntity.ok().location(location).body(report);
    }

    @GetMapping("/{id}")
    HrImports.ImportStatus importStatus(@PathVariable UUID id) {
        IdentityPolicy.requireMayImportStaff();
        return imports.status(id).orElseThrow(() -> NotFound.of("import", id));
    }
}
