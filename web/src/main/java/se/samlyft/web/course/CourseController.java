package se.samlyft.web.course;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.samlyft.web.api.ApiProblem;
import se.samlyft.web.api.CatalogApi;
import se.samlyft.web.api.Change;
import se.samlyft.web.api.EnrolmentApi;
import se.samlyft.web.api.Page;
import se.samlyft.web.page.FormErrors;
import se.samlyft.web.page.ProblemMessages;

/**
 * "Hitta utbildning": the catalog's search with its filters, results with each course's offerings (dates, place,
 * seats left or waiting list), a course's page with its modules and offerings, and the button that applies for a seat.
 */
@Controller
@RequestMapping("/utbildningar")
class CourseController {

    static final int PAGE_SIZE = 10;
    static final List<String> FORMATS =
            List.of("SELF_PACED_DIGITAL", "LIVE_ONLINE", "CLASSROOM", "WORKPLACE_BASED", "BLENDED");
    static final List<String> OCCUPATIONS =
            List.of("undersköterska", "vårdbiträde", "personlig assistent", "sjuksköterska", "chef");
    private static final Map<String, String> FIELDS = Map.of(
            "q", "q", "theme", "tema", "occupation", "yrke", "municipality", "kommun", "from", "fran", "to", "till");

    private final CatalogApi catalog;
    private final EnrolmentApi enrolments;
    private final ProblemMessages problems;
    private final Clock clock;

    CourseController(CatalogApi catalog, EnrolmentApi enrolments, ProblemMessages problems, Clock clock) {
        this.catalog = catalog;
        this.enrolments = enrolments;
        this.problems = problems;
        this.clock = clock;
    }

    /** What the person typed into the search form, kept as typed so that the form shows it again. */
    record SearchForm(
            String q,
            String tema,
            String yrke,
            String format,
            String kommun,
            String fran,
            String till,
            boolean lediga,
            int sida) {}

    /** A course in the results, with the offerings the person's organisation may enrol in. */
    record Result(CatalogApi.Course course, List<CatalogApi.Offering> offerings) {}

    @GetMapping
    String search(
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "") String tema,
            @RequestParam(defaultValue = "") String yrke,
            @RequestParam(defaultValue = "") String format,
            @RequestParam(defaultValue = "") String kommun,
            @RequestParam(defaultValue = "") String fran,
            @RequestParam(defaultValue = "") String till,
            @RequestParam(defaultValue = "false") boolean lediga,
            @RequestParam(defaultValue = "0") int sida,
            Model model) {
        SearchForm form = new SearchForm(q, tema, yrke, format, kommun, fran, till, lediga, Math.max(0, sida));
        FormErrors errors = FormErrors.none();
        Optional<LocalDate> from = date(fran, "fran", errors);
        Optional<LocalDate> to = date(till, "till", errors);
        if (!format.isBlank() && !FORMATS.contains(format)) {
            errors.field("format", problems.message("problem.field.format"));
        }
        model.addAttribute("form", form);
        model.addAttribute("formats", FORMATS);
        model.addAttribute("occupations", OCCUPATIONS);
        model.addAttribute("results", List.of());
        model.addAttribute("total", 0L);
        if (!errors.any()) {
            try {
                Page<CatalogApi.Course> found = catalog.search(
                        new CatalogApi.Search(
                                text(q), text(tema), text(yrke), text(format), text(kommun), from, to, lediga),
                        form.sida(),
                        PAGE_SIZE);
                List<Result> results = new ArrayList<>();
                Instant now = clock.instant();
                for (CatalogApi.Course course : found.items()) {
                    results.add(new Result(
                            course,
                            catalog.offeringsOf(course.id()).stream()
                                    .filter(offering -> offering.isScheduled()
                                            && offering.endsAt().isAfter(now))
                                    .toList()));
                }
                model.addAttribute("results", results);
                model.addAttribute("total", found.totalItems());
                model.addAttribute("pages", found.totalPages());
            } catch (ApiProblem problem) {
                if (problem.status() != 400) {
                    throw problem;
                }
                errors = problems.of(problem, FIELDS);
            }
        }
        model.addAttribute("errors", errors);
        return "courses/search";
    }

    @GetMapping("/{id}")
    String course(@PathVariable UUID id, Model model) {
        return showCourse(id, FormErrors.none(), null, model);
    }

    /** Applies for a seat on one of the course's offerings; the form's key makes a double submit one request. */
    @PostMapping("/{id}/anmalan")
    String apply(
            @PathVariable UUID id,
            @RequestParam UUID offering,
            @RequestParam(required = false) @Nullable String key,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        try {
            EnrolmentApi.Enrolment enrolment =
                    enrolments.enrol(offering, Change.of(key, null)).body();
            redirect.addFlashAttribute("done", "applied");
            return "redirect:/mina-utbildningar/" + enrolment.id();
        } catch (ApiProblem problem) {
            if (problem.isTemporary() || problem.isNotFound()) {
                throw problem;
            }
            response.setStatus(problem.status());
            return showCourse(id, problems.of(problem), offering, model);
        }
    }

    private String showCourse(UUID id, FormErrors errors, @Nullable UUID tried, Model model) {
        CatalogApi.Course course = catalog.course(id);
        Instant now = clock.instant();
        model.addAttribute("course", course);
        model.addAttribute(
                "offerings",
                catalog.offeringsOf(id).stream()
                        .filter(offering ->
                                offering.isScheduled() && offering.endsAt().isAfter(now))
                        .toList());
        model.addAttribute("now", now);
        model.addAttribute("key", Change.newKey());
        model.addAttribute("errors", errors);
        model.addAttribute("tried", tried);
        return "courses/course";
    }

    private Optional<LocalDate> date(String typed, String field, FormErrors errors) {
        if (typed.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(typed.strip()));
        } catch (DateTimeParseException notADate) {
            errors.field(field, problems.message("problem.field.date"));
            return Optional.empty();
        }
    }

    private static Optional<String> text(String typed) {
        return typed.isBlank() ? Optional.empty() : Optional.of(typed.strip());
    }
}
