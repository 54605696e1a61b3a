/**
 * The transactional outbox: a service writes an integration event in the same database transaction as the state
 * change it reports, and a relay inside the service publishes it to Kafka afterwards.
 *
 * <h2>Use</h2>
 *
 * Inside a service's own {@code @Transactional} method, {@link se.samlyft.platform.outbox.Outbox#append} the event;
 * the auto-configuration provides the {@code Outbox} and starts the {@link se.samlyft.platform.outbox.OutboxRelay}.
 * Settings live under {@code samlyft.outbox} ({@link se.samlyft.platform.outbox.OutboxProperties}).
 *
 * <h2>On Kafka</h2>
 *
 * Each event is one record: a CloudEvent 1.0 in the Kafka binding's binary content mode (headers {@code ce_*} and
 * {@code content-type: application/json}, the JSON data as the value), keyed by the aggregate id on the producing
 * service's topic. The relay's producer is idempotent with {@code acks=all}; an event leaves the outbox only after the
 * broker acknowledged its record. Delivery is at least once: consumers apply a {@code ce_id} once.
 *
 * <h2>The table</h2>
 *
 * The platform ships {@code samlyft.outbox_event} as a Flyway repeatable migration,
 * {@code db/samlyft/R__samlyft_outbox.sql}, with the callback {@code afterMigrate__samlyft_outbox.sql} that grants the
 * application's role its rights, in the location every service already migrates ({@code classpath:db/samlyft}). A
 * repeatable migration cannot collide with a service's own {@code V1..Vn} numbering and runs after them; its
 * statements are idempotent. A service writes no migration of its own for the outbox.
 *
 * <h2>Tenancy</h2>
 *
 * The tenant of an event is its CloudEvents attribute {@code ce_tenantid}, and a transaction appends only events of
 * the tenants in its scope: the outbox refuses any other ({@link se.samlyft.platform.outbox.EventOutsideTenantScope}),
 * and a row-level security policy on inserts refuses it again in the database. Reading is not restricted: the relay
 * publishes the events of every tenant, in an explicit system scope (no tenant scope, logged when it starts), and
 * nothing but the relay reads the table. Its rows hold what goes to Kafka anyway: ids and facts, never personal data.
 */
@NullMarked
package se.samlyft.platform.outbox;

import org.jspecify.annotations.NullMarked;
