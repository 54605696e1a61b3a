package se.samlyft.reporting.report.web;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import se.samlyft.platform.export.Sheet;
import se.samlyft.reporting.report.Breakdown;
import se.samlyft.reporting.report.FollowUp;
import se.samlyft.reporting.report.MonthlyReport;
import se.samlyft.reporting.report.PaidTimeEvidence;
import se.samlyft.reporting.report.Participation;
import se.samlyft.reporting.report.ShownCount;

/** The reports as the sheets of their exports, with the same figures as their JSON. */
final class ReportSheets {

    private ReportSheets() {}

    static List<Sheet> of(FollowUp report) {
        Participation counts = report.participation();
        Sheet.Builder summary = Sheet.titled("Sammanfattning", "Mått", "Värde");
        if (report.programme() != null) {
            summary.row("Program", report.programme().name())
                    .row("Projektnummer", report.programme().number())
                    .row("Planerade deltagare", (long) report.programme().plannedParticipants());
        }
        if (report.period() != null) {
            summary.row("Period från", report.period().from().toString())
                    .row("Period till", report.period().to().toString());
        }
        summary.row("Deltagare", counts.participants())
                .row("Andel av planerat (%)", report.percentOfPlanned())
                .row("Påbörjade", counts.started())
                .row("Pågående", counts.ongoing())
                .row("Slutförda", counts.completed())
                .row("Avbrutna", counts.withdrawn())
                .row("Slutförandegrad (%)", report.completionRatePercent())
                .row("Timmar totalt", counts.hours())
                .row("Timmar på betald arbetstid", counts.paidHours())
                .row("Utvärderingar", counts.evaluations())
                .row("Utvärderingar med betyg 4–5", counts.evaluationsRating4Or5())
                .row("Andel betyg 4–5 (%)", report.shareRating4Or5Percent());
        Sheet.Builder breakdowns = Sheet.titled("Fördelning", "Indelning", "Värde", "Deltagare");
        for (Breakdown breakdown : report.breakdowns()) {
            for (Map.Entry<String, ShownCount> count : breakdown.counts().entrySet()) {
                breakdowns.row(
                        Swedish.of(breakdown.dimension()),
                        Swedish.value(count.getKey()),
                        count.getValue().hidden()
                                ? count.getValue().toString()
                                : count.getValue().value());
            }
        }
        return List.of(summary.build(), breakdowns.build());
    }

    static List<Sheet> of(MonthlyReport report) {
        Sheet.Builder started = Sheet.titled(
                "Påbörjade",
                "Person-id",
                "Pseudonym",
                "Organisation",
                "Startdatum",
                "Kön",
                "Åldersgrupp",
                "Utbildningsnivå");
        report.started()
                .forEach(line -> started.row(
                        text(line.participant().personId()),
                        line.participant().participant().toString(),
                        line.participant().organisation(),
                        line.startedOn().toString(),
                        label(line.sex()),
                        label(line.ageBand()),
                        label(line.educationLevel())));
        Sheet.Builder ended =
                Sheet.titled("Avslutade", "Person-id", "Pseudonym", "Organisation", "Slutdatum", "Utfall");
        report.ended()
                .forEach(line -> ended.row(
                        text(line.participant().personId()),
                        line.participant().participant().toString(),
                        line.participant().organisation(),
                        line.endedOn().toString(),
                        Swedish.value(line.state())));
        Sheet.Builder hours =
                Sheet.titled("Timmar", "Person-id", "Pseudonym", "Organisation", "Timmar", "Varav betald arbetstid");
        report.hours()
                .forEach(line -> hours.row(
                        text(line.participant().personId()),
                        line.participant().participant().toString(),
                        line.participant().organisation(),
                        line.hours(),
                        line.paidHours()));
        Sheet.Builder resubmission = Sheet.titled("Omrapportering", "Månad", "Ska rapporteras om", "Korrigerad månad");
        if (report.correctedMonths().isEmpty()) {
            resubmission.row(report.month().toString(), "Nej", null);
        }
        report.correctedMonths()
                .forEach(month -> resubmission.row(report.month().toString(), "Ja", month.toString()));
        return List.of(started.build(), ended.build(), hours.build(), resubmission.build());
    }

    static List<Sheet> of(PaidTimeEvidence report) {
        Sheet.Builder lines = Sheet.titled(
                "Betald arbetstid",
                "Person-id",
                "Pseudonym",
                "Organisation",
                "Arbetsgivare",
                "Typ av arbetsgivare",
                "Månad",
                "Timmar på betald arbetstid");
        report.lines()
                .forEach(line -> lines.row(
                        text(line.personId()),
                        line.participant().toString(),
                        line.organisation(),
                        line.organisationName(),
                        Swedish.value(line.employer()),
                        line.month().toString(),
                        line.paidHours()));
        Sheet.Builder totals = Sheet.titled("Summor", "Typ av arbetsgivare", "Timmar på betald arbetstid");
        report.totalsByEmployer().forEach((employer, hours) -> totals.row(Swedish.value(employer), hours));
        totals.row("Totalt", report.total());
        return List.of(lines.build(), totals.build());
    }

    private static String label(@Nullable String code) {
        return code == null ? Swedish.UNKNOWN : Swedish.value(code);
    }

    private static @Nullable String text(@Nullable Object value) {
        return value == null ? null : value.toString();
    }
}
