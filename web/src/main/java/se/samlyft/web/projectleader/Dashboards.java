package se.samlyft.web.projectleader;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import se.samlyft.web.api.CatalogApi;
import se.samlyft.web.api.IdentityApi;
import se.samlyft.web.api.ReportingApi;
import se.samlyft.web.page.Formats;
import se.samlyft.web.page.ProblemMessages;
import se.samlyft.web.page.SwedishOrder;

/**
 * A programme's dashboard from its follow-up: participants against the planned number month by month, by sex and by
 * age band, by member against the seats its offerings hold for the member, and the completion rate and the share
 * rating usefulness 4–5. Every figure is the report API's, unchanged; only the words are the page's.
 */
@Component
class Dashboards {

    private static final List<String> SEXES = List.of("WOMAN", "MAN", "NON_BINARY", "NOT_STATED");
    private static final List<String> AGE_BANDS = List.of("<25", "25-34", "35-44", "45-54", "55-64", "65+");

    private final ProblemMessages texts;
    private final IdentityApi identity;
    private final Formats formats;

    Dashboards(ProblemMessages texts, IdentityApi identity, Formats formats) {
        this.texts = texts;
        this.identity = identity;
        this.formats = formats;
    }

    List<Chart> of(CatalogApi.Programme programme, ReportingApi.FollowUp report, List<CatalogApi.Offering> funded) {
        return List.of(
                overTime(programme, report),
                byValue("per-kon", "dashboard.sex", "dashboard.sex.label", report.breakdown("SEX"), SEXES, "sex."),
                byValue(
                        "per-alder",
                        "dashboard.age",
                        "dashboard.age.label",
                        report.breakdown("AGE_BAND"),
                        AGE_BANDS,
                        "age."),
                byMember(report, funded),
                outcomes(report));
    }

    private Chart overTime(CatalogApi.Programme programme, ReportingApi.FollowUp report) {
        List<Chart.Row> rows = new ArrayList<>();
        for (ReportingApi.MonthCount month : report.participantsByMonth()) {
            rows.add(new Chart.Row(
                    formats.month(YearMonth.parse(month.month())),
                    List.of(number(month.participants()), number(programme.plannedParticipants()))));
        }
        return new Chart(
                "over-tid",
                "line",
                texts.message("dashboard.over-time"),
                texts.message("dashboard.month"),
                List.of(texts.message("dashboard.participants"), texts.message("dashboard.planned")),
                rows,
                "");
    }

    /** A breakdown in a fixed order of its codes, then any other value the report has (such as unknown). */
    private Chart byValue(
            String id, String title, String label, Map<String, Object> counts, List<String> order, String wordPrefix) {
        Map<String, Object> ordered = new LinkedHashMap<>();
        order.forEach(code -> ordered.put(code, counts.getOrDefault(code, 0L)));
        counts.forEach(ordered::putIfAbsent);
        List<Chart.Row> rows = new ArrayList<>();
        ordered.forEach((code, count) -> rows.add(new Chart.Row(word(wordPrefix, code), List.of(count(count)))));
        return new Chart(
                id,
                "bar",
                texts.message(title),
                texts.message(label),
                List.of(texts.message("dashboard.participants")),
                rows,
                "");
    }

    /**
     * Each member's participants against the seats the programme's offerings hold for it (their quotas summed); a
     * member without a quota shows 0 seats held.
     */
    private Chart byMember(ReportingApi.FollowUp report, List<CatalogApi.Offering> funded) {
        Map<String, Long> seats = new LinkedHashMap<>();
        funded.forEach(offering ->
                offering.quotas().forEach(quota -> seats.merge(quota.tenant(), (long) quota.seats(), Long::sum)));
        Map<String, Object> participants = report.breakdown("ORGANISATION");
        List<String> members = new ArrayList<>(participants.keySet());
        seats.keySet().stream().filter(tenant -> !members.contains(tenant)).forEach(members::add);
        members.sort(SwedishOrder.by(identity::nameOf));
        List<Chart.Row> rows = new ArrayList<>();
        for (String member : members) {
            rows.add(new Chart.Row(
                    identity.nameOf(member),
                    List.of(count(participants.getOrDefault(member, 0L)), number(seats.getOrDefault(member, 0L)))));
        }
        return new Chart(
                "per-medlem",
                "bar",
                texts.message("dashboard.members"),
                texts.message("dashboard.member"),
                List.of(texts.message("dashboard.participants"), texts.message("dashboard.quota")),
                rows,
                "");
    }

    private Chart outcomes(ReportingApi.FollowUp report) {
        return new Chart(
                "utfall",
                "bar",
                texts.message("dashboard.outcomes"),
                texts.message("dashboard.measure"),
                List.of(texts.message("dashboard.share")),
                List.of(
                        new Chart.Row(
                                texts.message("dashboard.completion", report.completed(), report.started()),
                                List.of(percent(report.completionRatePercent()))),
                        new Chart.Row(
                                texts.message(
                                        "dashboard.usefulness", report.evaluationsRating4Or5(), report.evaluations()),
                                List.of(percent(report.shareRating4Or5Percent())))),
                "%");
    }

    private String word(String prefix, String code) {
        return texts.messageOr(prefix + code, code);
    }

    private static Chart.Cell number(long value) {
        return new Chart.Cell(value, String.valueOf(value));
    }

    /** A breakdown's count: a number, or the text that hides it. */
    private static Chart.Cell count(@Nullable Object count) {
        if (count instanceof Number number) {
            return new Chart.Cell(number.longValue(), String.valueOf(number.longValue()));
        }
        return new Chart.Cell(null, count == null ? "0" : count.toString());
    }

    private Chart.Cell percent(@Nullable BigDecimal value) {
        if (value == null) {
            return new Chart.Cell(null, "–");
        }
        return new Chart.Cell(value, formats.hours(value) + " %");
    }
}
