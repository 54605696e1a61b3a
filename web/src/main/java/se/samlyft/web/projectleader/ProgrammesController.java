package se.samlyft.web.projectleader;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.samlyft.web.api.ApiProblem;
import se.samlyft.web.api.CatalogApi;
import se.samlyft.web.api.Change;
import se.samlyft.web.api.Gateway;
import se.samlyft.web.api.IdentityApi;
import se.samlyft.web.api.ReportingApi;
import se.samlyft.web.page.FormErrors;
import se.samlyft.web.page.Formats;
import se.samlyft.web.page.ProblemMessages;
import se.samlyft.web.page.SwedishOrder;

/**
 * "Program": the programmes the organisation runs (and a federation's members', which may fund its joint offerings),
 * registering and amending one with the funder's register fields and its partners; a programme's dashboard (its
 * participants against the planned number month by month, by sex and age band, by member against the seats held for
 * it, the completion rate and the share rating usefulness 4–5, each as a chart with its figures in a table); the
 * funder's monthly report for a chosen month with its resubmission marks; and the files to download.
 */
@Controller
@RequestMapping("/program")
class ProgrammesController {

    private static final String FORM = "projectleader/programme-form";

    private final CatalogApi catalog;
    private final ReportingApi reporting;
    private final IdentityApi identity;
    private final Dashboards dashboards;
    private final ProblemMessages problems;
    private final Clock clock;

    ProgrammesController(
            CatalogApi catalog,
            ReportingApi reporting,
            IdentityApi identity,
            Dashboards dashboards,
            ProblemMessages problems,
            Clock clock) {
        this.catalog = catalog;
        this.reporting = reporting;
        this.identity = identity;
        this.dashboards = dashboards;
        this.problems = problems;
        this.clock = clock;
    }

    /** A partner the form offers: an organisation of the register that is not the programme's owner. */
    record Organisation(String tenant, String name) {}

    @GetMapping
    String list(Model model) {
        String own = catalog.me().tenant();
        List<CatalogApi.Programme> programmes = catalog.programmes();
        model.addAttribute(
                "own", programmes.stream().filter(p -> p.owner().equals(own)).toList());
        model.addAttribute(
                "members",
                programmes.stream().filter(p -> !p.owner().equals(own)).toList());
        return "projectleader/programmes";
    }

    @GetMapping("/nytt")
    String newProgramme(Model model) {
        return form(ProgrammeForm.empty(), null, null, FormErrors.none(), model);
    }

    @PostMapping("/nytt")
    String register(
            ProgrammeForm form,
            @RequestParam(required = false) @Nullable String key,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        FormErrors errors = FormErrors.none();
        Map<String, Object> body = form.body(errors, problems);
        if (errors.any()) {
            response.setStatus(400);
            return form(form, null, null, errors, model);
        }
        try {
            CatalogApi.Programme registered = catalog.registerProgramme(body, Change.of(key, null));
            redirect.addFlashAttribute("done", "programme-registered");
            return "redirect:/program/" + registered.id();
        } catch (ApiProblem problem) {
            return refused(problem, form, null, null, response, model);
        }
    }

    @GetMapping("/{id}/andra")
    String edit(@PathVariable UUID id, Model model) {
        Gateway.Answer<CatalogApi.Programme> read = catalog.programme(id);
        return form(ProgrammeForm.of(read.body()), id, read.version(), FormErrors.none(), model);
    }

    @PostMapping("/{id}/andra")
    String amend(
            @PathVariable UUID id,
            ProgrammeForm form,
            @RequestParam(required = false) @Nullable String key,
            @RequestParam(required = false) @Nullable Long version,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        FormErrors errors = FormErrors.none();
        Map<String, Object> body = form.body(errors, problems);
        if (errors.any()) {
            response.setStatus(400);
            return form(form, id, version, errors, model);
        }
        try {
            catalog.amendProgramme(id, body, Change.of(key, version));
            redirect.addFlashAttribute("done", "programme-amended");
            return "redirect:/program/" + id;
        } catch (ApiProblem problem) {
            return refused(problem, form, id, version, response, model);
        }
    }

    /** The programme's page: its terms, its dashboard, the months to report and the participant list. */
    @GetMapping("/{id}")
    String programme(@PathVariable UUID id, Model model) {
        CatalogApi.Programme programme = catalog.programme(id).body();
        String own = catalog.me().tenant();
        List<CatalogApi.Offering> funded = catalog.offerings().stream()
                .filter(offering -> id.equals(offering.programmeId()))
                .toList();
        model.addAttribute("programme", programme);
        model.addAttribute("ownerName", identity.nameOf(programme.owner()));
        model.addAttribute(
                "partners", programme.partners().stream().map(identity::nameOf).toList());
        model.addAttribute("owns", programme.owner().equals(own));
        model.addAttribute("offerings", funded);
        model.addAttribute("months", months(programme));
        ReportingApi.FollowUp followUp = followUpOf(programme);
        model.addAttribute("followUp", followUp);
        model.addAttribute("charts", dashboards.of(programme, followUp, funded));
        return "projectleader/programme";
    }

    /**
     * The programme's follow-up; for one the reports do not know yet (the catalog's event of one just registered is on
     * its way) and without participants, nothing counted.
     */
    private ReportingApi.FollowUp followUpOf(CatalogApi.Programme programme) {
        try {
            return reporting.followUp(programme.id());
        } catch (ApiProblem problem) {
            if (!problem.isNotFound()) {
                throw problem;
            }
            return new ReportingApi.FollowUp(
                    0,
                    programme.plannedParticipants(),
                    null,
                    0,
                    0,
                    0,
                    0,
                    null,
                    BigDecimal.ZERO,
                    BigDecimal.ZERO,
                    null,
                    0,
                    0,
                    null,
                    null,
                    Map.of(),
                    List.of());
        }
    }

    /** The funder's monthly report of one month, with who started and ended in it and each participant's hours. */
    @GetMapping("/{id}/manadsrapport")
    String monthly(@PathVariable UUID id, @RequestParam(defaultValue = "") String manad, Model model) {
        CatalogApi.Programme programme = catalog.programme(id).body();
        List<YearMonth> months = months(programme);
        YearMonth month = months.stream()
                .filter(candidate -> candidate.toString().equals(manad))
                .findFirst()
                .orElse(months.isEmpty() ? YearMonth.now(clock.withZone(Formats.SWEDEN)) : months.getFirst());
        model.addAttribute("programme", programme);
        model.addAttribute("months", months);
        model.addAttribute("month", month);
        model.addAttribute("report", reporting.monthly(id, month.toString()));
        return "projectleader/monthly";
    }

    @GetMapping("/{id}/manadsrapport.{format:csv|xlsx}")
    ResponseEntity<byte[]> monthlyFile(@PathVariable UUID id, @PathVariable String format, @RequestParam String manad) {
        YearMonth month = YearMonth.parse(manad);
        return file(reporting.monthlyFile(id, month.toString(), format));
    }

    @GetMapping("/{id}/uppfoljning.{format:csv|xlsx}")
    ResponseEntity<byte[]> followUpFile(@PathVariable UUID id, @PathVariable String format) {
        return file(reporting.followUpFile(id, format));
    }

    @GetMapping("/{id}/deltagarforteckning.{format:csv|xlsx}")
    ResponseEntity<byte[]> participantList(@PathVariable UUID id, @PathVariable String format) {
        return file(identity.participantList(id, format));
    }

    /** A file as the API made it, passed on with its type and name, and never cached. */
    static ResponseEntity<byte[]> file(Gateway.Download download) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, download.contentType())
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
        if (download.contentDisposition() != null) {
            answer.header(HttpHeaders.CONTENT_DISPOSITION, download.contentDisposition());
        }
        return answer.body(download.bytes());
    }

    /** The months of the programme's period up to this one, the latest first. */
    private List<YearMonth> months(CatalogApi.Programme programme) {
        YearMonth first = YearMonth.from(programme.start());
        YearMonth last = YearMonth.from(programme.end());
        YearMonth now = YearMonth.now(clock.withZone(Formats.SWEDEN));
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth month = now.isBefore(last) ? now : last;
                !month.isBefore(first) && months.size() < 120;
                month = month.minusMonths(1)) {
            months.add(month);
        }
        return months;
    }

    private String refused(
            ApiProblem problem,
            ProgrammeForm form,
            @Nullable UUID id,
            @Nullable Long version,
            HttpServletResponse response,
            Model model) {
        if (problem.isTemporary() || problem.isNotFound()) {
            throw problem;
        }
        response.setStatus(problem.status());
        FormErrors errors = problems.of(problem, ProgrammeForm.FIELDS);
        if (problem.status() == 409 && id != null) {
            errors = FormErrors.none().general(problems.message("problem.conflict.period-leaves-out-offerings"));
        }
        if (problem.status() == 412 && id != null) {
            Gateway.Answer<CatalogApi.Programme> read = catalog.programme(id);
            return form(ProgrammeForm.of(read.body()), id, read.version(), errors, model);
        }
        return form(form, id, version, errors, model);
    }

    private String form(ProgrammeForm form, @Nullable UUID id, @Nullable Long version, FormErrors errors, Model model) {
        String own = Objects.requireNonNullElse(catalog.me().tenant(), "");
        model.addAttribute("form", form);
        model.addAttribute("programmeId", id);
        model.addAttribute("version", version);
        model.addAttribute("funders", ProgrammeForm.FUNDERS);
        model.addAttribute(
                "organisations",
                identity.organisations().stream()
                        .filter(organisation -> !organisation.tenant().equals(own)
                                && !organisation.kind().equals("FEDERATION"))
                        .map(organisation -> new Organisation(organisation.tenant(), organisation.name()))
                        .sorted(SwedishOrder.by(Organisation::name))
                        .toList());
        model.addAttribute("key", Change.newKey());
        model.addAttribute("errors", errors);
        return FORM;
    }
}
