package se.samlyft.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

class FormatsTest {

    private final Formats formats = new Formats();

    @AfterEach
    void swedishAgain() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void showsTimesInSwedishTimeAndWords() {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("sv-SE"));
        Instant summer = Instant.parse("2026-09-07T06:00:00Z");
        Instant winter = Instant.parse("2026-12-14T23:30:00Z");

        assertThat(formats.dateTime(summer)).isEqualTo("7 september 2026 kl. 08:00");
        assertThat(formats.date(winter)).as("past midnight in Sweden").isEqualTo("15 december 2026");
        assertThat(formats.month("2026-12")).isEqualTo("december 2026");
        assertThat(formats.hours(new BigDecimal("6.50"))).isEqualTo("6,5");
    }

    @Test
    void showsThemInEnglishToAnEnglishPage() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);

        assertThat(formats.dateTime(Instant.parse("2026-09-07T06:00:00Z"))).isEqualTo("7 September 2026, 08:00");
        assertThat(formats.hours(new BigDecimal("6.5"))).isEqualTo("6.5");
    }

    @Test
    void sortsNamesAsASwedishReaderExpects() {
        Comparator<String> swedish = SwedishOrder.by(name -> name);

        assertThat(List.of("Öberg", "Åberg", "Ahlström", "Zetterlund", "Ärlig").stream()
                        .sorted(swedish)
                        .toList())
                .containsExactly("Ahlström", "Zetterlund", "Åberg", "Ärlig", "Öberg");
    }
}
