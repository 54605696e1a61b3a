package se.samlyft.integration.subscription.web;

import jakarta.validation.constraints.Size;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A new signing secret for a subscription.
 *
 * @param secret the owner's own new secret; a new one is made when it is left out
 * @param previousSecretValidFor how long the secrets signing now keep signing beside the new one (ISO 8601, for
 *     example {@code PT24H}; at most {@code P7D}, {@code PT0S} to stop them at once); the service's default (24 hours)
 *     when left out
 */
record RotationRequest(
        @Nullable @Size(max = 200) String secret, @Nullable Duration previousSecretValidFor) {}
