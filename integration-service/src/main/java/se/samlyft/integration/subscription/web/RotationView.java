package se.samlyft.integration.subscription.web;

import java.time.Instant;

/** A new signing secret, shown this once, and until when the secrets before it keep signing beside it. */
record RotationView(String secret, Instant previousSecretsValidUntil) {}
