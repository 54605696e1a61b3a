package se.samlyft.web.page;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Times as forms take them: a date and time of day in Sweden ({@code datetime-local}, "2026-09-07T08:00"), which the
 * APIs want as an instant, and dates ("2026-09-07"). What does not parse is empty, for the form to say so at its
 * field.
 */
public final class LocalTimes {

    private static final DateTimeFormatter FIELD = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private LocalTimes() {}

    /** The instant of a Swedish date and time of day as a {@code datetime-local} field sends it. */
    public static Optional<Instant> instant(@Nullable String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(typed.strip().replace(' ', 'T'))
                    .atZone(Formats.SWEDEN)
                    .toInstant());
        } catch (DateTimeParseException notATime) {
            return Optional.empty();
        }
    }

    /** An instant as a {@code datetime-local} field shows it, in Swedish time, to the minute. */
    public static String field(@Nullable Instant instant) {
        return instant == null
                ? ""
                : FIELD.format(instant.atZone(Formats.SWEDEN).toLocalDateTime().truncatedTo(ChronoUnit.MINUTES));
    }

    public static Optional<LocalDate> date(@Nullable String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(typed.strip()));
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }

    /** A whole number as typed, spaces allowed ("1 200"); empty when it is none. */
    public static Optional<Long> wholeNumber(@Nullable String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String digits = typed.replace('\u00a0', ' ').replace(" ", "").strip();
        if (!digits.matches("-?[0-9]{1,15}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(digits));
    }
}
