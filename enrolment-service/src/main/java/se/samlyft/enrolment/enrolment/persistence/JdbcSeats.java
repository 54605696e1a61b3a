package se.samlyft.enrolment.enrolment.persistence;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.samlyft.enrolment.enrolment.Enrolments;
import se.samlyft.enrolment.enrolment.SeatDesk;
import se.samlyft.enrolment.enrolment.SeatLedger;
import se.samlyft.enrolment.enrolment.Seats;
import se.samlyft.enrolment.offering.Offering;
import se.samlyft.enrolment.offering.Offerings;
import se.samlyft.enrolment.person.People;
import se.samlyft.platform.problem.NotFound;
import se.samlyft.platform.tenancy.TenantContext;
import se.samlyft.platform.tenancy.TenantId;
import se.samlyft.platform.tenancy.TenantScope;

/**
 * The seats of each offering in PostgreSQL. Work on an offering's seats runs in one transaction that first locks the
 * offering's row ({@code select ... for update}), so the work of one offering is done one at a time, in the order the
 * lock is granted, while other offerings are not held up. The seats taken are counted from the enrolments under that
 * lock, so the count can never drift from the enrolments. The transaction runs in the tenant scope of the offering's
 * owner, audience and enrolled organisations ({@code enrolment_offering_scope}), since a seat freed by one
 * organisation's withdrawal may go to a person of another.
 */
@Repository
class JdbcSeats implements Seats {

    private static final Logger log = LoggerFactory.getLogger(JdbcSeats.class);

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate transaction;
    private final Enrolments enrolments;
    private final People people;
    private final Offerings offerings;

    JdbcSeats(
            JdbcClient jdbc,
            JdbcTemplate template,
            PlatformTransactionManager transactions,
            Enrolments enrolments,
            People people,
            Offerings offerings) {
        this.offerings = offerings;
        this.jdbc = jdbc;
        this.template = template;
        this.transaction = new TransactionTemplate(transactions);
        this.enrolments = enrolments;
        this.people = people;
    }

    @Override
    public <T> T atOffering(UUID offeringId, Function<SeatDesk, T> work) {
        TenantScope scope = scopeOf(offeringId);
        return TenantContext.callAs(scope, () -> transaction.execute(status -> work.apply(desk(offeringId))));
    }

    @Override
    public int sweep(Instant at) {
        List<UUID> due = template.queryForList("select enrolment_offerings_due(?)", UUID.class, Timestamp.from(at));
        int swept = 0;
        for (UUID offeringId : due) {
            try {
                int changed = atOffering(offeringId, desk -> {
                    int done = desk.sweep(at);
                    if (desk.offering().quotasReleasedAt(at)) {
                        jdbc.sql("update offering set quota_release_handled_at = ? where id = ?")
                                .params(Timestamp.from(at), offeringId)
                                .update();
                    }
                    return done;
                });
                log.info("Swept the seats of offering {} at {}: {} enrolments changed", offeringId, at, changed);
                swept++;
            } catch (RuntimeException failed) {
                log.warn("Could not sweep the seats of offering {}; the next sweep tries again", offeringId, failed);
            }
        }
        return swept;
    }

    private SeatDesk desk(UUID offeringId) {
        Offering offering = offerings.lock(offeringId).orElseThrow(() -> NotFound.of("offering", offeringId));
        Map<TenantId, Integer> fromQuota = new HashMap<>();
        int[] fromPool = {0};
        jdbc.sql("""
                        select tenant_id, seat_source, count(*) as seats from enrolment
                        where offering_id = ? and seat_source is not null
                        group by tenant_id, seat_source""").param(offeringId).query(row -> {
            if ("QUOTA".equals(row.getString("seat_source"))) {
                fromQuota.put(TenantId.of(row.getString("tenant_id")), row.getInt("seats"));
            } else {
                fromPool[0] += row.getInt("seats");
            }
        });
        return new SeatDesk(SeatLedger.of(offering, fromQuota, fromPool[0]), enrolments, people);
    }

    private TenantScope scopeOf(UUID offeringId) {
        @Nullable
        String[] tenants = template.queryForObject(
                "select enrolment_offering_scope(?)",
                (row, number) -> {
                    Array array = row.getArray(1);
                    return array == null ? null : (String[]) array.getArray();
                },
                offeringId);
        if (tenants == null) {
            throw NotFound.of("offering", offeringId);
        }
        return new TenantScope(Arrays.stream(tenants).map(TenantId::of).collect(Collectors.toSet()));
    }
}
