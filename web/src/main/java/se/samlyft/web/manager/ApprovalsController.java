package se.samlyft.web.manager;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import se.samlyft.web.api.IdentityApi;
import se.samlyft.web.page.FormErrors;
import se.samlyft.web.page.Lookups;
import se.samlyft.web.page.ProblemMessages;

/**
 * "Att godkänna": the requests waiting for this manager's decision, the hold that runs out first first (as the API
 * lists them), each with the person's name and workplace (from identity), the course, its dates and hours and whether
 * it is on paid working time, and until when the seat is held; approve, or decline with a reason.
 */
@Controller
@RequestMapping("/att-godkanna")
class ApprovalsController {

    /** A hold that runs out within this is marked as urgent. */
    static final Duration SOON = Duration.ofHours(48);

    private final EnrolmentApi enrolments;
    private final Lookups lookups;
    private final ProblemMessages problems;
    private final Clock clock;

    ApprovalsController(EnrolmentApi enrolments, Lookups lookups, ProblemMessages problems, Clock clock) {
        this.enrolments = enrolments;
        this.lookups = lookups;
        this.problems = problems;
        this.clock = clock;
    }

    /** A request as the page shows it; the person is unknown when identity does not show them to this manager. */
    record Request(
            EnrolmentApi.Enrolment enrolment,
            IdentityApi.@Nullable Person person,
            CatalogApi.Course course,
            CatalogApi.Offering offering,
            boolean soon) {}

    @GetMapping
    String list(Model model) {
        return show(FormErrors.none(), Map.of(), model);
    }

    @PostMapping("/{id}/godkann")
    String approve(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String key,
            @RequestParam(required = false) @Nullable Long version,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        try {
            enrolments.act(id, "approve", null, Change.of(key, version));
        } catch (ApiProblem problem) {
            return refused(id, problem, response, Map.of(), model);
        }
        redirect.addFlashAttribute("done", "approved");
        return "redirect:/att-godkanna";
    }

    @PostMapping("/{id}/neka")
    String decline(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String skal,
            @RequestParam(required = false) @Nullable String key,
            @RequestParam(required = false) @Nullable Long version,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        Map<String, String> typed = Map.of(reasonField(id), skal);
        try {
            enrolments.act(id, "decline", Map.of("reason", skal.strip()), Change.of(key, version));
        } catch (ApiProblem problem) {
            return refused(id, problem, response, typed, model);
        }
        redirect.addFlashAttribute("done", "declined");
        return "redirect:/att-godkanna";
    }

    private String refused(
            UUID id, ApiProblem problem, HttpServletResponse response, Map<String, String> typed, Model model) {
        if (problem.isTemporary()) {
            throw problem;
        }
        response.setStatus(problem.status());
        FormErrors errors = problems.of(problem, Map.of("reason", reasonField(id)));
        return show(errors, typed, model);
    }

    private String show(FormErrors errors, Map<String, String> typed, Model model) {
        Instant now = clock.instant();
        List<Request> requests = new ArrayList<>();
        for (EnrolmentApi.Enrolment enrolment : enrolments.approvals()) {
            Instant holdUntil = enrolment.holdUntil();
            requests.add(new Request(
                    enrolment,
                    personOrNull(enrolment.personId()),
                    lookups.course(enrolment.courseId()),
                    lookups.offering(enrolment.offeringId()),
                    holdUntil != null && holdUntil.isBefore(now.plus(SOON))));
        }
        model.addAttribute("requests", requests);
        model.addAttribute("key", Change.newKey());
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed);
        return "manager/approvals";
    }

    private IdentityApi.@Nullable Person personOrNull(UUID id) {
        try {
            return lookups.person(id);
        } catch (ApiProblem problem) {
            if (problem.status() == 403 || problem.isNotFound()) {
                return null;
            }
            throw problem;
        }
    }

    /** The reason field of one request's decline form. */
    static String reasonField(UUID enrolment) {
        return "skal-" + enrolment;
    }
}
