package se.samlyft.integration.subscription;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the owner may know of one of a subscription's signing secrets: when it was made, and until when it signs (never
 * the secret itself, which is shown once, when it is made).
 */
public record SecretInfo(
        int serial, Instant createdAt, @Nullable Instant expiresAt) {

    public Optional<Instant> expiry() {
        return Optional.ofNullable(expiresAt);
    }
}
