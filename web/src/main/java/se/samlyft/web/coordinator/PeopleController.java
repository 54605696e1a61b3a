package se.samlyft.web.coordinator;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
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
import se.samlyft.web.api.Change;
import se.samlyft.web.api.Gateway;
import se.samlyft.web.api.IdentityApi;
import se.samlyft.web.api.Page;
import se.samlyft.web.page.FormErrors;
import se.samlyft.web.page.Formats;
import se.samlyft.web.page.LocalTimes;
import se.samlyft.web.page.ProblemMessages;

/**
 * "Personal": the organisation's people for its coordinators, searched by name, e-mail or workplace, with whether each
 * one's login works; a person's page (never their personal identity number, only whether there is one), where their
 * employment is ended, their data exported (the read is logged by identity) and they are erased after a confirmation
 * step.
 */
@Controller
@RequestMapping("/personal")
class PeopleController {

    static final int PAGE_SIZE = 25;

    private final IdentityApi identity;
    private final ProblemMessages problems;
    private final Clock clock;

    PeopleController(IdentityApi identity, ProblemMessages problems, Clock clock) {
        this.identity = identity;
        this.problems = problems;
        this.clock = clock;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int sida, Model model) {
        int page = Math.max(0, sida);
        Page<IdentityApi.Person> people = identity.people(q.strip(), page, PAGE_SIZE);
        model.addAttribute("q", q);
        model.addAttribute("page", page);
        model.addAttribute("people", people);
        return "coordinator/people";
    }

    @GetMapping("/{id}")
    String person(@PathVariable UUID id, Model model) {
        return show(id, FormErrors.none(), "", model);
    }

    /** Ends the employment: the first day outside is typed; the login is disabled. */
    @PostMapping("/{id}/avsluta")
    String leave(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String sistaDag,
            @RequestParam(required = false) @Nullable String key,
            @RequestParam(required = false) @Nullable Long version,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        Optional<LocalDate> lastDay = LocalTimes.date(sistaDag);
        if (lastDay.isEmpty()) {
            response.setStatus(400);
            return show(
                    id, FormErrors.none().field("sistaDag", problems.message("problem.field.date")), sistaDag, model);
        }
        try {
            identity.leave(id, lastDay.get().plusDays(1), Change.of(key, version));
        } catch (ApiProblem problem) {
            if (problem.isTemporary() || problem.isNotFound()) {
                throw problem;
            }
            response.setStatus(problem.status());
            return show(id, problems.of(problem, Map.of("leftOn", "sistaDag")), sistaDag, model);
        }
        redirect.addFlashAttribute("done", "person-left");
        return "redirect:/personal/" + id;
    }

    /** The confirmation step before erasing. */
    @GetMapping("/{id}/radera")
    String confirmErasure(@PathVariable UUID id, Model model) {
        model.addAttribute("person", identity.personWithVersion(id).body());
        model.addAttribute("key", Change.newKey());
        model.addAttribute("errors", FormErrors.none());
        return "coordinator/person-erase";
    }

    @PostMapping("/{id}/radera")
    String erase(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String key,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        try {
            identity.erase(id, Change.of(key, null));
        } catch (ApiProblem problem) {
            if (problem.isTemporary() || problem.isNotFound()) {
                throw problem;
            }
            response.setStatus(problem.status());
            confirmErasure(id, model);
            model.addAttribute("errors", problems.of(problem));
            return "coordinator/person-erase";
        }
        redirect.addFlashAttribute("done", "person-erased");
        return "redirect:/personal";
    }

    /** Everything identity holds about the person, as a JSON file (GDPR art. 15 and 20). */
    @GetMapping("/{id}/registerutdrag.json")
    ResponseEntity<byte[]> export(@PathVariable UUID id) {
        Gateway.Download download = identity.export(id);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, "application/json")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"registerutdrag-" + id + ".json\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(download.bytes());
    }

    private String show(UUID id, FormErrors errors, String typedLastDay, Model model) {
        Gateway.Answer<IdentityApi.Person> read = identity.personWithVersion(id);
        IdentityApi.Person person = read.body();
        model.addAttribute("person", person);
        model.addAttribute("version", read.version());
        model.addAttribute("manager", managerOf(person));
        model.addAttribute(
                "typedLastDay",
                typedLastDay.isBlank()
                        ? LocalDate.now(clock.withZone(Formats.SWEDEN)).toString()
                        : typedLastDay);
        model.addAttribute("key", Change.newKey());
        model.addAttribute("errors", errors);
        return "coordinator/person";
    }

    private IdentityApi.@Nullable Person managerOf(IdentityApi.Person person) {
        UUID manager = person.managerId();
        if (manager == null) {
            return null;
        }
        try {
            return identity.person(manager);
        } catch (ApiProblem problem) {
            if (problem.isNotFound() || problem.status() == 403) {
                return null;
            }
            throw problem;
        }
    }
}
