package se.samlyft.web.coordinator;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Comparator;
import java.util.List;
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
import se.samlyft.web.api.Gateway;
import se.samlyft.web.page.FormErrors;
import se.samlyft.web.page.ProblemMessages;
import se.samlyft.web.page.SwedishOrder;
import se.samlyft.web.page.Vocabulary;

/**
 * "Kurser": the organisation's own courses for its coordinators (a federation's for its project leaders): drafts,
 * published and archived ones; a new course; a course's page with its modules and offerings, where it is changed,
 * published and archived. Modules are rows of the form; "Lägg till en modul" shows one more row without saving.
 */
@Controller
@RequestMapping("/kurser")
class CoursesController {

    private static final String FORM = "coordinator/course-form";

    private final CatalogApi catalog;
    private final ProblemMessages problems;

    CoursesController(CatalogApi catalog, ProblemMessages problems) {
        this.catalog = catalog;
        this.problems = problems;
    }

    @GetMapping
    String list(Model model) {
        List<CatalogApi.Course> courses = catalog.ownCourses().stream()
                .sorted(Comparator.comparing(
                                (CatalogApi.Course course) -> course.status().equals("ARCHIVED"))
                        .thenComparing(SwedishOrder.by(CatalogApi.Course::title)))
                .toList();
        model.addAttribute("courses", courses);
        return "coordinator/courses";
    }

    @GetMapping("/ny")
    String newCourse(Model model) {
        return form(CourseForm.empty(), null, null, FormErrors.none(), model);
    }

    @PostMapping("/ny")
    String create(
            @RequestParam(defaultValue = "") String titel,
            @RequestParam(defaultValue = "") String beskrivning,
            @RequestParam(defaultValue = "") String teman,
            @RequestParam(required = false) @Nullable List<String> yrken,
            @RequestParam(defaultValue = "SELF_PACED_DIGITAL") String format,
            @RequestParam(defaultValue = "false") boolean formell,
            @RequestParam(name = "modulTitel", required = false) @Nullable List<String> modulTitlar,
            @RequestParam(name = "modulMinuter", required = false) @Nullable List<String> modulMinuter,
            @RequestParam(defaultValue = "") String atgard,
            @RequestParam(required = false) @Nullable String key,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        CourseForm form =
                CourseForm.typed(titel, beskrivning, teman, yrken, format, formell, modulTitlar, modulMinuter);
        if (atgard.equals("rad")) {
            return form(form.withAnotherModule(), null, null, FormErrors.none(), model);
        }
        try {
            CatalogApi.Course created = catalog.createCourse(form.body(), Change.of(key, null));
            redirect.addFlashAttribute("done", "course-created");
            return "redirect:/kurser/" + created.id();
        } catch (ApiProblem problem) {
            return refused(problem, form, null, null, response, model);
        }
    }

    @GetMapping("/{id}")
    String course(@PathVariable UUID id, Model model) {
        Gateway.Answer<CatalogApi.Course> read = catalog.courseWithVersion(id);
        model.addAttribute("course", read.body());
        model.addAttribute("version", read.version());
        model.addAttribute(
                "offerings",
                catalog.offeringsOf(id).stream()
                        .filter(offering -> offering.owner().equals(read.body().owner()))
                        .toList());
        model.addAttribute("key", Change.newKey());
        model.addAttribute("errors", FormErrors.none());
        return "coordinator/course";
    }

    @GetMapping("/{id}/andra")
    String edit(@PathVariable UUID id, Model model) {
        Gateway.Answer<CatalogApi.Course> read = catalog.courseWithVersion(id);
        return form(CourseForm.of(read.body()), id, read.version(), FormErrors.none(), model);
    }

    @PostMapping("/{id}/andra")
    String change(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String titel,
            @RequestParam(defaultValue = "") String beskrivning,
            @RequestParam(defaultValue = "") String teman,
            @RequestParam(required = false) @Nullable List<String> yrken,
            @RequestParam(defaultValue = "SELF_PACED_DIGITAL") String format,
            @RequestParam(defaultValue = "false") boolean formell,
            @RequestParam(name = "modulTitel", required = false) @Nullable List<String> modulTitlar,
            @RequestParam(name = "modulMinuter", required = false) @Nullable List<String> modulMinuter,
            @RequestParam(defaultValue = "") String atgard,
            @RequestParam(required = false) @Nullable String key,
            @RequestParam(required = false) @Nullable Long version,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        CourseForm form =
                CourseForm.typed(titel, beskrivning, teman, yrken, format, formell, modulTitlar, modulMinuter);
        if (atgard.equals("rad")) {
            return form(form.withAnotherModule(), id, version, FormErrors.none(), model);
        }
        try {
            catalog.changeCourse(id, form.body(), Change.of(key, version));
            redirect.addFlashAttribute("done", "course-changed");
            return "redirect:/kurser/" + id;
        } catch (ApiProblem problem) {
            return refused(problem, form, id, version, response, model);
        }
    }

    /** Publishes a draft or archives a course, with the version the page showed. */
    @PostMapping("/{id}/{move:publicera|arkivera}")
    String move(
            @PathVariable UUID id,
            @PathVariable String move,
            @RequestParam(required = false) @Nullable String key,
            @RequestParam(required = false) @Nullable Long version,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        String apiMove = move.equals("publicera") ? "publish" : "archive";
        try {
            catalog.moveCourse(id, apiMove, Change.of(key, version));
        } catch (ApiProblem problem) {
            if (problem.isTemporary() || problem.isNotFound()) {
                throw problem;
            }
            response.setStatus(problem.status());
            course(id, model);
            model.addAttribute("errors", problems.of(problem));
            return "coordinator/course";
        }
        redirect.addFlashAttribute("done", "course-" + apiMove);
        return "redirect:/kurser/" + id;
    }

    private String refused(
            ApiProblem problem,
            CourseForm form,
            @Nullable UUID id,
            @Nullable Long version,
            HttpServletResponse response,
            Model model) {
        if (problem.isTemporary() || problem.isNotFound()) {
            throw problem;
        }
        response.setStatus(problem.status());
        FormErrors errors = problems.of(problem, form::fieldOf);
        if (problem.status() == 412 && id != null) {
            Gateway.Answer<CatalogApi.Course> read = catalog.courseWithVersion(id);
            return form(CourseForm.of(read.body()), id, read.version(), errors, model);
        }
        return form(form, id, version, errors, model);
    }

    private String form(CourseForm form, @Nullable UUID id, @Nullable Long version, FormErrors errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("courseId", id);
        model.addAttribute("version", version);
        model.addAttribute("formats", Vocabulary.FORMATS);
        model.addAttribute("occupations", Vocabulary.OCCUPATIONS);
        model.addAttribute("key", Change.newKey());
        model.addAttribute("errors", errors);
        return FORM;
    }
}
