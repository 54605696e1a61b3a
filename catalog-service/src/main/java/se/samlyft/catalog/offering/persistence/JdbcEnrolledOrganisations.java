package se.samlyft.catalog.offering.persistence;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import se.samlyft.catalog.offering.EnrolledOrganisations;
import se.samlyft.platform.tenancy.TenantId;

/** The enrolled organisations in {@code offering_enrolled_member}, one row per offering and organisation. */
@Repository
@Transactional(readOnly = true)
class JdbcEnrolledOrganisations implements EnrolledOrganisations {

    private final JdbcClient jdbc;

    JdbcEnrolledOrganisations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Written just before the transaction commits, with its seat counts and in one order ({@link SeatCountChanges}). */
    @Override
    @Transactional
    public void record(UUID offeringId, TenantId owner, TenantId member) {
        SeatCountChanges.ofThisTransaction(jdbc).addEnrolled(offeringId, owner, member);
    }

    @Override
    public boolean isEnrolled(UUID offeringId, TenantId member) {
        return jdbc.sql("select exists (select 1 from offering_enrolled_member where offering_id = ? and member = ?)")
                .params(offeringId, member.value())
                .query(Boolean.class)
                .single();
    }
}
