package se.samlyft.integration.delivery;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What became of one attempt: the delivery is done, waits for its next attempt, or failed for good after retrying for
 * the whole period (which pauses its subscription, as does a receiver that answers 410 Gone).
 *
 * @param startedAt when the attempt began
 * @param nextAttemptAt when to try again; null when the delivery is done or failed for good
 * @param pauseReason why the subscription is paused by this outcome, if it is
 */
public record Outcome(
        DueDelivery delivery,
        Instant startedAt,
        WebhookSender.Answer answer,
        @Nullable Instant nextAttemptAt,
        @Nullable String pauseReason) {

    public Optional<String> pause() {
        return Optional.ofNullable(pauseReason);
    }
}
