/**
 * The enrolment history of the national dataset, written in the bench's JVM through enrolment-service's own seat desk,
 * domain and outbox (its Spring context, without web, Kafka listeners, relay or sweep), so that every move raises the
 * events the running service then relays.
 */
@NullMarked
package se.samlyft.bench.enrolments;

import org.jspecify.annotations.NullMarked;
