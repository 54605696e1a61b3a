package se.samlyft.integration.subscription.persistence;

import java.net.URI;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import se.samlyft.integration.feed.EventTypeFilter;
import se.samlyft.integration.feed.FeedCursor;
import se.samlyft.integration.subscription.DeliveryCounts;
import se.samlyft.integration.subscription.SecretCipher;
import se.samlyft.integration.subscription.SecretInfo;
import se.samlyft.integration.subscription.SigningSecret;
import se.samlyft.integration.subscription.Subscription;
import se.samlyft.integration.subscription.SubscriptionId;
import se.samlyft.integration.subscription.SubscriptionStatus;
import se.samlyft.integration.subscription.Subscriptions;
import se.samlyft.integration.subscription.TargetUrl;
import se.samlyft.platform.tenancy.TenantId;
import se.samlyft.platform.web.Page;

/**
 * Subscriptions in PostgreSQL, under row-level security. A subscription is locked {@code for update} while it changes,
 * which waits for a feed append that is reading it (an append reads the tenant's subscriptions {@code for key share}):
 * a pause or resume and the deliveries it holds back or lets go are never crossed by a delivery queued meanwhile.
 */
@Repository
class JdbcSubscriptions implements Subscriptions {

    private static final String COLUMNS = """
            id, tenant_id, target_url, event_types, description, status, paused_reason, paused_at, start_position,
            created_at, created_by, version""";

    private final JdbcClient jdbc;
    private final SecretCipher cipher;

    JdbcSubscriptions(JdbcClient jdbc, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    @Override
    @Transactional
    public Subscription add(
            TenantId tenant, Function<FeedCursor, Subscription> create, SigningSecret secret, Instant at) {
        jdbc.sql("insert into feed_head (tenant_id, last_position) values (?, 0) on conflict (tenant_id) do nothing")
                .param(tenant.value())
                .update();
        long position = jdbc.sql("select last_position from feed_head where tenant_id = ? for share")
                .param(tenant.value())
                .query(Long.class)
                .single();
        Subscription subscription = create.apply(new FeedCursor(position));
        jdbc.sql("insert into subscription (" + COLUMNS + ") values (?, ?, ?, ?::text[], ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        subscription.id().value(),
                        tenant.value(),
                        subscription.target().toString(),
                        subscription.types().patterns().toArray(String[]::new),
                        subscription.description().orElse(null),
                        subscription.status().name(),
                        subscription.pausedReason().orElse(null),
                        timestamp(subscription.pausedAt().orElse(null)),
                        subscription.start().position(),
                        Timestamp.from(subscription.createdAt()),
                        subscription.createdBy(),
                        subscription.version())
                .update();
        insertSecret(subscription.id(), tenant, 1, secret, at);
        return subscription;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Subscription> find(SubscriptionId id) {
        return jdbc.sql("select " + COLUMNS + " from subscription where id = ?")
                .param(id.value())
                .query((row, number) -> subscription(row))
                .optional();
    }

    @Override
    @Transactional(readOnly = true)
    public Page<Subscription> page(TenantId tenant, int page, int size) {
        List<Subscription> items = jdbc.sql("select " + COLUMNS
                        + " from subscription where tenant_id = ? order by created_at, id limit ? offset ?")
                .params(tenant.value(), size, (long) page * size)
                .query((row, number) -> subscription(row))
                .list();
        long total = jdbc.sql("select count(*) from subscription where tenant_id = ?")
                .param(tenant.value())
                .query(Long.class)
                .single();
        return Page.of(items, page, size, total);
    }

    @Override
    @Transactional
    public Optional<Subscription> modify(SubscriptionId id, Consumer<Subscription> change) {
        Optional<Subscription> locked = jdbc.sql("select " + COLUMNS + " from subscription where id = ? for update")
                .param(id.value())
                .query((row, number) -> subscription(row))
                .optional();
        if (locked.isEmpty()) {
            return Optional.empty();
        }
        Subscription subscription = locked.get();
        long stored = subscription.version();
        SubscriptionStatus before = subscription.status();
        change.accept(subscription);
        if (subscription.version() == stored) {
            return locked;
        }
        jdbc.sql("""
                        update subscription set target_url = ?, event_types = ?::text[], description = ?, status = ?,
                            paused_reason = ?, paused_at = ?, version = ?
                        where id = ?""")
                .params(
                        subscription.target().toString(),
                        subscription.types().patterns().toArray(String[]::new),
                        subscription.description().orElse(null),
                        subscription.status().name(),
                        subscription.pausedReason().orElse(null),
                        timestamp(subscription.pausedAt().orElse(null)),
                        subscription.version(),
                        id.value())
                .update();
        if (before == SubscriptionStatus.ACTIVE && subscription.status() == SubscriptionStatus.PAUSED) {
            jdbc.sql(
                            "update delivery set next_attempt_at = 'infinity' where subscription_id = ? and status = 'PENDING'")
                    .param(id.value())
                    .update();
        } else if (before == SubscriptionStatus.PAUSED && subscription.status() == SubscriptionStatus.ACTIVE) {
            jdbc.sql("""
                            update delivery set status = 'PENDING', next_attempt_at = now(), retry_from = now()
                            where subscription_id = ? and status in ('PENDING', 'FAILED')""").param(id.value()).update();
        }
        return Optional.of(subscription);
    }

    @Override
    @Transactional
    public boolean delete(SubscriptionId id) {
        return jdbc.sql("delete from subscription where id = ?")
                        .param(id.value())
                        .update()
                > 0;
    }

    @Override
    @Transactional(readOnly = true)
    public List<SecretInfo> secrets(SubscriptionId id) {
        return jdbc.sql("""
                        select serial, created_at, expires_at from subscription_secret
                        where subscription_id = ? order by serial desc""")
                .param(id.value())
                .query((row, number) -> new SecretInfo(
                        row.getInt("serial"), instant(row, "created_at"), nullableInstant(row, "expires_at")))
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<SigningSecret> signingSecrets(SubscriptionId id, Instant at) {
        return jdbc.sql("""
                        select secret from subscription_secret
                        where subscription_id = ? and (expires_at is null or expires_at > ?) order by serial desc""")
                .params(id.value(), Timestamp.from(at))
                .query((row, number) -> cipher.decrypt(row.getBytes("secret")))
                .list();
    }

    @Override
    @Transactional
    public void rotate(SubscriptionId id, SigningSecret next, Instant at, Instant previousUntil) {
        TenantId tenant = jdbc.sql("select tenant_id from subscription where id = ? for update")
                .param(id.value())
                .query((row, number) -> TenantId.of(row.getString("tenant_id")))
                .single();
        jdbc.sql("delete from subscription_secret where subscription_id = ? and expires_at <= ?")
                .params(id.value(), Timestamp.from(at))
                .update();
        jdbc.sql("""
                        update subscription_secret set expires_at = least(coalesce(expires_at, ?), ?)
                        where subscription_id = ?""")
                .params(Timestamp.from(previousUntil), Timestamp.from(previousUntil), id.value())
                .update();
        int serial = jdbc.sql("select coalesce(max(serial), 0) + 1 from subscription_secret where subscription_id = ?")
                .param(id.value())
                .query(Integer.class)
                .single();
        insertSecret(id, tenant, serial, next, at);
    }

    @Override
    @Transactional
    public int replay(SubscriptionId id, Instant from, Instant at) {
        jdbc.sql("select id from subscription where id = ? for update")
                .param(id.value())
                .query(UUID.class)
                .single();
        return jdbc.sql("""
                        insert into delivery (id, tenant_id, subscription_id, position, event_id, aggregate_key, status,
                            next_attempt_at, retry_from, created_at)
                        select uuidv7(), e.tenant_id, s.id, e.position, e.event_id, e.aggregate_key, 'PENDING',
                            case when s.status = 'ACTIVE' then ?::timestamptz else 'infinity'::timestamptz end, ?, ?
                        from subscription s
                        join feed_head h on h.tenant_id = s.tenant_id
                        join feed_event e on e.tenant_id = s.tenant_id and e.position > h.purged_through
                        where s.id = ? and e.occurred_at >= ?
                          and exists (
                              select 1 from unnest(s.event_types) pattern
                              where pattern = e.type
                                 or (right(pattern, 2) = '.*' and starts_with(e.type, left(pattern, -1))))
                        order by e.position""")
                .params(Timestamp.from(at), Timestamp.from(at), Timestamp.from(at), id.value(), Timestamp.from(from))
                .update();
    }

    @Override
    @Transactional(readOnly = true)
    public Map<SubscriptionId, DeliveryCounts> counts(List<SubscriptionId> ids) {
        Map<SubscriptionId, DeliveryCounts> counts = new HashMap<>();
        if (ids.isEmpty()) {
            return counts;
        }
        jdbc.sql("""
                        select subscription_id, count(*) filter (where status = 'PENDING') as pending,
                            count(*) filter (where status = 'FAILED') as failed
                        from delivery where subscription_id = any (?) and status in ('PENDING', 'FAILED')
                        group by subscription_id""")
                .param(ids.stream().map(SubscriptionId::value).toArray(UUID[]::new))
                .query((row, number) -> counts.put(
                        SubscriptionId.of(row.getObject("subscription_id", UUID.class)),
                        new DeliveryCounts(row.getLong("pending"), row.getLong("failed"))))
                .list();
        return counts;
    }

    private void insertSecret(SubscriptionId id, TenantId tenant, int serial, SigningSecret secret, Instant at) {
        jdbc.sql("""
                        insert into subscription_secret (subscription_id, tenant_id, serial, secret, created_at)
                        values (?, ?, ?, ?, ?)""")
                .params(id.value(), tenant.value(), serial, cipher.encrypt(secret), Timestamp.from(at))
                .update();
    }

    private static Subscription subscription(ResultSet row) throws SQLException {
        Array types = row.getArray("event_types");
        return Subscription.restore(
                SubscriptionId.of(row.getObject("id", UUID.class)),
                TenantId.of(row.getString("tenant_id")),
                new FeedCursor(row.getLong("start_position")),
                instant(row, "created_at"),
                row.getString("created_by"),
                new TargetUrl(URI.create(row.getString("target_url"))),
                new EventTypeFilter(Arrays.asList((String[]) types.getArray())),
                row.getString("description"),
                SubscriptionStatus.valueOf(row.getString("status")),
                row.getString("paused_reason"),
                nullableInstant(row, "paused_at"),
                row.getLong("version"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getTimestamp(column).toInstant();
    }

    private static @Nullable Instant nullableInstant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
