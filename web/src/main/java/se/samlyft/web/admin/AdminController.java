package se.samlyft.web.admin;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
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
import se.samlyft.web.api.Change;
import se.samlyft.web.api.IdentityApi;
import se.samlyft.web.api.ReportingApi;
import se.samlyft.web.page.FormErrors;
import se.samlyft.web.page.Formats;
import se.samlyft.web.page.LocalTimes;
import se.samlyft.web.page.ProblemMessages;
import se.samlyft.web.page.SwedishOrder;

/**
 * "Förvaltning": the register of organisations, onboarding one and appointing its first coordinator (who then logs in
 * and registers the organisation's people); each federation's members over time and its invitations, inviting an
 * organisation and recording a member's decision made outside the platform, with its day and reference; and the
 * reporting read model's generation, a rebuild and its progress.
 */
@Controller
@RequestMapping("/forvaltning")
class AdminController {

    static final List<String> KINDS = List.of("MUNICIPALITY", "COUNTY_COUNCIL", "PRIVATE_PROVIDER", "FEDERATION");
    private static final Map<String, String> ORGANISATION_FIELDS = Map.of(
            "tenant", "tenant",
            "kind", "kind",
            "name", "namn",
            "organisationNumber", "orgnr",
            "municipalityCode", "kommun",
            "contacts", "kontaktEpost");
    private static final Map<String, String> PERSON_FIELDS = Map.ofEntries(
            Map.entry("givenName", "fornamn"),
            Map.entry("familyName", "efternamn"),
            Map.entry("email", "epost"),
            Map.entry("workplaceId", "arbetsplatskod"),
            Map.entry("workplaceName", "arbetsplats"),
            Map.entry("occupation", "yrke"),
            Map.entry("sex", "kon"),
            Map.entry("birthYear", "fodelsear"),
            Map.entry("educationLevel", "utbildning"));

    private final IdentityApi identity;
    private final ReportingApi reporting;
    private final ProblemMessages problems;
    private final Clock clock;

    AdminController(IdentityApi identity, ReportingApi reporting, ProblemMessages problems, Clock clock) {
        this.identity = identity;
        this.reporting = reporting;
        this.problems = problems;
        this.clock = clock;
    }

    @GetMapping
    String overview(Model model) {
        List<IdentityApi.Organisation> register = identity.organisations().stream()
                .sorted(SwedishOrder.by(IdentityApi.Organisation::name))
                .toList();
        model.addAttribute(
                "federations",
                register.stream().filter(o -> o.kind().equals("FEDERATION")).toList());
        model.addAttribute(
                "organisations",
                register.stream().filter(o -> !o.kind().equals("FEDERATION")).toList());
        model.addAttribute("readModel", reporting.readModel());
        return "admin/overview";
    }

    @GetMapping("/organisationer/ny")
    String newOrganisation(Model model) {
        return organisationForm(Map.of("kind", "MUNICIPALITY"), FormErrors.none(), model);
    }

    @PostMapping("/organisationer/ny")
    String onboard(
            @RequestParam Map<String, String> typed,
            @RequestParam(required = false) @Nullable String key,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tenant", value(typed, "tenant").toLowerCase(java.util.Locale.ROOT));
        body.put("kind", value(typed, "kind"));
        body.put("name", value(typed, "namn"));
        body.put("organisationNumber", value(typed, "orgnr"));
        body.put("municipalityCode", value(typed, "kommun").isBlank() ? null : value(typed, "kommun"));
        List<Map<String, Object>> contacts = new ArrayList<>();
        if (!value(typed, "kontaktNamn").isBlank()
                || !value(typed, "kontaktEpost").isBlank()) {
            Map<String, Object> contact = new LinkedHashMap<>();
            contact.put("name", value(typed, "kontaktNamn"));
            contact.put("email", value(typed, "kontaktEpost"));
            contact.put("role", "Samordnare");
            contacts.add(contact);
        }
        body.put("contacts", contacts);
        try {
            IdentityApi.Organisation created = identity.onboard(body, Change.of(key, null));
            redirect.addFlashAttribute("done", "organisation-onboarded");
            return "redirect:/forvaltning/organisationer/" + created.tenant();
        } catch (ApiProblem problem) {
            if (problem.isTemporary()) {
                throw problem;
            }
            response.setStatus(problem.status());
            return organisationForm(typed, problems.of(problem, ORGANISATION_FIELDS), model);
        }
    }

    @GetMapping("/organisationer/{tenant}")
    String organisation(@PathVariable String tenant, Model model) {
        return coordinatorForm(
                tenant,
                Map.of("yrke", "OTHER", "kon", "NOT_STATED", "utbildning", "ISCED_5_8"),
                FormErrors.none(),
                model);
    }

    /** Appoints the organisation's first coordinator; identity makes their login, which waits for a password. */
    @PostMapping("/organisationer/{tenant}/samordnare")
    String appoint(
            @PathVariable String tenant,
            @RequestParam Map<String, String> typed,
            @RequestParam(required = false) @Nullable String key,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("givenName", value(typed, "fornamn"));
        body.put("familyName", value(typed, "efternamn"));
        body.put("email", value(typed, "epost"));
        body.put("workplaceId", value(typed, "arbetsplatskod"));
        body.put("workplaceName", value(typed, "arbetsplats"));
        body.put("occupation", value(typed, "yrke"));
        body.put("sex", value(typed, "kon"));
        body.put("birthYear", LocalTimes.wholeNumber(value(typed, "fodelsear")).orElse(null));
        body.put("educationLevel", value(typed, "utbildning"));
        try {
            IdentityApi.Appointed appointed = identity.appointFirstCoordinator(tenant, body, Change.of(key, null));
            redirect.addFlashAttribute("done", "coordinator-appointed");
            redirect.addFlashAttribute("appointed", appointed);
            return "redirect:/forvaltning/organisationer/" + tenant;
        } catch (ApiProblem problem) {
            if (problem.isTemporary() || problem.isNotFound()) {
                throw problem;
            }
            response.setStatus(problem.status());
            FormErrors errors = problem.status() == 409
                    ? FormErrors.none().general(problems.message("problem.conflict.has-coordinator"))
                    : problems.of(problem, PERSON_FIELDS);
            return coordinatorForm(tenant, typed, errors, model);
        }
    }

    @GetMapping("/forbund/{federation}")
    String federation(@PathVariable String federation, Model model) {
        return federationPage(federation, Map.of(), FormErrors.none(), model);
    }

    @PostMapping("/forbund/{federation}/inbjudningar")
    String invite(
            @PathVariable String federation,
            @RequestParam(defaultValue = "") String organisation,
            @RequestParam(defaultValue = "") String borjar,
            @RequestParam(required = false) @Nullable String key,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tenant", organisation);
        body.put("joinsOn", LocalTimes.date(borjar).map(Object::toString).orElse(null));
        try {
            identity.invite(federation, body, Change.of(key, null));
        } catch (ApiProblem problem) {
            return refused(
                    federation, problem, Map.of("organisation", organisation, "borjar", borjar), response, model);
        }
        redirect.addFlashAttribute("done", "invited");
        return "redirect:/forvaltning/forbund/" + federation;
    }

    /** Records a member's decision made outside the platform: the day it accepted, its reference, its first day. */
    @PostMapping("/forbund/{federation}/inbjudningar/{invitation}/godkand")
    String recordAcceptance(
            @PathVariable String federation,
            @PathVariable UUID invitation,
            @RequestParam(defaultValue = "") String beslutsdag,
            @RequestParam(defaultValue = "") String referens,
            @RequestParam(defaultValue = "") String forstaDag,
            @RequestParam(required = false) @Nullable String key,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("acceptedOn", LocalTimes.date(beslutsdag).map(Object::toString).orElse(null));
        body.put("reference", referens.strip());
        body.put("joinedOn", LocalTimes.date(forstaDag).map(Object::toString).orElse(null));
        try {
            identity.answer(federation, invitation, "accept", body, Change.of(key, null));
        } catch (ApiProblem problem) {
            return refused(
                    federation,
                    problem,
                    Map.of("beslutsdag", beslutsdag, "referens", referens, "forstaDag", forstaDag),
                    response,
                    model);
        }
        redirect.addFlashAttribute("done", "acceptance-recorded");
        return "redirect:/forvaltning/forbund/" + federation;
    }

    @PostMapping("/forbund/{federation}/inbjudningar/{invitation}/{answer:decline|withdraw}")
    String answer(
            @PathVariable String federation,
            @PathVariable UUID invitation,
            @PathVariable String answer,
            @RequestParam(required = false) @Nullable String key,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        try {
            identity.answer(federation, invitation, answer, null, Change.of(key, null));
        } catch (ApiProblem problem) {
            return refused(federation, problem, Map.of(), response, model);
        }
        redirect.addFlashAttribute("done", "invitation-" + answer);
        return "redirect:/forvaltning/forbund/" + federation;
    }

    @GetMapping("/lasmodell")
    String readModel(Model model) {
        model.addAttribute("readModel", reporting.readModel());
        model.addAttribute("key", Change.newKey());
        model.addAttribute("errors", FormErrors.none());
        return "admin/read-model";
    }

    @PostMapping("/lasmodell/bygg-om")
    String rebuild(
            @RequestParam(required = false) @Nullable String key,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        try {
            reporting.rebuild(Change.of(key, null));
        } catch (ApiProblem problem) {
            if (problem.status() != 409) {
                throw problem;
            }
            response.setStatus(409);
            readModel(model);
            model.addAttribute("errors", FormErrors.none().general(problems.message("problem.conflict.rebuilding")));
            return "admin/read-model";
        }
        redirect.addFlashAttribute("done", "rebuild-started");
        return "redirect:/forvaltning/lasmodell";
    }

    /** The rebuild's progress, which htmx reads again every two seconds while one runs. */
    @GetMapping("/lasmodell/forlopp")
    String rebuildProgress(Model model) {
        model.addAttribute("readModel", reporting.readModel());
        return "admin/read-model :: progress";
    }

    private String refused(
            String federation,
            ApiProblem problem,
            Map<String, String> typed,
            HttpServletResponse response,
            Model model) {
        if (problem.isTemporary() || problem.isNotFound()) {
            throw problem;
        }
        response.setStatus(problem.status());
        return federationPage(
                federation,
                typed,
                problems.of(
                        problem,
                        Map.of(
                                "tenant", "organisation",
                                "joinsOn", "borjar",
                                "acceptedOn", "beslutsdag",
                                "reference", "referens",
                                "joinedOn", "forstaDag")),
                model);
    }

    private String federationPage(String federation, Map<String, String> typed, FormErrors errors, Model model) {
        IdentityApi.Members members = identity.federation(federation)
                .orElseThrow(() -> new ApiProblem(404, "No such federation", List.of(), null, null));
        LocalDate today = LocalDate.now(clock.withZone(Formats.SWEDEN));
        model.addAttribute("federation", identity.organisation(federation));
        model.addAttribute("members", members);
        model.addAttribute(
                "history",
                members.history().stream()
                        .sorted(Comparator.comparing(IdentityApi.Period::joinedOn)
                                .thenComparing(period -> identity.nameOf(period.tenant())))
                        .toList());
        model.addAttribute("invitations", identity.invitations(federation));
        model.addAttribute(
                "candidates",
                identity.organisations().stream()
                        .filter(o -> !o.kind().equals("FEDERATION")
                                && !members.members().contains(o.tenant()))
                        .sorted(SwedishOrder.by(IdentityApi.Organisation::name))
                        .toList());
        model.addAttribute("today", today);
        model.addAttribute("typed", typed);
        model.addAttribute("key", Change.newKey());
        model.addAttribute("errors", errors);
        return "admin/federation";
    }

    private String organisationForm(Map<String, String> typed, FormErrors errors, Model model) {
        model.addAttribute("typed", typed);
        model.addAttribute("kinds", KINDS);
        model.addAttribute("key", Change.newKey());
        model.addAttribute("errors", errors);
        return "admin/organisation-form";
    }

    private String coordinatorForm(String tenant, Map<String, String> typed, FormErrors errors, Model model) {
        model.addAttribute("organisation", identity.organisation(tenant));
        model.addAttribute("typed", typed);
        model.addAttribute("occupations", se.samlyft.web.page.Vocabulary.OCCUPATION_CODES);
        model.addAttribute("sexes", se.samlyft.web.page.Vocabulary.SEXES);
        model.addAttribute("educations", List.of("ISCED_0_2", "ISCED_3_4", "ISCED_5_8", "NOT_STATED"));
        model.addAttribute("key", Change.newKey());
        model.addAttribute("errors", errors);
        return "admin/organisation";
    }

    private static String value(Map<String, String> typed, String name) {
        return Optional.ofNullable(typed.get(name)).map(String::strip).orElse("");
    }
}
