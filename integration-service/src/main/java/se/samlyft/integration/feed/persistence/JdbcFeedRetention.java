package se.samlyft.integration.feed.persistence;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.samlyft.platform.tenancy.TenantContext;
import se.samlyft.platform.tenancy.TenantId;
import se.samlyft.platform.tenancy.TenantScope;

/**
 * Deletes what the feeds keep past their retention ({@code samlyft.integration.feed.retention}, 30 days unless set):
 * for each tenant, the events stored before then, with their completed deliveries and the attempts of those. An event
 * with a delivery still pending or failed stays until that delivery is done, so a paused subscription loses nothing;
 * the feed itself no longer shows it, and a cursor before it is answered 410. Safe on every replica at once: each
 * tenant's purge is one transaction that takes its feed's head row first.
 */
@Component
class JdbcFeedRetention {

    private static final Logger log = LoggerFactory.getLogger(JdbcFeedRetention.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration retention;

    JdbcFeedRetention(
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            Clock clock,
            @Value("${samlyft.integration.feed.retention:30d}") Duration retention) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(
            fixedDelayString = "${samlyft.integration.feed.purge-interval:PT1H}",
            initialDelayString = "${samlyft.integration.feed.purge-interval:PT1H}")
    void purgeOnSchedule() {
        purge();
    }

    /** Purges every tenant's feed; answers how many events were deleted. */
    int purge() {
        Instant cutoff = clock.instant().minus(retention);
        List<String> tenants = transaction.execute(status -> jdbc.sql("select tenants_with_events_before(?)")
                .param(Timestamp.from(cutoff))
                .query(String.class)
                .list());
        int deleted = 0;
        for (String tenant : tenants == null ? List.<String>of() : tenants) {
            Integer ofTenant = TenantContext.callAs(
                    TenantScope.of(TenantId.of(tenant)), () -> transaction.execute(status -> purge(tenant, cutoff)));
            deleted += ofTenant == null ? 0 : ofTenant;
        }
        if (deleted > 0) {
            log.info("Deleted {} events stored before {} from {} feeds", deleted, cutoff, tenants.size());
        }
        return deleted;
    }

    private int purge(String tenant, Instant cutoff) {
        Long through = jdbc.sql("select max(position) from feed_event where tenant_id = ? and stored_at < ?")
                .params(tenant, Timestamp.from(cutoff))
                .query(Long.class)
                .single();
        if (through == null) {
            return 0;
        }
        jdbc.sql("update feed_head set purged_through = greatest(purged_through, ?) where tenant_id = ?")
                .params(through, tenant)
                .update();
        jdbc.sql("delete from delivery where tenant_id = ? and position <= ? and status = 'DELIVERED'")
                .params(tenant, through)
                .update();
        return jdbc.sql("""
                        delete from feed_event e where e.tenant_id = ? and e.position <= ?
                        and not exists (select 1 from delivery d where d.tenant_id = e.tenant_id and d.position = e.position)""").params(tenant, through).update();
    }
}
