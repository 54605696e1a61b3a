package se.samlyft.integration.delivery.persistence;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import se.samlyft.integration.delivery.Deliveries;
import se.samlyft.integration.delivery.DueDelivery;
import se.samlyft.integration.delivery.Outcome;
import se.samlyft.integration.subscription.SigningSecret;
import se.samlyft.integration.subscription.SubscriptionId;
import se.samlyft.integration.subscription.SubscriptionStatus;
import se.samlyft.integration.subscription.Subscriptions;
import se.samlyft.platform.tenancy.TenantContext;
import se.samlyft.platform.tenancy.TenantId;
import se.samlyft.platform.tenancy.TenantScope;

/**
 * Deliveries in PostgreSQL. Claiming goes through {@code claim_deliveries}, which runs with the owner's rights across
 * tenants and answers ids and tenants only; loading and recording run in each tenant's scope, under row-level
 * security. Outcomes are written a batch at a time, one statement each for the attempts, the deliveries and the
 * postponed lanes, and only for deliveries whose lease is still the one they were claimed with. The ids and leases
 * come in as {@code uuid[]}, never as text cast in the join: under row-level security PostgreSQL may not push a
 * condition with a function that is not leakproof (a text-to-uuid cast) below the policy, and would scan every
 * delivery of the tenant for each batch instead of looking up the batch's rows by key.
 */
@Repository
class JdbcDeliveries implements Deliveries {

    private static final String LOAD = """
            select d.id, d.subscription_id, d.event_id, e.body, s.target_url, d.retry_from,
                (select count(*) from delivery_attempt a where a.delivery_id = d.id and a.started_at >= d.retry_from)
                    as attempts
            from delivery d
            join feed_event e on e.tenant_id = d.tenant_id and e.position = d.position
            join subscription s on s.id = d.subscription_id
            where d.id = any (?::uuid[]) and d.lease = ? and d.status = 'PENDING'
            order by d.position, d.seq""";

    static final String RECORD_ATTEMPTS = """
            insert into delivery_attempt (delivery_id, tenant_id, attempt, started_at, duration_ms, status_code, error)
            select d.id, d.tenant_id, d.attempts + 1, x.started_at::timestamptz, x.duration_ms::integer,
                x.status_code::integer, x.error
            from unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[])
                as x(id, lease, started_at, duration_ms, status_code, error)
            join delivery d on d.id = x.id and d.lease = x.lease""";

    static final String RECORD_DELIVERIES = """
            update delivery d set status = x.status, attempts = d.attempts + 1,
                next_attempt_at = coalesce(x.next_attempt_at::timestamptz, d.next_attempt_at),
                delivered_at = x.delivered_at::timestamptz, last_status = x.status_code::integer, last_error = x.error,
                lease = null, leased_until = null
            from unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                as x(id, lease, status, next_attempt_at, delivered_at, status_code, error)
            where d.id = x.id and d.lease = x.lease""";

    /** The rest of a lane waits at least as long as its head, so that claims do not look at it meanwhile. */
    static final String POSTPONE_LANES = """
            update delivery e set next_attempt_at = greatest(e.next_attempt_at, x.next_attempt_at::timestamptz)
            from unnest(?::uuid[], ?::text[]) as x(id, next_attempt_at)
            join delivery d on d.id = x.id
            where e.subscription_id = d.subscription_id and e.aggregate_key = d.aggregate_key
              and e.status = 'PENDING' and e.id <> d.id""";

    private static final String VIEW = """
            select d.id, d.event_id, e.type, d.status, d.attempts, d.last_status, d.last_error, d.created_at,
                case when d.status = 'PENDING' and d.next_attempt_at < 'infinity' then d.next_attempt_at end
                    as next_attempt_at,
                d.delivered_at
            from delivery d join feed_event e on e.tenant_id = d.tenant_id and e.position = d.position""";

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Subscriptions subscriptions;

    JdbcDeliveries(JdbcClient jdbc, PlatformTransactionManager transactions, Subscriptions subscriptions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.subscriptions = subscriptions;
    }

    @Override
    public List<Claim> claim(int limit, Duration lease, UUID leaseId) {
        List<Claim> claims = TenantContext.callAs(
                TenantScope.none(),
                () -> transaction.execute(status -> jdbc.sql(
                                "select delivery_id, delivery_tenant from claim_deliveries(?, ?, ?)")
                        .params(limit, (int) Math.max(1, lease.toSeconds()), leaseId)
                        .query((row, number) -> new Claim(
                                row.getObject("delivery_id", UUID.class),
                                TenantId.of(row.getString("delivery_tenant"))))
                        .list()));
        return claims == null ? List.of() : claims;
    }

    @Override
    public List<DueDelivery> load(TenantId tenant, List<UUID> ids, UUID leaseId, Instant at) {
        List<DueDelivery> due = inScope(tenant, () -> {
            Map<SubscriptionId, List<SigningSecret>> secrets = new HashMap<>();
            List<Row> rows = jdbc.sql(LOAD)
                    .params(ids.stream().map(UUID::toString).toArray(String[]::new), leaseId)
                    .query((row, number) -> row(row))
                    .list();
            List<DueDelivery> loaded = new ArrayList<>();
            for (Row row : rows) {
                List<SigningSecret> signing = secrets.computeIfAbsent(
                        row.subscription(), subscription -> subscriptions.signingSecrets(subscription, at));
                loaded.add(new DueDelivery(
                        row.id(),
                        leaseId,
                        tenant,
                        row.subscription(),
                        row.eventId(),
                        row.body(),
                        row.target(),
                        signing,
                        row.attempts(),
                        row.retryFrom()));
            }
            return loaded;
        });
        return due == null ? List.of() : due;
    }

    @Override
    public void record(TenantId tenant, List<Outcome> outcomes) {
        inScope(tenant, () -> {
            jdbc.sql(RECORD_ATTEMPTS)
                    .params(
                            texts(outcomes, outcome -> outcome.delivery().id()),
                            texts(outcomes, outcome -> outcome.delivery().lease()),
                            texts(outcomes, Outcome::startedAt),
                            texts(outcomes, outcome -> outcome.answer().took().toMillis()),
                            texts(outcomes, outcome -> outcome.answer().status()),
                            texts(outcomes, outcome -> outcome.answer().error()))
                    .update();
            jdbc.sql(RECORD_DELIVERIES)
                    .params(
                            texts(outcomes, outcome -> outcome.delivery().id()),
                            texts(outcomes, outcome -> outcome.delivery().lease()),
                            texts(outcomes, JdbcDeliveries::status),
                            texts(outcomes, Outcome::nextAttemptAt),
                            texts(outcomes, outcome -> outcome.answer().delivered() ? endOf(outcome) : null),
                            texts(outcomes, outcome -> outcome.answer().status()),
                            texts(outcomes, outcome -> outcome.answer().error()))
                    .update();
            List<Outcome> retried = outcomes.stream()
                    .filter(outcome -> outcome.nextAttemptAt() != null)
                    .toList();
            if (!retried.isEmpty()) {
                jdbc.sql(POSTPONE_LANES)
                        .params(
                                texts(retried, outcome -> outcome.delivery().id()),
                                texts(retried, Outcome::nextAttemptAt))
                        .update();
            }
            Map<SubscriptionId, Outcome> pausing = new LinkedHashMap<>();
            outcomes.forEach(outcome -> outcome.pause()
                    .ifPresent(reason -> pausing.putIfAbsent(outcome.delivery().subscription(), outcome)));
            pausing.forEach((subscription, outcome) -> subscriptions.modify(subscription, found -> {
                if (found.status() == SubscriptionStatus.ACTIVE) {
                    found.pause(outcome.pause().orElseThrow(), endOf(outcome));
                }
            }));
            return null;
        });
    }

    @Override
    @Transactional(readOnly = true)
    public List<DeliveryView> page(SubscriptionId subscription, @Nullable String status, int page, int size) {
        return jdbc.sql(VIEW + " where d.subscription_id = ? and (?::text is null or d.status = ?)"
                        + " order by d.seq desc limit ? offset ?")
                .params(subscription.value(), status, status, size, (long) page * size)
                .query((row, number) -> view(row))
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public long count(SubscriptionId subscription, @Nullable String status) {
        return jdbc.sql("select count(*) from delivery where subscription_id = ? and (?::text is null or status = ?)")
                .params(subscription.value(), status, status)
                .query(Long.class)
                .single();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<DeliveryView> find(SubscriptionId subscription, UUID id) {
        return jdbc.sql(VIEW + " where d.subscription_id = ? and d.id = ?")
                .params(subscription.value(), id)
                .query((row, number) -> view(row))
                .optional();
    }

    @Override
    @Transactional(readOnly = true)
    public List<AttemptView> attempts(UUID delivery) {
        return jdbc.sql("""
                        select attempt, started_at, duration_ms, status_code, error from delivery_attempt
                        where delivery_id = ? order by attempt""")
                .param(delivery)
                .query((row, number) -> new AttemptView(
                        row.getInt("attempt"),
                        row.getTimestamp("started_at").toInstant(),
                        row.getLong("duration_ms"),
                        (Integer) row.getObject("status_code"),
                        row.getString("error")))
                .list();
    }

    private <T> @Nullable T inScope(TenantId tenant, Supplier<T> work) {
        return TenantContext.callAs(TenantScope.of(tenant), () -> transaction.execute(status -> work.get()));
    }

    private static String status(Outcome outcome) {
        if (outcome.answer().delivered()) {
            return "DELIVERED";
        }
        return outcome.nextAttemptAt() == null ? "FAILED" : "PENDING";
    }

    private static Instant endOf(Outcome outcome) {
        return outcome.startedAt().plus(outcome.answer().took());
    }

    private static String[] texts(List<Outcome> outcomes, Function<Outcome, @Nullable Object> value) {
        return outcomes.stream()
                .map(value)
                .map(item -> item == null ? null : item.toString())
                .toArray(String[]::new);
    }

    private static Row row(ResultSet row) throws SQLException {
        return new Row(
                row.getObject("id", UUID.class),
                SubscriptionId.of(row.getObject("subscription_id", UUID.class)),
                row.getString("event_id"),
                row.getString("body"),
                URI.create(row.getString("target_url")),
                row.getInt("attempts"),
                row.getTimestamp("retry_from").toInstant());
    }

    private static DeliveryView view(ResultSet row) throws SQLException {
        Timestamp next = row.getTimestamp("next_attempt_at");
        Timestamp delivered = row.getTimestamp("delivered_at");
        return new DeliveryView(
                row.getObject("id", UUID.class),
                row.getString("event_id"),
                row.getString("type"),
                row.getString("status"),
                row.getInt("attempts"),
                (Integer) row.getObject("last_status"),
                row.getString("last_error"),
                row.getTimestamp("created_at").toInstant(),
                next == null ? null : next.toInstant(),
                delivered == null ? null : delivered.toInstant());
    }

    private record Row(
            UUID id,
            SubscriptionId subscription,
            String eventId,
            String body,
            URI target,
            int attempts,
            Instant retryFrom) {}
}
