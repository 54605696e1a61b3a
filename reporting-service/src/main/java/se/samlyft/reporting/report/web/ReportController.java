package se.samlyft.reporting.report.web;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.samlyft.platform.export.Format;
import se.samlyft.platform.problem.InvalidInput;
import se.samlyft.platform.problem.NotFound;
import se.samlyft.platform.tenancy.TenantContext;
import se.samlyft.platform.tenancy.TenantId;
import se.samlyft.platform.tenancy.TenantScope;
import se.samlyft.reporting.report.FollowUp;
import se.samlyft.reporting.report.MonthlyReport;
import se.samlyft.reporting.report.PaidTimeEvidence;
import se.samlyft.reporting.report.Period;
import se.samlyft.reporting.report.ProgrammeParticipant;
import se.samlyft.reporting.report.ProgrammeTarget;
import se.samlyft.reporting.report.Reports;
import se.samlyft.reporting.report.SmallCounts;
import se.samlyft.reporting.report.web.ReportingPolicy.Reader;

/**
 * {@code /api/reports/...}: programme follow-up, the federation view, the funder's monthly participant report and the
 * evidence of paid working time, as JSON or ({@code format=csv|xlsx}) as a file to download. A coordinator reads
 * their organisation's rows; a federation coordinator, or an integrator of a federation, reads the federation's
 * members while they were members, with small counts hidden in breakdowns by sex, age band and education.
 */
@RestController
@RequestMapping("/api/reports")
class ReportController {

    private final Reports reports;
    private final SmallCounts smallCounts;
    private final Clock clock;

    ReportController(Reports reports, SmallCounts smallCounts, Clock clock) {
        this.reports = reports;
        this.smallCounts = smallCounts;
        this.clock = clock;
    }

    /**
     * A programme's follow-up. The coordinator of the organisation that owns it also reads the enrolments it reports to
     * the funder: its partners' on its offerings and its federations' members' on theirs; anyone else reads their
     * organisation's, or as a federation its members' while they were members. The
     * JSON also has the participants month by month since the programme began, and the hours confirmed for months
     * outside its period, which the funder does not pay for.
     */
    @GetMapping("/programmes/{programmeId}/follow-up")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = FollowUpView.class)))
    ResponseEntity<?> followUp(@PathVariable UUID programmeId, @RequestParam(defaultValue = "json") String format) {
        Format answer = Format.of(format);
        Reader reader = ReportingPolicy.requireReportReader();
        Optional<ProgrammeTarget> programme = programmeOf(reader, programmeId);
        Scope scope = programme.isPresent() && !reader.readsAsFederation()
                ? ownerScope(reader, programmeId)
                : scopeOf(reader, null);
        Reports.Selection selection =
                new Reports.Selection(programme.orElse(null), programmeId, null, scope.federation());
        FollowUp report = scope.read(() -> {
            if (programme.isEmpty() && !reports.hasEnrolments(programmeId, null)) {
                throw NotFound.of("programme", programmeId);
            }
            return reports.followUp(selection, scope.smallCounts());
        });
        List<Reports.MonthCount> months = scope.read(() -> reports.participantsByFirstMonth(selection));
        Reports.HoursOutside outside = programme
                .map(target -> scope.read(
                        () -> reports.hoursOutside(programmeId, new Period(target.startDate(), target.endDate()))))
                .orElse(null);
        return answer.answer(
                () -> FollowUpView.of(report, scope.threshold(), runningTotal(months, programme.orElse(null)), outside),
                () -> ReportSheets.of(report),
                "uppfoljning-" + programmeId);
    }

    @GetMapping("/federation")
    @ApiResponse(responseCode = "404", description = "The caller's organisation is no federation reporting knows")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = FollowUpView.class)))
    ResponseEntity<?> federation(
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable UUID programmeId,
            @RequestParam(defaultValue = "json") String format) {
        Format answer = Format.of(format);
        Period period = period(from, to);
        Reader reader = ReportingPolicy.requireReportReader();
        Scope scope = scopeOf(reader, period);
        if (scope.federation() == null) {
            throw new NotFound("The organisation " + reader.tenant().value() + " is no federation reporting knows.");
        }
        Optional<ProgrammeTarget> programme = programmeId == null ? Optional.empty() : programmeOf(reader, programmeId);
        FollowUp report = scope.read(() -> reports.followUp(
                new Reports.Selection(programme.orElse(null), programmeId, period, scope.federation()),
                scope.smallCounts()));
        return answer.answer(
                () -> FollowUpView.of(report, scope.threshold()),
                () -> ReportSheets.of(report),
                "forbund-" + reader.tenant().value() + "-" + period.from() + "-" + period.to());
    }

    @GetMapping("/programmes/{programmeId}/monthly/{month}")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = MonthlyView.class)))
    ResponseEntity<?> monthly(
            @PathVariable UUID programmeId,
            @PathVariable String month,
            @RequestParam(defaultValue = "json") String format) {
        Format answer = Format.of(format);
        YearMonth reported = month("month", month);
        Reader reader = ReportingPolicy.requireReportReader().requireMayListPeople();
        Optional<ProgrammeTarget> programme = programmeOf(reader, programmeId);
        programme.ifPresent(target -> {
            if (reported.isBefore(YearMonth.from(target.startDate()))
                    || reported.isAfter(YearMonth.from(target.endDate()))) {
                throw new InvalidInput(
                        "month",
                        "lies outside the programme's period " + target.startDate() + " – " + target.endDate()
                                + ": the funder is not reported " + reported);
            }
        });
        Scope scope = programme.isPresent() && !reader.readsAsFederation()
                ? ownerScope(reader, programmeId)
                : scopeOf(reader, new Period(reported.atDay(1), reported.atEndOfMonth()));
        MonthlyReport report = scope.read(() -> {
            if (programme.isEmpty() && !reports.hasEnrolments(programmeId, scope.federation())) {
                throw NotFound.of("programme", programmeId);
            }
            return reports.monthly(programmeId, reported, scope.federation());
        });
        return answer.answer(
                () -> MonthlyView.of(report),
                () -> ReportSheets.of(report),
                "manadsrapport-" + programmeId + "-" + month);
    }

    /**
     * The programme's participants for the funder's participant list, which identity completes with their personal
     * identity numbers: only for the project leader of the programme's owner (the owning organisation's coordinator, or
     * the owning federation's federation coordinator). Anyone else gets 403 naming that rule; an unknown programme 404.
     */
    @GetMapping("/programmes/{programmeId}/participants")
    ParticipantsView participants(@PathVariable UUID programmeId) {
        Reader reader = ReportingPolicy.requireReportReader().requireMayListPeople();
        if (programmeOf(reader, programmeId).isEmpty()) {
            if (TenantContext.callAs(TenantScope.of(reader.tenant()), () -> reports.programmeKnown(programmeId))) {
                throw ReportingPolicy.notTheProjectLeaderOfTheOwner();
            }
            throw NotFound.of("programme", programmeId);
        }
        Scope scope = reader.readsAsFederation() ? scopeOf(reader, null) : ownerScope(reader, programmeId);
        return new ParticipantsView(
                programmeId, scope.read(() -> reports.participants(programmeId, scope.federation())));
    }

    /** The participants of a programme, as its owner reports them to the funder. */
    record ParticipantsView(UUID programmeId, List<ProgrammeParticipant> participants) {}

    @GetMapping("/paid-time")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PaidTimeView.class)))
    ResponseEntity<?> paidTime(
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable UUID programmeId,
            @RequestParam(defaultValue = "json") String format) {
        Format answer = Format.of(format);
        YearMonth first = month("from", from);
        YearMonth last = month("to", to);
        if (last.isBefore(first)) {
            throw new InvalidInput("to", "must not be before from");
        }
        Reader reader = ReportingPolicy.requireReportReader().requireMayListPeople();
        Scope scope = scopeOf(reader, new Period(first.atDay(1), last.atEndOfMonth()));
        PaidTimeEvidence report = scope.read(() -> reports.paidTime(first, last, programmeId, scope.federation()));
        return answer.answer(
                () -> PaidTimeView.of(report), () -> ReportSheets.of(report), "betald-arbetstid-" + from + "-" + to);
    }

    /**
     * The scope of the coordinator of an organisation that owns the programme: its own organisation and those whose
     * people it reports to the funder (the partners on its own offerings, and the members of its federations on
     * theirs), with exact counts. A federation reads as a federation instead: its members while they were members.
     */
    private Scope ownerScope(Reader reader, UUID programmeId) {
        TenantId owner = reader.tenant();
        List<TenantId> reported =
                TenantContext.callAs(TenantScope.of(owner), () -> reports.tenantsReportedBy(owner.value(), programmeId))
                        .stream()
                        .map(TenantId::of)
                        .toList();
        return new Scope(TenantScope.federation(owner, reported), null, null);
    }

    /**
     * The participants who had begun by the end of each month: from the programme's first month (or the first month
     * anyone began) to the last month of its period or this month, whichever comes first.
     */
    private List<Reports.MonthCount> runningTotal(
            List<Reports.MonthCount> byFirstMonth, @Nullable ProgrammeTarget programme) {
        if (byFirstMonth.isEmpty() && programme == null) {
            return List.of();
        }
        YearMonth now = YearMonth.now(clock.withZone(ZoneId.of("Europe/Stockholm")));
        YearMonth first = programme != null
                ? YearMonth.from(programme.startDate())
                : byFirstMonth.getFirst().month();
        YearMonth last =
                programme != null && YearMonth.from(programme.endDate()).isBefore(now)
                        ? YearMonth.from(programme.endDate())
                        : now;
        Map<YearMonth, Long> began = new HashMap<>();
        byFirstMonth.forEach(month -> began.merge(month.month(), month.participants(), Long::sum));
        long total = byFirstMonth.stream()
                .filter(month -> month.month().isBefore(first))
                .mapToLong(Reports.MonthCount::participants)
                .sum();
        List<Reports.MonthCount> running = new ArrayList<>();
        for (YearMonth month = first; !month.isAfter(last) && running.size() < 240; month = month.plusMonths(1)) {
            total += began.getOrDefault(month, 0L);
            running.add(new Reports.MonthCount(month, total));
        }
        return running;
    }

    private Optional<ProgrammeTarget> programmeOf(Reader reader, UUID programmeId) {
        return TenantContext.callAs(TenantScope.of(reader.tenant()), () -> reports.programme(programmeId));
    }

    /**
     * The scope a reader reads in: a federation's members over the period for a federation coordinator or an
     * integrator of a federation, else the reader's own organisation.
     */
    private Scope scopeOf(Reader reader, @Nullable Period period) {
        TenantId tenant = reader.tenant();
        if (reader.readsAsFederation()) {
            Optional<List<String>> members =
                    TenantContext.callAs(TenantScope.of(tenant), () -> reports.membersOf(tenant.value(), period));
            if (members.isPresent()) {
                return new Scope(
                        TenantScope.federation(
                                tenant, members.get().stream().map(TenantId::of).toList()),
                        tenant.value(),
                        smallCounts);
            }
        }
        return new Scope(TenantScope.of(tenant), null, null);
    }

    private static Period period(@Nullable String from, @Nullable String to) {
        LocalDate first = date("from", from);
        LocalDate last = date("to", to);
        if (last.isBefore(first)) {
            throw new InvalidInput("to", "must not be before from");
        }
        return new Period(first, last);
    }

    private static LocalDate date(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInput(field, "is required, a date such as 2021-01-01");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, "must be a date such as 2021-01-01");
        }
    }

    private static YearMonth month(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInput(field, "is required, a month such as 2021-03");
        }
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, "must be a month such as 2021-03");
        }
    }

    /** The tenant scope of a report, the federation it is read for, and the rule on small counts it follows. */
    private record Scope(
            TenantScope tenants,
            @Nullable String federation,
            @Nullable SmallCounts smallCounts) {

        <T> T read(Supplier<T> report) {
            return TenantContext.callAs(tenants, report);
        }

        @Nullable
        Integer threshold() {
            return smallCounts == null ? null : smallCounts.threshold();
        }
    }
}
