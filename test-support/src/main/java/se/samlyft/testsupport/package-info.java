/** Real servers and helpers for Samlyft's tests: PostgreSQL, Kafka, a token issuer, and shared rules. */
@NullMarked
package se.samlyft.testsupport;

import org.jspecify.annotations.NullMarked;
