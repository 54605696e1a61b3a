package se.samlyft.web.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;

/**
 * reporting-service through the gateway: a programme's follow-up, the funder's monthly report, the paid-time evidence,
 * and each of them as a CSV or XLSX file as the service makes it.
 */
@Component
public class ReportingApi {

    private static final ParameterizedTypeReference<FollowUp> FOLLOW_UP = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<Monthly> MONTHLY = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<ReadModel> READ_MODEL = new ParameterizedTypeReference<>() {};

    private final Gateway gateway;

    ReportingApi(Gateway gateway) {
        this.gateway = gateway;
    }

    /**
     * A follow-up: participants against the planned number, the enrolments' outcomes, hours, the share rating 4–5, the
     * breakdowns (a count is a number, or a text such as "&lt;5" where it is hidden) and the participants month by
     * month since the programme began.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FollowUp(
            long participants,
            @Nullable Integer plannedParticipants,
            @Nullable BigDecimal percentOfPlanned,
            long started,
            long ongoing,
            long completed,
            long withdrawn,
            @Nullable BigDecimal completionRatePercent,
            BigDecimal hours,
            BigDecimal paidWorkingTimeHours,
            @Nullable BigDecimal hoursOutsidePeriod,
            long evaluations,
            long evaluationsRating4Or5,
            @Nullable BigDecimal shareRating4Or5Percent,
            @Nullable Integer smallCountThreshold,
            Map<String, Map<String, Object>> breakdowns,
            List<MonthCount> participantsByMonth) {

        public FollowUp {
            breakdowns = breakdowns == null ? Map.of() : Map.copyOf(breakdowns);
            participantsByMonth = participantsByMonth == null ? List.of() : List.copyOf(participantsByMonth);
        }

        /** One breakdown's counts by value, in the report's order. */
        public Map<String, Object> breakdown(String dimension) {
            return breakdowns.getOrDefault(dimension, Map.of());
        }
    }

    /** The participants who had begun by the end of a month, in all since the programme began. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MonthCount(String month, long participants) {}

    /** The funder's report of one month: who started and ended in it, and each participant's hours. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Monthly(
            UUID programmeId,
            String month,
            boolean resubmission,
            List<String> correctedMonths,
            boolean outsidePeriod,
            List<Started> started,
            List<Ended> ended,
            List<Hours> hours) {

        public Monthly {
            correctedMonths = correctedMonths == null ? List.of() : List.copyOf(correctedMonths);
            started = started == null ? List.of() : List.copyOf(started);
            ended = ended == null ? List.of() : List.copyOf(ended);
            hours = hours == null ? List.of() : List.copyOf(hours);
        }
    }

    /** A participant as the monthly report names them: a pseudonym and an organisation. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Participant(UUID participant, String organisation) {

        /** The pseudonym's first eight characters, enough to tell participants apart on a page. */
        public String shortPseudonym() {
            return participant.toString().substring(0, 8);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Started(
            Participant participant,
            LocalDate startedOn,
            @Nullable String sex,
            @Nullable String ageBand,
            @Nullable String educationLevel) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Ended(Participant participant, LocalDate endedOn, String state) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Hours(Participant participant, BigDecimal hours, BigDecimal paidHours) {}

    public FollowUp followUp(UUID programmeId) {
        return gateway.get(
                        uri -> uri.path("/api/reports/programmes/{id}/follow-up")
                                .build(programmeId),
                        FOLLOW_UP)
                .body();
    }

    public Monthly monthly(UUID programmeId, String month) {
        return gateway.get(
                        uri -> uri.path("/api/reports/programmes/{id}/monthly/{month}")
                                .build(programmeId, month),
                        MONTHLY)
                .body();
    }

    /** A report as a file: {@code format} is {@code csv} or {@code xlsx}. */
    public Gateway.Download followUpFile(UUID programmeId, String format) {
        return gateway.download(uri -> uri.path("/api/reports/programmes/{id}/follow-up")
                .queryParam("format", format)
                .build(programmeId));
    }

    public Gateway.Download monthlyFile(UUID programmeId, String month, String format) {
        return gateway.download(uri -> uri.path("/api/reports/programmes/{id}/monthly/{month}")
                .queryParam("format", format)
                .build(programmeId, month));
    }

    /** The paid-time evidence of the months {@code from} to {@code to} ({@code yyyy-MM}) as a file. */
    public Gateway.Download paidTimeFile(String from, String to, @Nullable UUID programmeId, String format) {
        return gateway.download(uri -> uri.path("/api/reports/paid-time")
                .queryParam("from", from)
                .queryParam("to", to)
                .queryParamIfPresent("programmeId", java.util.Optional.ofNullable(programmeId))
                .queryParam("format", format)
                .build());
    }

    /** The federation's view of a period ({@code from} and {@code to} are dates) as a file. */
    public Gateway.Download federationFile(String from, String to, String format) {
        return gateway.download(uri -> uri.path("/api/reports/federation")
                .queryParam("from", from)
                .queryParam("to", to)
                .queryParam("format", format)
                .build());
    }

    /** Which generation of the read model the reports read, which one a rebuild fills, and how far it has come. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ReadModel(
            int currentGeneration,
            @Nullable Integer buildingGeneration,
            @Nullable Progress progress) {

        public boolean rebuilding() {
            return buildingGeneration != null;
        }
    }

    /** A rebuild's progress: the records read of those the topics held when it began. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Progress(long read, long total) {

        public int percent() {
            return total == 0 ? 100 : (int) Math.min(100, read * 100 / total);
        }
    }

    public ReadModel readModel() {
        return gateway.get(uri -> uri.path("/api/reports/read-model").build(), READ_MODEL)
                .body();
    }

    /** Starts a rebuild of the read model (202), or refuses while one runs (409). */
    public void rebuild(Change change) {
        gateway.postForStatus(uri -> uri.path("/api/reports/read-model/rebuild").build(), null, change);
    }
}
