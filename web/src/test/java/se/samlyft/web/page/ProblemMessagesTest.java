package se.samlyft.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import se.samlyft.web.api.ApiProblem;

class ProblemMessagesTest {

    private final ProblemMessages messages = new ProblemMessages(bundles());

    private static ResourceBundleMessageSource bundles() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    @AfterEach
    void swedishAgain() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void putsAnInvalidFieldsMessageAtTheFormsOwnFieldInSwedish() {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("sv-SE"));
        ApiProblem problem = new ApiProblem(
                400,
                "Invalid request",
                List.of(new ApiProblem.FieldProblem("usefulness", "must be from 1 to 5")),
                null,
                "c-1");

        FormErrors errors = messages.of(problem, Map.of("usefulness", "betyg"));

        assertThat(errors.of("betyg")).isEqualTo("Välj ett betyg från 1 till 5.");
        assertThat(errors.has("usefulness")).isFalse();
        assertThat(errors.general()).isEmpty();
    }

    @Test
    void tellsAConflictByWhatHappenedAndNeverShowsTheApisEnglish() {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("sv-SE"));
        ApiProblem enrolled = new ApiProblem(
                409,
                "The person is enrolled on this offering already (enrolment 7d0a, WAITLISTED).",
                List.of(),
                null,
                null);
        ApiProblem other =
                new ApiProblem(409, "An enrolment that is withdrawn cannot be paused.", List.of(), null, null);

        assertThat(messages.of(enrolled).general())
                .containsExactly(
                        "Du är redan anmäld till det här kurstillfället. Du hittar anmälan under Mina utbildningar.");
        assertThat(messages.of(other).general().getFirst())
                .startsWith("Det gick inte eftersom läget har ändrats")
                .doesNotContain("withdrawn");
    }

    @Test
    void aBusyPlatformOrAStalePageEachHaveTheirOwnMessage() {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("sv-SE"));

        assertThat(messages.of(new ApiProblem(429, "Too many", List.of(), Duration.ofSeconds(3), null))
                        .general())
                .containsExactly("Samlyft är upptaget just nu. Ingenting har ändrats – försök igen om en stund.");
        assertThat(messages.of(new ApiProblem(412, "Stale", List.of(), null, null))
                        .general()
                        .getFirst())
                .startsWith("Någon har ändrat det här");
    }

    @Test
    void speaksEnglishToAnEnglishPage() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        ApiProblem problem = new ApiProblem(
                400, "Invalid", List.of(new ApiProblem.FieldProblem("reason", "must be given")), null, null);

        assertThat(messages.of(problem).of("reason")).startsWith("Write a reason for declining");
    }
}
