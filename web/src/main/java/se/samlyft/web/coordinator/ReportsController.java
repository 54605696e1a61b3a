package se.samlyft.web.coordinator;

import java.time.Clock;
import java.time.YearMonth;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.samlyft.web.api.ApiProblem;
import se.samlyft.web.api.CatalogApi;
import se.samlyft.web.api.Gateway;
import se.samlyft.web.api.IdentityApi;
import se.samlyft.web.api.ReportingApi;
import se.samlyft.web.page.FormErrors;
import se.samlyft.web.page.Formats;
import se.samlyft.web.page.ProblemMessages;

/**
 * "Rapporter": the follow-up of each programme the organisation may follow up (its dashboard, and as CSV or XLSX),
 * the evidence of paid working time for chosen months, and for a federation its view of a period, each to download
 * as the report API makes the file.
 */
@Controller
@RequestMapping("/rapporter")
class ReportsController {

    private final CatalogApi catalog;
    private final ReportingApi reporting;
    private final IdentityApi identity;
    private final ProblemMessages problems;
    private final Clock clock;

    ReportsController(
            CatalogApi catalog, ReportingApi reporting, IdentityApi identity, ProblemMessages problems, Clock clock) {
        this.catalog = catalog;
        this.reporting = reporting;
        this.identity = identity;
        this.problems = problems;
        this.clock = clock;
    }

    @GetMapping
    String reports(Model model) {
        YearMonth now = YearMonth.now(clock.withZone(Formats.SWEDEN));
        String own = catalog.me().tenant();
        model.addAttribute("programmes", catalog.programmes());
        model.addAttribute("from", now.minusMonths(2).toString());
        model.addAttribute("to", now.toString());
        model.addAttribute("federation", own != null && identity.federation(own).isPresent());
        model.addAttribute("errors", FormErrors.none());
        return "coordinator/reports";
    }

    @GetMapping("/betald-arbetstid.{format:csv|xlsx}")
    Object paidTime(
            @PathVariable String format,
            @RequestParam(defaultValue = "") String fran,
            @RequestParam(defaultValue = "") String till,
            @RequestParam(defaultValue = "") String program,
            Model model) {
        FormErrors errors = FormErrors.none();
        Optional<YearMonth> from = month(fran, "fran", errors);
        Optional<YearMonth> to = month(till, "till", errors);
        if (errors.any()) {
            return refused(errors, model);
        }
        UUID programme = program.isBlank() ? null : UUID.fromString(program);
        try {
            return file(reporting.paidTimeFile(
                    from.orElseThrow().toString(), to.orElseThrow().toString(), programme, format));
        } catch (ApiProblem problem) {
            if (problem.status() != 400) {
                throw problem;
            }
            return refused(problems.of(problem, java.util.Map.of("from", "fran", "to", "till")), model);
        }
    }

    @GetMapping("/forbund.{format:csv|xlsx}")
    Object federation(
            @PathVariable String format,
            @RequestParam(defaultValue = "") String fran,
            @RequestParam(defaultValue = "") String till,
            Model model) {
        FormErrors errors = FormErrors.none();
        Optional<YearMonth> from = month(fran, "fran", errors);
        Optional<YearMonth> to = month(till, "till", errors);
        if (errors.any()) {
            return refused(errors, model);
        }
        return file(reporting.federationFile(
                from.orElseThrow().atDay(1).toString(),
                to.orElseThrow().atEndOfMonth().toString(),
                format));
    }

    private String refused(FormErrors errors, Model model) {
        reports(model);
        model.addAttribute("errors", errors);
        return "coordinator/reports";
    }

    private Optional<YearMonth> month(String typed, String field, FormErrors errors) {
        try {
            return Optional.of(YearMonth.parse(typed.strip()));
        } catch (java.time.format.DateTimeParseException notAMonth) {
            errors.field(field, problems.message("problem.field.month-typed"));
            return Optional.empty();
        }
    }

    private static ResponseEntity<byte[]> file(Gateway.Download download) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, download.contentType())
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
        if (download.contentDisposition() != null) {
            answer.header(HttpHeaders.CONTENT_DISPOSITION, download.contentDisposition());
        }
        return answer.body(download.bytes());
    }
}
