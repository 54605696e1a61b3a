package se.samlyft.integration.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.samlyft.integration.feed.EventTypeFilter;
import se.samlyft.integration.feed.FeedCursor;
import se.samlyft.platform.problem.Conflict;
import se.samlyft.platform.problem.InvalidInput;
import se.samlyft.platform.tenancy.TenantId;

class SubscriptionTest {

    private static final Set<String> PUBLISHED = Set.of(
            "se.samlyft.enrolment.enrolment-completed.v1",
            "se.samlyft.enrolment.enrolment-started.v1",
            "se.samlyft.catalog.course-published.v1");
    private static final Instant NOW = Instant.parse("2026-03-02T07:00:00Z");

    private final Subscription subscription = Subscription.create(
            SubscriptionId.of(UUID.randomUUID()),
            TenantId.of("arvidsjaur"),
            new FeedCursor(41),
            TargetUrl.parse("https://lon.arvidsjaur.se/samlyft"),
            EventTypeFilter.of(List.of("se.samlyft.enrolment.*"), PUBLISHED, "eventTypes"),
            "Lönesystemet: avslutade kurser",
            "arvidsjaur-samordnare",
            NOW);

    @Test
    void isPausedWithItsReasonAndResumedEachOnceWithANewVersion() {
        subscription.pause("The receiver answered 410 Gone.", NOW);

        assertThat(subscription.status()).isEqualTo(SubscriptionStatus.PAUSED);
        assertThat(subscription.pausedReason()).contains("The receiver answered 410 Gone.");
        assertThat(subscription.version()).isEqualTo(2);
        assertThatThrownBy(() -> subscription.pause("again", NOW)).isInstanceOf(Conflict.class);

        subscription.resume();

        assertThat(subscription.status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(subscription.pausedReason()).isEmpty();
        assertThat(subscription.version()).isEqualTo(3);
        assertThatThrownBy(subscription::resume).isInstanceOf(Conflict.class);
    }

    @Test
    void takesTheTypesOfItsFilterOnly() {
        assertThat(subscription.types().matches("se.samlyft.enrolment.enrolment-completed.v1"))
                .isTrue();
        assertThat(subscription.types().matches("se.samlyft.enrolment.enrolment-paused.v1"))
                .isTrue();
        assertThat(subscription.types().matches("se.samlyft.catalog.course-published.v1"))
                .isFalse();
        assertThat(subscription.types().matches("se.samlyft.enrolmentx.a.v1")).isFalse();
    }

    @Test
    void refusesAFilterThatNamesNothingPublished() {
        assertThatThrownBy(() -> EventTypeFilter.of(List.of(), PUBLISHED, "eventTypes"))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> EventTypeFilter.of(List.of("se.samlyft.identity.*"), PUBLISHED, "eventTypes"))
                .hasMessageContaining("se.samlyft.identity.*");
        assertThat(EventTypeFilter.of(List.of("se.samlyft.*", "se.samlyft.*"), PUBLISHED, "types")
                        .patterns())
                .containsExactly("se.samlyft.*");
    }
}
