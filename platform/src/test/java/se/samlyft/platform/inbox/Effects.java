package se.samlyft.platform.inbox;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the test listener received, record by record, and what its effect was asked to do, event by event: how often
 * it ran, the tenant scope its transaction had in PostgreSQL, and the failures a test scripts for it.
 */
final class Effects {

    private final JdbcTemplate jdbc;
    private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final Map<String, String> scopes = new ConcurrentHashMap<>();
    private final Map<String, Failure> failures = new ConcurrentHashMap<>();

    Effects(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts a delivery to the listener of the record with this key, before the record is read as an event. */
    void delivered(String key) {
        deliveries.computeIfAbsent(key, ignored -> new AtomicInteger()).incrementAndGet();
    }

    int deliveries(String key) {
        return count(deliveries, key);
    }

    /** Counts a run of the effect for the event, notes its scope, and throws if a failure is scripted for this run. */
    void attempt(InboundEvent event) {
        int attempt =
                attempts.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
        scopes.put(event.id(), jdbc.queryForObject("select current_setting('samlyft.tenant_ids', true)", String.class));
        @Nullable Failure failure = failures.get(event.id());
        if (failure != null && attempt <= failure.attempts()) {
            throw failure.exception().get();
        }
    }

    /** The effect of the event fails its first {@code count} runs with the exception given. */
    void failFirst(String eventId, int count, Supplier<RuntimeException> exception) {
        failures.put(eventId, new Failure(count, exception));
    }

    void failAlways(String eventId, Supplier<RuntimeException> exception) {
        failFirst(eventId, Integer.MAX_VALUE, exception);
    }

    int runs(String eventId) {
        return count(attempts, eventId);
    }

    /** The value of {@code samlyft.tenant_ids} in the transaction of the event's last run. */
    @Nullable
    String scopeSeenBy(String eventId) {
        return scopes.get(eventId);
    }

    private static int count(Map<String, AtomicInteger> counts, String id) {
        @Nullable AtomicInteger count = counts.get(id);
        return count == null ? 0 : count.get();
    }

    private record Failure(int attempts, Supplier<RuntimeException> exception) {}
}
