package se.samlyft.enrolment.enrolment.persistence;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import se.samlyft.enrolment.enrolment.Enrolment;
import se.samlyft.enrolment.enrolment.EnrolmentState;
import se.samlyft.enrolment.enrolment.Enrolments;
import se.samlyft.platform.tenancy.TenantId;

/** Enrolments in PostgreSQL; row-level security limits every query to the transaction's tenant scope. */
@Repository
@Transactional(readOnly = true)
class JdbcEnrolments implements Enrolments {

    private final JdbcClient jdbc;

    JdbcEnrolments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Enrolment> visibleEnrolments() {
        return jdbc.sql("select id, tenant_id, offering_id, person_id, state from enrolment order by created_at, id")
                .query((row, number) -> new Enrolment(
                        row.getObject("id", UUID.class),
                        TenantId.of(row.getString("tenant_id")),
                        row.getObject("offering_id", UUID.class),
                        row.getObject("person_id", UUID.class),
                        EnrolmentState.valueOf(row.getString("state"))))
                .list();
    }
}
