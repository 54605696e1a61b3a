package se.samlyft.identity.person.persistence;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import se.samlyft.identity.person.People;
import se.samlyft.identity.person.Person;
import se.samlyft.platform.tenancy.TenantId;

/** People in PostgreSQL; row-level security limits every query to the transaction's tenant scope. */
@Repository
@Transactional(readOnly = true)
class JdbcPeople implements People {

    private final JdbcClient jdbc;

    JdbcPeople(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Person> visiblePeople() {
        return jdbc.sql("select id, tenant_id, occupation from person order by created_at, id")
                .query((row, number) -> new Person(
                        row.getObject("id", UUID.class),
                        TenantId.of(row.getString("tenant_id")),
                        row.getString("occupation")))
                .list();
    }
}
