package se.samlyft.web.coordinator;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
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
import se.samlyft.web.api.IdentityApi;
import se.samlyft.web.page.FormErrors;
import se.samlyft.web.page.ProblemMessages;
import se.samlyft.web.page.SwedishOrder;

/**
 * "Kurstillfällen": the organisation's own offerings by start; scheduling one of its published courses (dates and
 * times in Swedish time, place, seats, terms, the programme that funds it, whom it is for and, for a federation's or a
 * project's joint offering, seats held per organisation until a release date); changing a scheduled offering with
 * the version the page showed; and cancelling it after a confirmation step.
 */
@Controller
@RequestMapping("/kurstillfallen")
class OfferingsController {

    private static final String FORM = "coordinator/offering-form";

    private final CatalogApi catalog;
    private final IdentityApi identity;
    private final EnrolmentApi enrolments;
    private final ProblemMessages problems;
    private final Clock clock;

    OfferingsController(
            CatalogApi catalog, IdentityApi identity, EnrolmentApi enrolments, ProblemMessages problems, Clock clock) {
        this.catalog = catalog;
        this.identity = identity;
        this.enrolments = enrolments;
        this.problems = problems;
        this.clock = clock;
    }

    /** An organisation the offering may be for, with its name. */
    record Candidate(String tenant, String name) {}

    /** One organisation's use of a joint offering's seats, named. */
    record QuotaUse(String tenant, String name, @Nullable Integer quota, int fromQuota, int fromPool, int waiting) {}

    /** An offering in the list, with its course. */
    record Row(CatalogApi.Offering offering, CatalogApi.Course course) {}

    @GetMapping
    String list(Model model) {
        String own = catalog.me().tenant();
        Instant now = clock.instant();
        List<Row> current = new ArrayList<>();
        List<Row> past = new ArrayList<>();
        for (CatalogApi.Offering offering : catalog.offerings()) {
            if (offering.owner().equals(own)) {
                Row row = new Row(offering, catalog.course(offering.courseId()));
                (offering.isScheduled() && offering.endsAt().isAfter(now) ? current : past).add(row);
            }
        }
        past.sort(Comparator.comparing((Row row) -> row.offering().startsAt()).reversed());
        model.addAttribute("current", current);
        model.addAttribute("past", past);
        model.addAttribute("courses", publishedCourses());
        return "coordinator/offerings";
    }

    @GetMapping("/nytt")
    String newOffering(@RequestParam(defaultValue = "") String kurs, Model model) {
        return form(OfferingForm.empty(kurs), null, null, FormErrors.none(), model);
    }

    @PostMapping("/nytt")
    String schedule(
            @RequestParam MultiValueMap<String, String> sent,
            @RequestParam(required = false) @Nullable String key,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        OfferingForm form = OfferingForm.typed(sent);
        FormErrors errors = FormErrors.none();
        Map<String, Object> body = form.body(errors, problems);
        if (errors.any()) {
            response.setStatus(400);
            return form(form, null, null, errors, model);
        }
        try {
            CatalogApi.Offering scheduled = catalog.schedule(body, Change.of(key, null));
            redirect.addFlashAttribute("done", "offering-scheduled");
            return "redirect:/kurstillfallen/" + scheduled.id();
        } catch (ApiProblem problem) {
            return refused(problem, form, null, null, response, model);
        }
    }

    @GetMapping("/{id}")
    String offering(@PathVariable UUID id, Model model) {
        Gateway.Answer<CatalogApi.Offering> read = catalog.offeringWithVersion(id);
        CatalogApi.Offering offering = read.body();
        model.addAttribute("offering", offering);
        model.addAttribute("version", read.version());
        model.addAttribute("course", catalog.course(offering.courseId()));
        model.addAttribute(
                "audience",
                offering.audienceOrganisations().stream()
                        .map(tenant -> new Candidate(tenant, identity.nameOf(tenant)))
                        .sorted(SwedishOrder.by(Candidate::name))
                        .toList());
        model.addAttribute("programme", programmeOrNull(offering.programmeId()));
        boolean own = Objects.equals(offering.owner(), catalog.me().tenant());
        model.addAttribute("own", own);
        model.addAttribute("quotaUse", own ? quotaUse(offering) : List.of());
        model.addAttribute("now", clock.instant());
        return "coordinator/offering";
    }

    @GetMapping("/{id}/andra")
    String edit(@PathVariable UUID id, Model model) {
        Gateway.Answer<CatalogApi.Offering> read = catalog.offeringWithVersion(id);
        return form(OfferingForm.of(read.body()), id, read.version(), FormErrors.none(), model);
    }

    @PostMapping("/{id}/andra")
    String change(
            @PathVariable UUID id,
            @RequestParam MultiValueMap<String, String> sent,
            @RequestParam(required = false) @Nullable String key,
            @RequestParam(required = false) @Nullable Long version,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        OfferingForm form = OfferingForm.typed(sent);
        FormErrors errors = FormErrors.none();
        Map<String, Object> body = form.body(errors, problems);
        if (errors.any()) {
            response.setStatus(400);
            return form(form, id, version, errors, model);
        }
        try {
            catalog.changeOffering(id, body, Change.of(key, version));
            redirect.addFlashAttribute("done", "offering-changed");
            return "redirect:/kurstillfallen/" + id;
        } catch (ApiProblem problem) {
            return refused(problem, form, id, version, response, model);
        }
    }

    /** The confirmation step before cancelling. */
    @GetMapping("/{id}/stall-in")
    String confirmCancellation(@PathVariable UUID id, Model model) {
        Gateway.Answer<CatalogApi.Offering> read = catalog.offeringWithVersion(id);
        model.addAttribute("offering", read.body());
        model.addAttribute("version", read.version());
        model.addAttribute("course", catalog.course(read.body().courseId()));
        model.addAttribute("key", Change.newKey());
        model.addAttribute("errors", FormErrors.none());
        return "coordinator/offering-cancel";
    }

    @PostMapping("/{id}/stall-in")
    String cancel(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String key,
            @RequestParam(required = false) @Nullable Long version,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        try {
            catalog.cancelOffering(id, Change.of(key, version));
        } catch (ApiProblem problem) {
            if (problem.isTemporary() || problem.isNotFound()) {
                throw problem;
            }
            response.setStatus(problem.status());
            confirmCancellation(id, model);
            model.addAttribute("errors", problems.of(problem));
            return "coordinator/offering-cancel";
        }
        redirect.addFlashAttribute("done", "offering-cancelled");
        return "redirect:/kurstillfallen/" + id;
    }

    private String refused(
            ApiProblem problem,
            OfferingForm form,
            @Nullable UUID id,
            @Nullable Long version,
            HttpServletResponse response,
            Model model) {
        if (problem.isTemporary() || problem.isNotFound()) {
            throw problem;
        }
        response.setStatus(problem.status());
        FormErrors errors = problems.of(problem, OfferingForm.FIELDS);
        if (problem.status() == 412 && id != null) {
            Gateway.Answer<CatalogApi.Offering> read = catalog.offeringWithVersion(id);
            return form(OfferingForm.of(read.body()), id, read.version(), errors, model);
        }
        return form(form, id, version, errors, model);
    }

    private String form(OfferingForm form, @Nullable UUID id, @Nullable Long version, FormErrors errors, Model model) {
        String own = Objects.requireNonNullElse(catalog.me().tenant(), "");
        List<CatalogApi.Programme> programmes = catalog.programmes();
        model.addAttribute("form", form);
        model.addAttribute("offeringId", id);
        model.addAttribute("version", version);
        model.addAttribute("courses", publishedCourses());
        model.addAttribute("programmes", programmes);
        model.addAttribute("candidates", candidates(own, programmes));
        model.addAttribute("federation", identity.federation(own).isPresent());
        model.addAttribute("key", Change.newKey());
        model.addAttribute("errors", errors);
        return FORM;
    }

    /**
     * The organisations a joint offering may be for: a federation's current members, the partners the readable
     * programmes name, and the organisation itself, by name in Swedish order.
     */
    private List<Candidate> candidates(String own, List<CatalogApi.Programme> programmes) {
        Set<String> tenants = new LinkedHashSet<>();
        identity.federation(own).ifPresent(members -> tenants.addAll(members.members()));
        programmes.forEach(programme -> tenants.addAll(programme.partners()));
        if (identity.federation(own).isEmpty()) {
            tenants.add(own);
        }
        return tenants.stream()
                .map(tenant -> new Candidate(tenant, identity.nameOf(tenant)))
                .sorted(SwedishOrder.by(Candidate::name))
                .toList();
    }

    /**
     * Each organisation's quota and the seats its people hold from it and from the pool, and how many wait, as
     * enrolment-service counts them now; organisations with neither quota nor anyone enrolled are left out.
     */
    /**
     * Each organisation's quota and use; for an offering enrolment-service does not know yet (the catalog's event of
     * one just scheduled is on its way), the quotas with nothing taken.
     */
    private List<QuotaUse> quotaUse(CatalogApi.Offering offering) {
        EnrolmentApi.Seats seats;
        try {
            seats = enrolments.seats(offering.id());
        } catch (ApiProblem problem) {
            if (!problem.isNotFound()) {
                throw problem;
            }
            return offering.quotas().stream()
                    .map(quota -> new QuotaUse(quota.tenant(), identity.nameOf(quota.tenant()), quota.seats(), 0, 0, 0))
                    .sorted(SwedishOrder.by(QuotaUse::name))
                    .toList();
        }
        return seats.organisations().stream()
                .filter(use -> use.quota() != null
                        || use.fromQuota() + use.fromPool() + use.awaitingApproval() + use.waiting() > 0)
                .map(use -> new QuotaUse(
                        use.organisation(),
                        identity.nameOf(use.organisation()),
                        use.quota(),
                        use.fromQuota(),
                        use.fromPool(),
                        use.waiting()))
                .sorted(SwedishOrder.by(QuotaUse::name))
                .toList();
    }

    private List<CatalogApi.Course> publishedCourses() {
        return catalog.ownCourses().stream()
                .filter(course -> course.status().equals("PUBLISHED"))
                .sorted(SwedishOrder.by(CatalogApi.Course::title))
                .toList();
    }

    private CatalogApi.@Nullable Programme programmeOrNull(@Nullable UUID id) {
        if (id == null) {
            return null;
        }
        try {
            return catalog.programme(id).body();
        } catch (ApiProblem problem) {
            if (problem.isNotFound()) {
                return null;
            }
            throw problem;
        }
    }
}
