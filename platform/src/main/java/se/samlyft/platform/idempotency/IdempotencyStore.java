package se.samlyft.platform.idempotency;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The idempotency keys of one service in its own PostgreSQL database ({@code samlyft.idempotency_key}). Every call
 * but {@link #purgeExpired} runs in a transaction of the caller's tenant, so row-level security holds the store to
 * that tenant's keys.
 */
public class IdempotencyStore {

    private static final String CLAIM = """
            insert into samlyft.idempotency_key as k
                (tenant_id, caller, idempotency_key, request_hash, locked_until, expires_at)
            values (:tenant, :caller, :key, :hash,
                    now() + :inFlightMillis * interval '1 millisecond',
                    now() + :expireMillis * interval '1 millisecond')
            on conflict (tenant_id, caller, idempotency_key) do update
                set request_hash = excluded.request_hash,
                    response_status = null,
                    response_headers = null,
                    response_body = null,
                    locked_until = excluded.locked_until,
                    created_at = now(),
                    expires_at = excluded.expires_at
                where k.expires_at <= now()
                   or (k.response_status is null and k.locked_until <= now() and k.request_hash = excluded.request_hash)
            returning k.idempotency_key""";

    private static final String FIND = """
            select request_hash, response_status, response_headers, response_body from samlyft.idempotency_key
            where tenant_id = :tenant and caller = :caller and idempotency_key = :key""";

    private static final String COMPLETE = """
            update samlyft.idempotency_key
            set response_status = :status, response_headers = :headers, response_body = :body, locked_until = null
            where tenant_id = :tenant and caller = :caller and idempotency_key = :key""";

    private static final String RELEASE = """
            delete from samlyft.idempotency_key
            where tenant_id = :tenant and caller = :caller and idempotency_key = :key and response_status is null""";

    private final JdbcClient jdbc;
    private final TransactionOperations transactions;
    private final Duration expireAfter;
    private final Duration inFlightTimeout;

    public IdempotencyStore(
            JdbcClient jdbc, TransactionOperations transactions, Duration expireAfter, Duration inFlightTimeout) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.expireAfter = expireAfter;
        this.inFlightTimeout = inFlightTimeout;
    }

    /**
     * Claims {@code key} for a request with {@code requestHash}, unless a live claim exists: then tells what to answer
     * instead. An expired key is claimed anew, whatever its request was.
     */
    Claim claim(Key key, byte[] requestHash) {
        return Objects.requireNonNull(transactions.execute(status -> {
            boolean claimed = bind(jdbc.sql(CLAIM), key)
                    .param("hash", requestHash)
                    .param("inFlightMillis", inFlightTimeout.toMillis())
                    .param("expireMillis", expireAfter.toMillis())
                    .query(String.class)
                    .optional()
                    .isPresent();
            if (claimed) {
                return new Claim.Claimed();
            }
            Optional<Stored> stored = bind(jdbc.sql(FIND), key)
                    .query((row, number) -> new Stored(
                            row.getBytes("request_hash"),
                            (Integer) row.getObject("response_status"),
                            row.getString("response_headers"),
                            row.getBytes("response_body")))
                    .optional();
            if (stored.isEmpty()) {
                return new Claim.InFlight();
            }
            return stored.get().answerTo(requestHash);
        }));
    }

    /** Keeps {@code response} as the answer to every retry of {@code key} until the key expires. */
    void complete(Key key, StoredResponse response) {
        transactions.executeWithoutResult(status -> bind(jdbc.sql(COMPLETE), key)
                .param("status", response.status())
                .param("headers", response.headersAsText())
                .param("body", response.body())
                .update());
    }

    /** Gives up the claim of a request that did not succeed, so that a retry runs again. */
    void release(Key key) {
        transactions.executeWithoutResult(status -> bind(jdbc.sql(RELEASE), key).update());
    }

    /** Deletes the expired keys of every tenant; returns how many. */
    public int purgeExpired() {
        Integer purged = jdbc.sql("select samlyft.purge_expired_idempotency_keys()")
                .query(Integer.class)
                .single();
        return purged == null ? 0 : purged;
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, Key key) {
        return statement
                .param("tenant", key.tenant())
                .param("caller", key.caller())
                .param("key", key.value());
    }

    /** An idempotency key as the client sent it, scoped to the tenant and the caller (the token's subject). */
    record Key(String tenant, String caller, String value) {}

    /** What a claim found. */
    sealed interface Claim {

        /** The key is this request's now; run it. */
        record Claimed() implements Claim {}

        /** The same request ran before; answer what it answered. */
        record Replay(StoredResponse response) implements Claim {}

        /** The same request is running now. */
        record InFlight() implements Claim {}

        /** The key belongs to a request with another method, path or body. */
        record OtherRequest() implements Claim {}
    }

    /** A response kept for replay: its status, the headers worth replaying and the body. */
    record StoredResponse(int status, List<Header> headers, byte[] body) {

        String headersAsText() {
            StringBuilder text = new StringBuilder();
            for (Header header : headers) {
                text.append(header.name()).append(": ").append(header.value()).append('\n');
            }
            return text.toString();
        }

        static List<Header> headersOf(@Nullable String text) {
            List<Header> headers = new ArrayList<>();
            if (text != null) {
                for (String line : text.split("\n")) {
                    int colon = line.indexOf(": ");
                    if (colon > 0) {
                        headers.add(new Header(line.substring(0, colon), line.substring(colon + 2)));
                    }
                }
            }
            return headers;
        }

        @Override
        public boolean equals(@Nullable Object other) {
            return other instanceof StoredResponse that
                    && status == that.status
                    && headers.equals(that.headers)
                    && Arrays.equals(body, that.body);
        }

        @Override
        public int hashCode() {
            return Objects.hash(status, headers, Arrays.hashCode(body));
        }

        @Override
        public String toString() {
            return "StoredResponse[status=" + status + ", headers=" + headers + ", body=" + body.length + " bytes]";
        }
    }

    /** One response header. */
    record Header(String name, String value) {}

    private record Stored(
            byte[] requestHash,
            @Nullable Integer status,
            @Nullable String headers,
            byte @Nullable [] body) {

        Claim answerTo(byte[] otherHash) {
            if (!Arrays.equals(requestHash, otherHash)) {
                return new Claim.OtherRequest();
            }
            if (status == null) {
                return new Claim.InFlight();
            }
            return new Claim.Replay(
                    new StoredResponse(status, StoredResponse.headersOf(headers), body == null ? new byte[0] : body));
        }
    }
}
