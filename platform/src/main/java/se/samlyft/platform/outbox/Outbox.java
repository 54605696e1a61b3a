package se.samlyft.platform.outbox;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import se.samlyft.contracts.EventContracts;

/**
 * Writes integration events into the service's outbox table, inside the caller's transaction: the event commits
 * with the state change it reports, or neither does. The relay publishes it to Kafka after the commit.
 *
 * <p>Appending outside a transaction on the service's database is refused with an
 * {@link org.springframework.transaction.IllegalTransactionStateException}.
 */
public class Outbox {

    /** The first key of the advisory lock that orders the appends of one aggregate; see {@link #append}. */
    static final int AGGREGATE_LOCK_SPACE = 0x53_4C_4F_41;

    /**
     * One statement: the function scan in {@code from} takes the aggregate's lock (waiting for it if another
     * transaction holds it) and yields one row, and only then is that row inserted and given its {@code position}. The
     * row is inserted only when the event's tenant is in the transaction's tenant scope (the setting the row-level
     * security policies read); otherwise nothing is, and the append is refused.
     */
    static final String APPEND = """
            insert into samlyft.outbox_event (topic, record_key, ce_id, ce_source, ce_type,
                ce_subject, ce_time, ce_dataschema, ce_tenantid, data)
            select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::json
            from pg_advisory_xact_lock(?, ?)
            where ? = any (string_to_array(current_setting('samlyft.tenant_ids', true), ','))""";

    private final JdbcClient jdbc;
    private final TransactionTemplate callersTransaction;
    private final String source;
    private final Clock clock;
    private final EventContracts contracts;

    /**
     * @param dataSource the service's database, the one its transactions run on
     * @param transactions the service's transaction manager for that database
     * @param source the CloudEvents source of the events, for example {@code /samlyft/catalog-service}
     * @param clock the clock that stamps each event's time
     * @param contracts the published event schemas that every appended event's data must match
     */
    public Outbox(
            DataSource dataSource,
            PlatformTransactionManager transactions,
            String source,
            Clock clock,
            EventContracts contracts) {
        if (source.isBlank() || !isUriReference(source)) {
            throw new IllegalArgumentException("The event source is a URI reference, not '" + source + "'");
        }
        this.jdbc = JdbcClient.create(dataSource);
        this.callersTransaction = new TransactionTemplate(transactions);
        this.callersTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_MANDATORY);
        this.source = source;
        this.clock = clock;
        this.contracts = contracts;
    }

    /**
     * Adds the event to the outbox in the current transaction and returns its CloudEvents id. An event whose type is
     * not published in the contracts, whose data does not match its type's schema, or whose data schema is not its
     * type's is refused with {@link EventContracts.InvalidEvent}, and nothing is appended.
     *
     * <p>The append first takes a transaction-scoped lock on the event's topic and aggregate, in the same statement as
     * the insert ({@link #APPEND}), so the outbox positions of one aggregate's events follow the order in which their
     * transactions commit, however a service orders its statements. Two transactions that append events of the same aggregates in opposite orders can deadlock;
     * PostgreSQL then aborts one of them.
     */
    public UUID append(OutboxEvent event) {
        String dataSchema = event.dataSchema();
        String type = event.type();
        if (!(dataSchema.length() == OutboxEvent.SCHEMA_PREFIX.length() + type.length()
                && dataSchema.startsWith(OutboxEvent.SCHEMA_PREFIX)
                && dataSchema.endsWith(type))) {
            throw new EventContracts.InvalidEvent(
                    type, List.of("its data schema is " + EventContracts.dataschemaOf(type)));
        }
        if (event.parsedData() != null) {
            contracts.requireValid(type, event.parsedData());
        } else {
            contracts.requireValid(type, event.data());
        }
        UUID id = EventIds.next();
        Instant time = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Integer appended = callersTransaction.execute(status -> jdbc.sql(APPEND)
                .params(
                        event.topic(),
                        event.aggregateId(),
                        id,
                        source,
                        type,
                        event.subject(),
                        OffsetDateTime.ofInstant(time, ZoneOffset.UTC),
                        dataSchema,
                        event.tenant().value(),
                        event.data(),
                        AGGREGATE_LOCK_SPACE,
                        aggregateLock(event),
                        event.tenant().value())
                .update());
        if (appended == null || appended == 0) {
            throw new EventOutsideTenantScope(type, event.tenant(), currentScope());
        }
        return id;
    }

    /** The tenant scope of the caller's transaction as PostgreSQL holds it, for the refusal's message. */
    private String currentScope() {
        return callersTransaction.execute(status -> jdbc.sql("select current_setting('samlyft.tenant_ids', true)")
                .query(String.class)
                .optional()
                .orElse(""));
    }

    /** The CloudEvents source of this service's events. */
    public String source() {
        return source;
    }

    private static int aggregateLock(OutboxEvent event) {
        return (event.topic() + '\u0000' + event.aggregateId()).hashCode();
    }

    private static boolean isUriReference(String value) {
        try {
            new URI(value);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
