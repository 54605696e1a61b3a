package se.samlyft.web.mine;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
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
import se.samlyft.web.api.EnrolmentApi;
import se.samlyft.web.api.Gateway;
import se.samlyft.web.page.FormErrors;
import se.samlyft.web.page.Formats;
import se.samlyft.web.page.Lookups;
import se.samlyft.web.page.ProblemMessages;

/**
 * "Mina utbildningar": the person's enrolments with their state in words, progress and where to resume; and on an
 * enrolment's page what they can do in its state: start, pause, resume, report modules done, confirm a month's hours,
 * evaluate once completed, and withdraw after a confirmation step. Another person's enrolment answers as one that does
 * not exist, because the API answers so.
 */
@Controller
@RequestMapping("/mina-utbildningar")
class MyEnrolmentsController {

    private static final String PAGE = "mine/enrolment";
    private static final Map<String, String> SIMPLE_MOVE_PATHS =
            Map.of("starta", "start", "pausa", "pause", "ateruppta", "resume");
    /** The API's field names and the forms' own. */
    private static final Map<String, String> FIELDS = Map.of(
            "modulesCompleted", "moduler",
            "resumeAt", "fortsatt",
            "month", "manad",
            "hours", "timmar",
            "paidWorkingTimeHours", "betaldaTimmar",
            "usefulness", "betyg",
            "comment", "kommentar");

    private final EnrolmentApi enrolments;
    private final Lookups lookups;
    private final ProblemMessages problems;
    private final Clock clock;

    MyEnrolmentsController(EnrolmentApi enrolments, Lookups lookups, ProblemMessages problems, Clock clock) {
        this.enrolments = enrolments;
        this.lookups = lookups;
        this.problems = problems;
        this.clock = clock;
    }

    /** An enrolment in the list, with the course and offering it is on. */
    record Card(EnrolmentApi.Enrolment enrolment, CatalogApi.Course course, CatalogApi.Offering offering) {}

    @GetMapping
    String list(Model model) {
        List<Card> current = new ArrayList<>();
        List<Card> ended = new ArrayList<>();
        for (EnrolmentApi.Enrolment enrolment : enrolments.mine()) {
            Card card =
                    new Card(enrolment, lookups.course(enrolment.courseId()), lookups.offering(enrolment.offeringId()));
            (enrolment.isLive() ? current : ended).add(card);
        }
        current.sort(Comparator.comparing(card -> card.offering().startsAt()));
        model.addAttribute("current", current);
        model.addAttribute("ended", ended);
        return "mine/list";
    }

    @GetMapping("/{id}")
    String enrolment(@PathVariable UUID id, Model model) {
        return show(id, FormErrors.none(), Map.of(), model);
    }

    /** Start, pause or resume: a button whose form carries the version the page showed. */
    @PostMapping("/{id}/{move:starta|pausa|ateruppta}")
    String move(
            @PathVariable UUID id,
            @PathVariable String move,
            @RequestParam(required = false) @Nullable String key,
            @RequestParam(required = false) @Nullable Long version,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        String apiMove = SIMPLE_MOVE_PATHS.get(move);
        if (apiMove == null) {
            throw new ApiProblem(404, "No such move", List.of(), null, null);
        }
        return act(
                id,
                response,
                model,
                redirect,
                apiMove,
                Map.of(),
                () -> enrolments.act(id, apiMove, null, Change.of(key, version)));
    }

    @PostMapping("/{id}/framsteg")
    String progress(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String moduler,
            @RequestParam(defaultValue = "") String fortsatt,
            @RequestParam(required = false) @Nullable String key,
            @RequestParam(required = false) @Nullable Long version,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        Map<String, String> typed = Map.of("moduler", moduler, "fortsatt", fortsatt);
        Integer modules = wholeNumber(moduler);
        if (modules == null) {
            response.setStatus(400);
            return show(
                    id,
                    FormErrors.none().field("moduler", problems.message("problem.field.modulesCompleted")),
                    typed,
                    model);
        }
        Map<String, Object> body = new HashMap<>();
        body.put("modulesCompleted", modules);
        if (!fortsatt.isBlank()) {
            body.put("resumeAt", fortsatt.strip());
        }
        return act(
                id,
                response,
                model,
                redirect,
                "progress",
                typed,
                () -> enrolments.act(id, "progress", body, Change.of(key, version)));
    }

    @PostMapping("/{id}/timmar")
    String hours(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String manad,
            @RequestParam(defaultValue = "") String timmar,
            @RequestParam(defaultValue = "") String betaldaTimmar,
            @RequestParam(required = false) @Nullable String key,
            @RequestParam(required = false) @Nullable Long version,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        Map<String, String> typed = Map.of("manad", manad, "timmar", timmar, "betaldaTimmar", betaldaTimmar);
        FormErrors errors = FormErrors.none();
        BigDecimal hours = decimal(timmar);
        BigDecimal paid = betaldaTimmar.isBlank() ? BigDecimal.ZERO : decimal(betaldaTimmar);
        if (manad.isBlank()) {
            errors.field("manad", problems.message("problem.field.month"));
        }
        if (hours == null) {
            errors.field("timmar", problems.message("problem.field.hours"));
        }
        if (paid == null) {
            errors.field("betaldaTimmar", problems.message("problem.field.paidWorkingTimeHours"));
        }
        if (errors.any()) {
            response.setStatus(400);
            return show(id, errors, typed, model);
        }
        Map<String, Object> body = Map.of("month", manad, "hours", hours, "paidWorkingTimeHours", paid);
        try {
            enrolments.confirmHours(id, body, Change.of(key, version));
        } catch (ApiProblem problem) {
            return refused(id, problem, response, typed, model);
        }
        redirect.addFlashAttribute("done", "hours");
        return "redirect:/mina-utbildningar/" + id;
    }

    @PostMapping("/{id}/utvardering")
    String evaluate(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String betyg,
            @RequestParam(defaultValue = "") String kommentar,
            @RequestParam(required = false) @Nullable String key,
            @RequestParam(required = false) @Nullable Long version,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        Map<String, String> typed = Map.of("betyg", betyg, "kommentar", kommentar);
        Integer usefulness = wholeNumber(betyg);
        if (usefulness == null) {
            response.setStatus(400);
            return show(
                    id, FormErrors.none().field("betyg", problems.message("problem.field.usefulness")), typed, model);
        }
        Map<String, Object> body = new HashMap<>();
        body.put("usefulness", usefulness);
        if (!kommentar.isBlank()) {
            body.put("comment", kommentar.strip());
        }
        return act(
                id,
                response,
                model,
                redirect,
                "evaluation",
                typed,
                () -> enrolments.act(id, "evaluation", body, Change.of(key, version)));
    }

    /** The confirmation step before withdrawing. */
    @GetMapping("/{id}/aterta")
    String confirmWithdrawal(@PathVariable UUID id, Model model) {
        Gateway.Answer<EnrolmentApi.Enrolment> read = enrolments.enrolment(id);
        EnrolmentApi.Enrolment enrolment = read.body();
        model.addAttribute("enrolment", enrolment);
        model.addAttribute("version", read.version());
        model.addAttribute("course", lookups.course(enrolment.courseId()));
        model.addAttribute("offering", lookups.offering(enrolment.offeringId()));
        model.addAttribute("key", Change.newKey());
        model.addAttribute("errors", FormErrors.none());
        return "mine/withdraw";
    }

    @PostMapping("/{id}/aterta")
    String withdraw(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String key,
            @RequestParam(required = false) @Nullable Long version,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        try {
            enrolments.act(id, "withdraw", null, Change.of(key, version));
        } catch (ApiProblem problem) {
            return refused(id, problem, response, Map.of(), model);
        }
        redirect.addFlashAttribute("done", "withdrawn");
        return "redirect:/mina-utbildningar";
    }

    private String act(
            UUID id,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect,
            String move,
            Map<String, String> typed,
            java.util.function.Supplier<EnrolmentApi.Enrolment> call) {
        EnrolmentApi.Enrolment after;
        try {
            after = call.get();
        } catch (ApiProblem problem) {
            return refused(id, problem, response, typed, model);
        }
        redirect.addFlashAttribute("done", after.is("COMPLETED") && move.equals("progress") ? "completed" : move);
        return "redirect:/mina-utbildningar/" + id;
    }

    /** The API refused: the page again with the problem at its field and what the person typed; else the error page. */
    private String refused(
            UUID id, ApiProblem problem, HttpServletResponse response, Map<String, String> typed, Model model) {
        if (problem.isNotFound() || problem.isTemporary()) {
            throw problem;
        }
        response.setStatus(problem.status());
        return show(id, problems.of(problem, FIELDS), typed, model);
    }

    private String show(UUID id, FormErrors errors, Map<String, String> typed, Model model) {
        Gateway.Answer<EnrolmentApi.Enrolment> read = enrolments.enrolment(id);
        EnrolmentApi.Enrolment enrolment = read.body();
        CatalogApi.Offering offering = lookups.offering(enrolment.offeringId());
        CatalogApi.Course course = lookups.course(enrolment.courseId());
        boolean taking = enrolment.is("IN_PROGRESS") || enrolment.is("COMPLETED");
        model.addAttribute("enrolment", enrolment);
        model.addAttribute("version", read.version());
        model.addAttribute("course", course);
        model.addAttribute("offering", offering);
        model.addAttribute("started", !clock.instant().isBefore(offering.startsAt()));
        model.addAttribute("statements", taking ? enrolments.timeStatements(id) : List.of());
        model.addAttribute("months", taking ? months(offering) : List.of());
        model.addAttribute("key", Change.newKey());
        model.addAttribute("errors", errors);
        model.addAttribute("typed", new LinkedHashMap<>(typed));
        return PAGE;
    }

    /** The months a statement may be for: from the course's start to this month, the latest first. */
    private List<YearMonth> months(CatalogApi.Offering offering) {
        YearMonth first = YearMonth.from(offering.startsAt().atZone(Formats.SWEDEN));
        YearMonth now = YearMonth.now(clock.withZone(Formats.SWEDEN));
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth month = now; !month.isBefore(first) && months.size() < 24; month = month.minusMonths(1)) {
            months.add(month);
        }
        return months;
    }

    private static @Nullable Integer wholeNumber(String typed) {
        try {
            return Integer.valueOf(typed.strip());
        } catch (NumberFormatException notOne) {
            return null;
        }
    }

    /** A number as a Swede types it: "6,5" or "6.5", spaces allowed. */
    static @Nullable BigDecimal decimal(String typed) {
        String normalised = typed.replace('\u00a0', ' ').replace(" ", "").replace(',', '.');
        if (!normalised.matches("[0-9]{1,4}(\\.[0-9]{1,2})?")) {
            return null;
        }
        return new BigDecimal(normalised);
    }
}
