package se.samlyft.enrolment.person.persistence;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import se.samlyft.enrolment.person.People;
import se.samlyft.enrolment.person.Person;
import se.samlyft.enrolment.person.PersonStatus;
import se.samlyft.platform.inbox.VersionedUpsert;
import se.samlyft.platform.tenancy.TenantId;

/** The person copies in PostgreSQL, each visible to its organisation only. */
@Repository
@Transactional(readOnly = true)
class JdbcPeople implements People {

    private static final VersionedUpsert UPSERT =
            VersionedUpsert.into("person", "id", "version", "tenant_id", "workplace_id", "manager_id", "status");

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    JdbcPeople(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    @Override
    public Optional<Person> find(UUID id) {
        return jdbc.sql("select id, tenant_id, workplace_id, manager_id, status, version from person where id = ?")
                .param(id)
                .query((row, number) -> new Person(
                        row.getObject("id", UUID.class),
                        TenantId.of(row.getString("tenant_id")),
                        row.getString("workplace_id"),
                        row.getObject("manager_id", UUID.class),
                        PersonStatus.valueOf(row.getString("status")),
                        row.getLong("version")))
                .optional();
    }

    @Override
    @Transactional
    public boolean save(Person person) {
        return UPSERT.apply(
                template,
                person.id(),
                person.version(),
                person.organisation().value(),
                person.workplaceId(),
                person.managerId(),
                person.status().name());
    }

    @Override
    @Transactional
    public boolean left(UUID id, TenantId organisation, long version) {
        return jdbc.sql("""
                        insert into person as existing (id, version, tenant_id, status) values (?, ?, ?, 'LEFT')
                        on conflict (id) do update set version = excluded.version, status = excluded.status
                        where excluded.version > existing.version""").params(id, version, organisation.value()).update() > 0;
    }

    @Override
    @Transactional
    public boolean erased(UUID id, TenantId organisation, long version) {
        return UPSERT.apply(template, id, version, organisation.value(), null, null, PersonStatus.ERASED.name());
    }
}
