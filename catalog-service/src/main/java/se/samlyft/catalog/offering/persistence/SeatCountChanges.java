package se.samlyft.catalog.offering.persistence;

import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import se.samlyft.platform.jdbc.TenantScopedTransactionManager;
import se.samlyft.platform.tenancy.TenantId;
import se.samlyft.platform.tenancy.TenantScope;

/**
 * The changes of the offerings' seat counts that one transaction makes, summed per offering and written just before it
 * commits, in the order of the offerings' ids and each in its owner's tenant scope (row-level security), so that
 * concurrent transactions lock the offerings' rows in one order; then the organisations it found enrolled on them,
 * also in one order (offering, organisation), each in the tenant scope it was found in. Two polls that touch the same
 * offerings in opposite orders therefore wait for each other instead of deadlocking.
 */
final class SeatCountChanges implements TransactionSynchronization {

    private final JdbcClient jdbc;
    private final Map<UUID, Change> changes = new TreeMap<>();
    private final Map<String, Enrolled> enrolled = new TreeMap<>();

    private SeatCountChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The changes of the current transaction, registered with it on first use. */
    static SeatCountChanges ofThisTransaction(JdbcClient jdbc) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("Seat counts change only inside a transaction");
        }
        Object bound = TransactionSynchronizationManager.getResource(SeatCountChanges.class);
        if (bound instanceof SeatCountChanges changes) {
            return changes;
        }
        SeatCountChanges changes = new SeatCountChanges(jdbc);
        TransactionSynchronizationManager.bindResource(SeatCountChanges.class, changes);
        TransactionSynchronizationManager.registerSynchronization(changes);
        return changes;
    }

    void add(UUID offering, TenantId owner, int change) {
        changes.merge(
                offering, new Change(owner, change), (earlier, later) -> new Change(owner, earlier.by + later.by));
    }

    /** Notes that {@code member} has an enrolment on {@code offering} (of {@code owner}), in the current scope. */
    void addEnrolled(UUID offering, TenantId owner, TenantId member) {
        enrolled.putIfAbsent(offering + " " + member.value(), new Enrolled(offering, owner, member, currentScope()));
    }

    @Override
    public void beforeCommit(boolean readOnly) {
        String scope = currentScope();
        changes.forEach((offering, change) -> {
            if (change.by != 0) {
                scope(TenantScope.of(change.owner).asSetting());
                jdbc.sql("update offering set seats_taken = greatest(0, seats_taken + ?) where id = ?")
                        .params(change.by, offering)
                        .update();
            }
        });
        enrolled.values().forEach(row -> {
            scope(row.scope);
            jdbc.sql("""
                            insert into offering_enrolled_member (offering_id, tenant_id, member) values (?, ?, ?)
                            on conflict (offering_id, member) do nothing""")
                    .params(row.offering, row.owner.value(), row.member.value())
                    .update();
        });
        scope(scope);
    }

    private String currentScope() {
        return jdbc.sql("select current_setting(?, true)")
                .param(TenantScopedTransactionManager.TENANT_SETTING)
                .query(String.class)
                .optional()
                .orElse("");
    }

    private void scope(String setting) {
        jdbc.sql("select set_config(?, ?, true)")
                .params(TenantScopedTransactionManager.TENANT_SETTING, setting)
                .query(String.class)
                .single();
    }

    @Override
    public void afterCompletion(int status) {
        TransactionSynchronizationManager.unbindResourceIfPossible(SeatCountChanges.class);
    }

    private record Change(TenantId owner, int by) {}

    private record Enrolled(UUID offering, TenantId owner, TenantId member, String scope) {}
}
