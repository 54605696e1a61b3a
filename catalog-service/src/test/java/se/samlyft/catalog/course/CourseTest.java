package se.samlyft.catalog.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.samlyft.catalog.course.CourseFixture.course;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.samlyft.platform.problem.Conflict;
import se.samlyft.platform.problem.InvalidInput;
import se.samlyft.platform.tenancy.TenantId;

class CourseTest {

    private static final TenantId DOROTEA = TenantId.of("dorotea");
    private static final Instant NOW = Instant.parse("2026-09-01T07:00:00Z");

    private final Course draft = Course.draft(UUID.randomUUID(), DOROTEA, course().content());

    @Test
    void startsAsADraftAtVersionOneWithoutEvents() {
        assertThat(draft.status()).isEqualTo(CourseStatus.DRAFT);
        assertThat(draft.version()).isEqualTo(1);
        assertThat(draft.events()).isEmpty();
    }

    @Test
    void publishingADraftRaisesTheVersionAndRecordsThePublication() {
        draft.publish(NOW);

        assertThat(draft.status()).isEqualTo(CourseStatus.PUBLISHED);
        assertThat(draft.version()).isEqualTo(2);
        assertThat(draft.events())
                .singleElement()
                .isEqualTo(new CourseEvent.Published(draft.id(), DOROTEA, 2, draft.content(), NOW));
    }

    @Test
    void refusesToPublishACourseTwice() {
        draft.publish(NOW);

        assertThatThrownBy(() -> draft.publish(NOW))
                .isInstanceOf(Conflict.class)
                .hasMessageContaining("Only a draft can be published");
        assertThat(draft.version()).isEqualTo(2);
    }

    @Test
    void revisingADraftRecordsNoEventButRevisingAPublishedCourseDoes() {
        draft.revise(course("Dokumentera säkert, del 1").content(), NOW);
        assertThat(draft.events()).isEmpty();

        draft.publish(NOW);
        draft.revise(course("Dokumentera säkert, del 2").content(), NOW);

        assertThat(draft.version()).isEqualTo(4);
        assertThat(draft.events())
                .extracting(event -> event.getClass().getSimpleName())
                .containsExactly("Published", "Changed");
        assertThat(draft.events().getLast().content().title()).isEqualTo("Dokumentera säkert, del 2");
    }

    @Test
    void archivingAPublishedCourseRecordsItAndEndsItsChanges() {
        draft.publish(NOW);
        draft.archive(NOW);

        assertThat(draft.status()).isEqualTo(CourseStatus.ARCHIVED);
        assertThat(draft.events().getLast()).isInstanceOf(CourseEvent.Archived.class);
        assertThatThrownBy(() -> draft.revise(course().content(), NOW)).isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> draft.archive(NOW)).isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> draft.publish(NOW)).isInstanceOf(Conflict.class);
    }

    @Test
    void archivingANeverPublishedDraftTellsNobody() {
        draft.archive(NOW);

        assertThat(draft.status()).isEqualTo(CourseStatus.ARCHIVED);
        assertThat(draft.events()).isEmpty();
    }

    @Test
    void derivesTheEstimatedHoursFromTheModules() {
        CourseContent content =
                course().module("Övning: en genomförandeplan", 90).content();

        assertThat(content.estimatedHours()).isEqualByComparingTo(new BigDecimal("3.5"));
    }

    @Test
    void refusesABlankTitleNoModulesAndNonPositiveMinutes() {
        CourseContent valid = course().content();

        assertThatThrownBy(() -> course("  ").content())
                .isInstanceOf(InvalidInput.class)
                .satisfies(error -> assertThat(((InvalidInput) error).field()).contains("title"));
        assertThatThrownBy(() -> new CourseContent(
                        "Lyft och förflyttning", "", List.of(), List.of(), valid.format(), List.of(), false, "sv"))
                .isInstanceOf(InvalidInput.class)
                .satisfies(error -> assertThat(((InvalidInput) error).field()).contains("modules"));
        assertThatThrownBy(() -> new CourseModule("Förflyttningsteknik", -30))
                .isInstanceOf(InvalidInput.class)
                .satisfies(error -> assertThat(((InvalidInput) error).field()).contains("modules.estimatedMinutes"));
    }

    @Test
    void keepsThemesOnceAndInTheOrderGiven() {
        CourseContent content = course().themes("välfärdsteknik", " digital kompetens ", "välfärdsteknik")
                .content();

        assertThat(content.themes()).containsExactly("välfärdsteknik", "digital kompetens");
    }
}
