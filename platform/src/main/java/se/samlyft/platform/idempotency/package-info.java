/**
 * {@code Idempotency-Key} for creating requests: a client that may retry a POST sends a key of its choosing (a UUID,
 * 1 to 255 visible ASCII characters), and every retry with the same key gets the first response instead of creating
 * a second object.
 *
 * <ul>
 *   <li>Same key, same request (method, path with query, body; compared by SHA-256): the first response is replayed
 *       with its status, body and {@code Location}, {@code Content-Type}, {@code ETag} and similar headers, marked
 *       {@code Idempotent-Replayed: true}.
 *   <li>Same key, another request: 422. Same key while the first request is still running: 409 with
 *       {@code Retry-After}.
 *   <li>Only answers below 400 are kept. An error means the request changed nothing (its transaction rolled back), so
 *       the key is released and a retry, perhaps with a corrected body, runs again.
 *   <li>A key belongs to the tenant and the subject of the token: the same key from another caller is another key. A
 *       caller without a tenant, whose requests see no data, passes untouched.
 *   <li>Keys expire after {@code samlyft.idempotency.expire-after} (default 24 hours); an expired key is a new key.
 *       Every {@code samlyft.idempotency.cleanup-interval} (default 1 hour) expired keys are deleted, by one replica
 *       at a time (an advisory lock in the purge function). A key
 *       whose request never answered (its process died) may be taken over by a retry with the same body after
 *       {@code samlyft.idempotency.in-flight-timeout} (default 5 minutes). {@code samlyft.idempotency.enabled=false}
 *       switches it all off.
 * </ul>
 *
 * <p>Storage: the table {@code samlyft.idempotency_key} in the service's own PostgreSQL database, created by the
 * repeatable migration {@code db/samlyft/R__samlyft_idempotency.sql}. The platform's {@code db/samlyft} location is in
 * every service's Flyway locations, and a repeatable migration cannot collide with the service's own versioned ones,
 * so every service gets the table without doing anything; the migration is written to be safe to run again. The table
 * lives in its own schema {@code samlyft}, apart from the service's tables, and has a {@code tenant_id} with the same
 * row-level security policy as the services' tables: the application's role reads and writes it only in transactions
 * scoped to the caller's tenant. Deleting expired keys needs no tenant: it calls a {@code security definer} function,
 * owned by the migrating role, that deletes expired rows and can do nothing else.
 * {@code db/samlyft/afterMigrate__samlyft_idempotency.sql} grants the application's role its rights.
 *
 * <p>A service does nothing to use it: a controller's POST is deduplicated as soon as a client sends the header.
 */
@NullMarked
package se.samlyft.platform.idempotency;

import org.jspecify.annotations.NullMarked;
