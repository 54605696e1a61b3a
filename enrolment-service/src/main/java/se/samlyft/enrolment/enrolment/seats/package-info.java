/**
 * The seat engine: the per-offering queues that batch seat work in this process, beside the lock that keeps an
 * offering's seats exact in the database.
 */
@NullMarked
package se.samlyft.enrolment.enrolment.seats;

import org.jspecify.annotations.NullMarked;
