package se.samlyft.web.page;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates, times, months and numbers as the person reads them: in Swedish time (Europe/Stockholm) and in the page's
 * language, Swedish first ("7 september 2026", "6,5"). Templates reach it as {@code @formats}.
 */
@Component("formats")
public class Formats {

    /** The time zone every time is shown in. */
    public static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    /** Swedish, the language of every page unless the browser asks for English. */
    public static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");

    public String date(@Nullable Instant instant) {
        return instant == null
                ? ""
                : DateTimeFormatter.ofPattern("d MMMM yyyy", locale()).format(local(instant));
    }

    /** A date with its time of day, such as "14 december 2026 kl. 10:00" ("14 December 2026, 10:00"). */
    public String dateTime(@Nullable Instant instant) {
        if (instant == null) {
            return "";
        }
        String pattern = isSwedish() ? "d MMMM yyyy 'kl.' HH:mm" : "d MMMM yyyy, HH:mm";
        return DateTimeFormatter.ofPattern(pattern, locale()).format(local(instant));
    }

    /** A calendar date such as "1 augusti 2020". */
    public String day(java.time.@Nullable LocalDate day) {
        return day == null
                ? ""
                : DateTimeFormatter.ofPattern("d MMMM yyyy", locale()).format(day);
    }

    /** An amount of whole kronor with spaces between thousands, such as "6 388 583 kr". */
    public String kronor(long amount) {
        return NumberFormat.getIntegerInstance(locale()).format(amount) + (isSwedish() ? " kr" : " SEK");
    }

    /** A period from its first to its last day, each date in full. */
    public String period(@Nullable Instant from, @Nullable Instant to) {
        return date(from) + " – " + date(to);
    }

    /** A calendar month such as "september 2026", from the API's {@code 2026-09}. */
    public String month(@Nullable String month) {
        if (month == null) {
            return "";
        }
        return DateTimeFormatter.ofPattern("LLLL yyyy", locale()).format(YearMonth.parse(month));
    }

    public String month(YearMonth month) {
        return month(month.toString());
    }

    /** Hours with at most one decimal, in the language's own way ("6,5" in Swedish). */
    public String hours(@Nullable BigDecimal hours) {
        if (hours == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale());
        format.setMaximumFractionDigits(1);
        format.setMinimumFractionDigits(0);
        return format.format(hours);
    }

    private static java.time.ZonedDateTime local(Instant instant) {
        return instant.atZone(SWEDEN);
    }

    private static boolean isSwedish() {
        return locale().getLanguage().equals("sv");
    }

    private static Locale locale() {
        Locale locale = LocaleContextHolder.getLocale();
        return locale.getLanguage().equals("en") ? Locale.UK : SWEDISH;
    }
}
