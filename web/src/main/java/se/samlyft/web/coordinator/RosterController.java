package se.samlyft.web.coordinator;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
import se.samlyft.web.api.Page;
import se.samlyft.web.page.FormErrors;
import se.samlyft.web.page.ProblemMessages;
import se.samlyft.web.page.SwedishOrder;

/**
 * An offering's roster for its owner: every enrolment with its organisation, state in words, place on the waiting list
 * and progress, filtered by state and organisation and in pages; the organisation's own people by name (identity shows
 * a coordinator their own staff; a member's people stay ids). From here a coordinator records attendance or
 * completion and no-shows, and enrols a person of the organisation.
 */
@Controller
@RequestMapping("/kurstillfallen/{offering}/deltagare")
class RosterController {

    static final int PAGE_SIZE = 50;
    static final List<String> STATES = List.of(
            "AWAITING_APPROVAL",
            "CONFIRMED",
            "WAITLISTED",
            "IN_PROGRESS",
            "COMPLETED",
            "WITHDRAWN",
            "DECLINED",
            "NO_SHOW",
            "CANCELLED");

    private final EnrolmentApi enrolments;
    private final CatalogApi catalog;
    private final IdentityApi identity;
    private final ProblemMessages problems;
    private final Clock clock;

    RosterController(
            EnrolmentApi enrolments, CatalogApi catalog, IdentityApi identity, ProblemMessages problems, Clock clock) {
        this.enrolments = enrolments;
        this.catalog = catalog;
        this.identity = identity;
        this.problems = problems;
        this.clock = clock;
    }

    /** One enrolment of the roster, with the person's name where the viewer's organisation may read it. */
    record Line(EnrolmentApi.Enrolment enrolment, @Nullable String name, String organisation, boolean own) {}

    /** A person the coordinator may enrol. */
    record Candidate(UUID id, String name) {}

    /** An organisation to filter by. */
    record Option(String tenant, String name) {}

    @GetMapping
    String roster(
            @PathVariable UUID offering,
            @RequestParam(defaultValue = "") String lage,
            @RequestParam(defaultValue = "") String organisation,
            @RequestParam(defaultValue = "0") int sida,
            Model model) {
        return show(offering, lage, organisation, Math.max(0, sida), FormErrors.none(), model);
    }

    /** Attendance or completion ({@code slutford}), or a no-show ({@code uteblev}), for one enrolment. */
    @PostMapping("/{enrolment}/{move:slutford|uteblev}")
    String record(
            @PathVariable UUID offering,
            @PathVariable UUID enrolment,
            @PathVariable String move,
            @RequestParam(required = false) @Nullable String key,
            @RequestParam(required = false) @Nullable Long version,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        String apiMove = move.equals("slutford") ? "completion" : "no-show";
        try {
            enrolments.act(enrolment, apiMove, null, Change.of(key, version));
        } catch (ApiProblem problem) {
            return refused(offering, problem, response, model);
        }
        redirect.addFlashAttribute("done", "roster-" + apiMove);
        return "redirect:/kurstillfallen/" + offering + "/deltagare";
    }

    /** Asks for a seat for a person of the organisation, as their coordinator. */
    @PostMapping("/anmal")
    String enrol(
            @PathVariable UUID offering,
            @RequestParam(defaultValue = "") String person,
            @RequestParam(required = false) @Nullable String key,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        UUID personId;
        try {
            personId = UUID.fromString(person.strip());
        } catch (IllegalArgumentException notChosen) {
            response.setStatus(400);
            return show(
                    offering,
                    "",
                    "",
                    0,
                    FormErrors.none().field("person", problems.message("problem.field.personId")),
                    model);
        }
        try {
            enrolments.enrolPerson(offering, personId, Change.of(key, null));
        } catch (ApiProblem problem) {
            return refused(offering, problem, response, model);
        }
        redirect.addFlashAttribute("done", "roster-enrolled");
        return "redirect:/kurstillfallen/" + offering + "/deltagare";
    }

    private String refused(UUID offering, ApiProblem problem, HttpServletResponse response, Model model) {
        if (problem.isTemporary() || problem.isNotFound()) {
            throw problem;
        }
        response.setStatus(problem.status());
        return show(offering, "", "", 0, problems.of(problem, Map.of("personId", "person")), model);
    }

    private String show(UUID offeringId, String state, String organisation, int page, FormErrors errors, Model model) {
        CatalogApi.Offering offering = catalog.offering(offeringId);
        String own = catalog.me().tenant();
        Page<EnrolmentApi.Enrolment> found = enrolments.roster(
                offeringId,
                STATES.contains(state) ? state : null,
                organisation.isBlank() ? null : organisation,
                page,
                PAGE_SIZE);
        Map<UUID, String> names = new HashMap<>();
        List<Line> lines = new ArrayList<>();
        for (EnrolmentApi.Enrolment enrolment : found.items()) {
            boolean ownPerson = Objects.equals(enrolment.organisation(), own);
            String name = ownPerson ? names.computeIfAbsent(enrolment.personId(), this::nameOrNull) : null;
            lines.add(new Line(enrolment, name, identity.nameOf(enrolment.organisation()), ownPerson));
        }
        model.addAttribute("offering", offering);
        model.addAttribute("course", catalog.course(offering.courseId()));
        model.addAttribute("lines", lines);
        model.addAttribute("page", found);
        model.addAttribute("pageNumber", page);
        model.addAttribute("state", state);
        model.addAttribute("organisation", organisation);
        model.addAttribute("states", STATES);
        model.addAttribute(
                "organisations",
                offering.audienceOrganisations().stream()
                        .map(tenant -> new Option(tenant, identity.nameOf(tenant)))
                        .sorted(SwedishOrder.by(Option::name))
                        .toList());
        model.addAttribute("started", !clock.instant().isBefore(offering.startsAt()));
        model.addAttribute(
                "candidates", own != null && offering.audienceOrganisations().contains(own) ? candidates() : List.of());
        model.addAttribute("key", Change.newKey());
        model.addAttribute("errors", errors);
        return "coordinator/roster";
    }

    /** The organisation's employed people, by name in Swedish order (the first hundred). */
    private List<Candidate> candidates() {
        return identity.people(null, 0, 100).items().stream()
                .filter(IdentityApi.Person::isEmployed)
                .map(person -> new Candidate(person.id(), person.familyName() + ", " + person.givenName()))
                .sorted(SwedishOrder.by(Candidate::name))
                .toList();
    }

    private @Nullable String nameOrNull(UUID person) {
        try {
            return identity.person(person).name();
        } catch (ApiProblem problem) {
            if (problem.isNotFound() || problem.status() == 403) {
                return null;
            }
            throw problem;
        }
    }
}
