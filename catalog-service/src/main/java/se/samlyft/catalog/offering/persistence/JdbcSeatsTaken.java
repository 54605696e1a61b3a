package se.samlyft.catalog.offering.persistence;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import se.samlyft.catalog.offering.SeatsTaken;
import se.samlyft.platform.tenancy.TenantId;

/**
 * Seats taken in PostgreSQL: one row per enrolment in {@code offering_seat_holder}, locked while its new state is
 * written, and the offering's {@code seats_taken} moved by the difference in the same transaction. The offering's
 * version stays: seats are not part of its terms, and a coordinator's {@code If-Match} does not go stale by them.
 *
 * <p>The offerings' counts are moved just before the transaction commits, one statement per offering in the order of
 * the offerings' ids ({@link SeatCountChanges}): a poll of enrolment events changes several offerings in one
 * transaction, and two instances' polls that changed the same offerings in different orders would each hold a row
 * the other waits for (a deadlock). Taken in one order, the second waits for the first and goes on.
 */
@Repository
class JdbcSeatsTaken implements SeatsTaken {

    private final JdbcClient jdbc;

    JdbcSeatsTaken(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public boolean record(UUID enrolmentId, UUID offeringId, TenantId owner, boolean holdsSeat, long version) {
        Optional<Holder> before = jdbc.sql(
                        "select holds_seat, version from offering_seat_holder where enrolment_id = ? for update")
                .param(enrolmentId)
                .query((row, number) -> new Holder(row.getBoolean("holds_seat"), row.getLong("version")))
                .optional();
        if (before.isPresent() && before.get().version() >= version) {
            return false;
        }
        int offeringKnown = jdbc.sql("select count(*) from offering where id = ? and tenant_id = ?")
                .params(offeringId, owner.value())
                .query(Integer.class)
                .single();
        if (offeringKnown == 0) {
            throw new IllegalStateException("Enrolment " + enrolmentId + " names offering " + offeringId + " of "
                    + owner + ", which the catalog does not have");
        }
        jdbc.sql("""
                        insert into offering_seat_holder (enrolment_id, offering_id, tenant_id, holds_seat, version)
                        values (?, ?, ?, ?, ?)
                        on conflict (enrolment_id) do update set holds_seat = excluded.holds_seat,
                            version = excluded.version""")
                .params(enrolmentId, offeringId, owner.value(), holdsSeat, version)
                .update();
        int change = (holdsSeat ? 1 : 0) - (before.map(Holder::holdsSeat).orElse(false) ? 1 : 0);
        if (change != 0) {
            SeatCountChanges.ofThisTransaction(jdbc).add(offeringId, owner, change);
        }
        return true;
    }

    private record Holder(boolean holdsSeat, long version) {}
}
