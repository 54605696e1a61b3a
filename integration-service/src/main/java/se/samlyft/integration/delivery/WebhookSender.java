package se.samlyft.integration.delivery;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Sends one webhook and tells how the receiver answered. */
public interface WebhookSender {

    Answer send(Request request);

    /**
     * One webhook: a POST of the body (a structured CloudEvent) to the target with the Standard Webhooks headers.
     *
     * @param webhookId the {@code webhook-id}: the event's id, the same on every attempt and replay
     * @param timestamp the {@code webhook-timestamp}: this attempt's time in seconds since the epoch
     * @param signature the {@code webhook-signature}
     */
    record Request(URI target, String webhookId, long timestamp, String signature, String body) {}

    /**
     * How an attempt went: the receiver's status code, or why there was none (the connection was refused, timed out,
     * or the target may not be called), how long it took, and the {@code Retry-After} it asked for.
     */
    record Answer(@Nullable Integer status, @Nullable String error, Duration took, Optional<Duration> retryAfter) {

        public boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }

        /** The receiver said it wants no more webhooks (410 Gone). */
        public boolean gone() {
            return status != null && status == 410;
        }

        /** The status code, or the reason for none, as the owner is shown it. */
        public String describe() {
            return status != null ? "HTTP " + status : String.valueOf(error);
        }
    }
}
