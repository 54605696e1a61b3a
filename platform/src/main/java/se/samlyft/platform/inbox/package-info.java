/**
 * Events in: every Kafka listener of a service is an idempotent consumer.
 *
 * <ul>
 *   <li>{@link se.samlyft.platform.inbox.InboundEvent} reads a CloudEvents 1.0 record (binary content mode, JSON
 *       data) and refuses one that is not, with a {@link se.samlyft.platform.inbox.MalformedEventException}.
 *   <li>{@link se.samlyft.platform.inbox.Inbox} applies an event once per consumer: the effect and the row in {@code
 *       samlyft.processed_event} commit in one transaction, in the tenant scope named by the event's {@code tenantid}.
 *       The table comes with the platform's Flyway location ({@code R__samlyft_inbox.sql}); it holds consumer names
 *       and event ids only, no tenant data, and has no row-level security, so that a duplicate is found whatever the
 *       scope. An event of no tenant runs in the empty scope, which shows and admits no tenant's rows. A listener of
 *       polls ({@code batch = "true"}) hands its records to {@link se.samlyft.platform.inbox.Inbox#handlePoll}: one
 *       transaction and one flush to disk for the whole poll, each event still in its own scope, and a record that
 *       fails is named to the error handler after the ones before it have committed.
 *   <li>{@link se.samlyft.platform.inbox.VersionedUpsert} keeps a projection from going back to an older version of an
 *       aggregate when an old event arrives late.
 *   <li>Failures are retried with exponential back-off, then the record goes to {@link
 *       se.samlyft.platform.inbox.DeadLetterTopics its dead-letter topic} and the partition moves on; {@link
 *       se.samlyft.platform.inbox.ConsumerProperties} ({@code samlyft.consumer.*}) holds the settings.
 * </ul>
 */
@NullMarked
package se.samlyft.platform.inbox;

import org.jspecify.annotations.NullMarked;
