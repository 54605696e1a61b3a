/**
 * A tiny service inside the platform's tests: courses of the caller's tenant, kept in memory, with validated bodies,
 * a creating POST that clients may retry with an {@code Idempotency-Key}, and updates guarded by ETags. It runs on a
 * random port against a real PostgreSQL (for the idempotency keys) and trusts the tokens of {@code TestTokens}.
 */
@NullMarked
package se.samlyft.platform.problem.testapp;

import org.jspecify.annotations.NullMarked;
