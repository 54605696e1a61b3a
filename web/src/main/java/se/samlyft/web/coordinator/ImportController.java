package se.samlyft.web.coordinator;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import se.samlyft.web.api.ApiProblem;
import se.samlyft.web.api.Change;
import se.samlyft.web.api.IdentityApi;
import se.samlyft.web.page.FormErrors;
import se.samlyft.web.page.ProblemMessages;
import tools.jackson.databind.json.JsonMapper;

/**
 * "HR-import": a coordinator uploads the HR system's staff file; a dry run shows every problem by line and column in
 * Swedish, who would be created and changed, and the rows whose empty role cell would take a coordinator's or a
 * manager's roles away. Only a clean dry run offers the real run, of the same file (kept in the session meanwhile).
 * The real run has an id chosen at the dry run: its button posts the run, and with JavaScript a progress bar asks
 * identity how far it has come, once a second, until it ends (without JavaScript the button answers when the run is
 * done). A run that outlasts the gateway's patience goes on in identity; its page shows the outcome once identity has
 * it.
 */
@Controller
@RequestMapping("/hr-import")
class ImportController {

    private static final String FILE = ImportController.class.getName() + ".file";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final IdentityApi identity;
    private final ProblemMessages problems;

    ImportController(IdentityApi identity, ProblemMessages problems) {
        this.identity = identity;
        this.problems = problems;
    }

    /** The file of the last dry run, kept for the real run: its name, bytes and the id the real run will have. */
    record KeptFile(String name, byte[] bytes, UUID importId) implements Serializable {}

    @GetMapping
    String upload(Model model) {
        model.addAttribute("errors", FormErrors.none());
        model.addAttribute("key", Change.newKey());
        return "coordinator/import";
    }

    /** The dry run of an uploaded file. */
    @PostMapping
    String check(
            @RequestParam(name = "fil", required = false) @Nullable MultipartFile file,
            @RequestParam(required = false) @Nullable String key,
            HttpSession session,
            HttpServletResponse response,
            Model model)
            throws IOException {
        if (file == null || file.isEmpty()) {
            response.setStatus(400);
            model.addAttribute("errors", FormErrors.none().field("fil", problems.message("problem.field.file")));
            model.addAttribute("key", Change.newKey());
            return "coordinator/import";
        }
        KeptFile kept = new KeptFile(
                Optional.ofNullable(file.getOriginalFilename()).orElse("personal.csv"),
                file.getBytes(),
                UUID.randomUUID());
        IdentityApi.ImportReport report;
        try {
            report = identity.importFile(UUID.randomUUID(), kept.bytes(), true, Change.of(key, null));
        } catch (ApiProblem problem) {
            if (problem.isTemporary() || problem.status() != 400) {
                throw problem;
            }
            response.setStatus(400);
            model.addAttribute("errors", problems.of(problem, java.util.Map.of("file", "fil")));
            model.addAttribute("key", Change.newKey());
            return "coordinator/import";
        }
        session.setAttribute(FILE, kept);
        model.addAttribute("file", kept);
        model.addAttribute("report", report);
        model.addAttribute("key", Change.newKey());
        return "coordinator/import-checked";
    }

    /** The real run's page: it starts the run and shows its progress, or its outcome once there is one. */
    @GetMapping("/{id}")
    String run(@PathVariable UUID id, HttpSession session, Model model) {
        Optional<IdentityApi.ImportStatus> status = status(id);
        KeptFile kept = (KeptFile) session.getAttribute(FILE);
        if (status.isEmpty() && (kept == null || !kept.importId().equals(id))) {
            throw new ApiProblem(404, "No such import", java.util.List.of(), null, null);
        }
        model.addAttribute("importId", id);
        model.addAttribute("status", status.orElse(null));
        model.addAttribute("key", Change.newKey());
        return "coordinator/import-run";
    }

    /** Runs the kept file for real, as the import with the id chosen at the dry run. */
    @PostMapping("/{id}/kor")
    String start(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String key,
            HttpSession session,
            Model model) {
        KeptFile kept = (KeptFile) session.getAttribute(FILE);
        if (kept == null || !kept.importId().equals(id)) {
            return run(id, session, model);
        }
        IdentityApi.@Nullable ImportReport report;
        try {
            report = identity.importFile(id, kept.bytes(), false, Change.of(key, null));
        } catch (ApiProblem problem) {
            report = reportOf(problem);
            if (report == null && !problem.isTemporary()) {
                throw problem;
            }
        }
        session.removeAttribute(FILE);
        model.addAttribute("importId", id);
        model.addAttribute("status", status(id).orElse(null));
        model.addAttribute("report", report);
        model.addAttribute("key", Change.newKey());
        return "coordinator/import-run";
    }

    /** The progress bar, which stops asking once the import has ended (htmx polls it). */
    @GetMapping("/{id}/forlopp")
    String progress(@PathVariable UUID id, Model model) {
        model.addAttribute("importId", id);
        model.addAttribute("status", status(id).orElse(null));
        return "coordinator/import-run :: progress";
    }

    private Optional<IdentityApi.ImportStatus> status(UUID id) {
        try {
            return Optional.of(identity.importStatus(id));
        } catch (ApiProblem problem) {
            if (problem.isNotFound()) {
                return Optional.empty();
            }
            throw problem;
        }
    }

    /** The report a refused real run carries in its 422 problem. */
    private static IdentityApi.@Nullable ImportReport reportOf(ApiProblem problem) {
        if (problem.status() != 422) {
            return null;
        }
        return problem.document()
                .map(document -> document.path("report"))
                .filter(report -> report.isObject())
                .map(report -> JSON.treeToValue(report, IdentityApi.ImportReport.class))
                .orElse(null);
    }
}
