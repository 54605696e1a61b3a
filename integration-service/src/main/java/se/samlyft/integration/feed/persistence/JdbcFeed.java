package se.samlyft.integration.feed.persistence;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import se.samlyft.integration.feed.EventTypeFilter;
import se.samlyft.integration.feed.Feed;
import se.samlyft.integration.feed.FeedCursor;
import se.samlyft.integration.feed.FeedCursorExpired;
import se.samlyft.integration.feed.FeedPage;
import se.samlyft.integration.feed.StoredEvent;
import se.samlyft.platform.problem.InvalidInput;
import se.samlyft.platform.tenancy.TenantContext;
import se.samlyft.platform.tenancy.TenantId;
import se.samlyft.platform.tenancy.TenantScope;

/**
 * The feeds in PostgreSQL. An append takes the tenant's next position by updating its {@code feed_head} row, which it
 * then holds until its transaction commits: the tenant's next append waits for it, so positions follow commit order and
 * a reader never skips an event that commits later with a lower position. The deliveries of the event are inserted in
 * the same statement sequence; the subscriptions are read {@code for key share}, so that a pause or resume of one
 * (which locks it for update) cannot cross the append.
 */
@Repository
class JdbcFeed implements Feed {

    private static final String NEXT_POSITION = """
            insert into feed_head as head (tenant_id, last_position) values (?, 1)
            on conflict (tenant_id) do update set last_position = head.last_position + 1
            returning last_position""";

    private static final String INSERT_EVENT = """
            insert into feed_event (tenant_id, position, event_id, type, aggregate_key, occurred_at, stored_at, body)
            values (?, ?, ?, ?, ?, ?, ?, ?)""";

    /** A pending delivery for each subscription of the tenant that takes the type; a paused one's waits. */
    private static final String QUEUE_DELIVERIES = """
            insert into delivery (id, tenant_id, subscription_id, position, event_id, aggregate_key, status,
                next_attempt_at, retry_from, created_at)
            select uuidv7(), s.tenant_id, s.id, ?, ?, ?, 'PENDING',
                case when s.status = 'ACTIVE' then ?::timestamptz else 'infinity'::timestamptz end, ?, ?
            from (select id, tenant_id, status, event_types from subscription where tenant_id = ? for key share) s
            where exists (
                select 1 from unnest(s.event_types) pattern
                where pattern = ? or (right(pattern, 2) = '.*' and starts_with(?, left(pattern, -1))))""";

    private static final String PAGE = """
            select e.position, e.body from feed_event e
            where e.tenant_id = ? and e.position > ?
              and (cardinality(?::text[]) = 0 or exists (
                  select 1 from unnest(?::text[]) pattern
                  where pattern = e.type or (right(pattern, 2) = '.*' and starts_with(e.type, left(pattern, -1)))))
            order by e.position
            limit ?""";

    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;
    private final Clock clock;
    private final Duration retention;

    JdbcFeed(
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            Clock clock,
            @Value("${samlyft.integration.feed.retention:30d}") Duration retention) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.readOnly.setReadOnly(true);
        this.clock = clock;
        this.retention = retention;
    }

    @Override
    public boolean append(TenantId tenant, StoredEvent event) {
        boolean known = jdbc.sql("select count(*) from feed_event where tenant_id = ? and event_id = ?")
                        .params(tenant.value(), event.eventId())
                        .query(Integer.class)
                        .single()
                > 0;
        if (known) {
            return false;
        }
        Timestamp now = Timestamp.from(clock.instant());
        long position =
                jdbc.sql(NEXT_POSITION).param(tenant.value()).query(Long.class).single();
        jdbc.sql(INSERT_EVENT)
                .params(
                        tenant.value(),
                        position,
                        event.eventId(),
                        event.type(),
                        event.aggregateKey(),
                        Timestamp.from(event.occurredAt()),
                        now,
                        event.body())
                .update();
        jdbc.sql(QUEUE_DELIVERIES)
                .params(
                        position,
                        event.eventId(),
                        event.aggregateKey(),
                        now,
                        now,
                        now,
                        tenant.value(),
                        event.type(),
                        event.type())
                .update();
        return true;
    }

    @Override
    public FeedPage page(TenantId tenant, Optional<FeedCursor> after, @Nullable EventTypeFilter types, int limit) {
        String[] patterns = types == null ? new String[0] : types.patterns().toArray(String[]::new);
        return TenantContext.callAs(
                TenantScope.of(tenant),
                () -> readOnly.execute(status -> {
                    Head head = head(tenant);
                    FeedCursor from = after.orElse(new FeedCursor(head.purgedThrough()));
                    if (from.position() < head.purgedThrough()) {
                        throw new FeedCursorExpired(from, retention);
                    }
                    if (from.position() > head.lastPosition()) {
                        throw new InvalidInput(
                                "after", "must be a cursor from an earlier page of this organisation's feed");
                    }
                    List<Row> rows = jdbc.sql(PAGE)
                            .params(tenant.value(), from.position(), patterns, patterns, limit)
                            .query((row, number) -> new Row(row.getLong("position"), row.getString("body")))
                            .list();
                    long next = rows.size() < limit
                            ? head.lastPosition()
                            : rows.getLast().position();
                    return new FeedPage(rows.stream().map(Row::body).toList(), new FeedCursor(next));
                }));
    }

    private Head head(TenantId tenant) {
        return jdbc.sql("select last_position, purged_through from feed_head where tenant_id = ?")
                .param(tenant.value())
                .query((row, number) -> new Head(row.getLong("last_position"), row.getLong("purged_through")))
                .optional()
                .orElse(new Head(0, 0));
    }

    private record Head(long lastPosition, long purgedThrough) {}

    private record Row(long position, String body) {}
}
