package se.samlyft.identity.person.persistence;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import se.samlyft.identity.person.PersonalNumberRead;
import se.samlyft.identity.person.PersonalNumberReads;
import se.samlyft.platform.tenancy.TenantId;

/** The audit log of personal identity number reads in {@code personal_number_read}, under row-level security. */
@Repository
@Transactional(readOnly = true)
class JdbcPersonalNumberReads implements PersonalNumberReads {

    private final JdbcClient jdbc;

    JdbcPersonalNumberReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void record(PersonalNumberRead read) {
        jdbc.sql("""
                        insert into personal_number_read
                            (id, tenant_id, person_id, read_at, reader, reader_person, reader_role, purpose,
                             programme_id)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        read.id(),
                        read.organisation().value(),
                        read.person(),
                        Timestamp.from(read.at()),
                        read.reader(),
                        read.readerPerson().orElse(null),
                        read.role().name(),
                        read.purpose().name(),
                        read.programme().orElse(null))
                .update();
    }

    @Override
    public List<PersonalNumberRead> page(@Nullable UUID person, int page, int size) {
        return jdbc.sql("""
                        select id, tenant_id, person_id, read_at, reader, reader_person, reader_role, purpose,
                               programme_id
                        from personal_number_read
                        where (cast(:person as uuid) is null or person_id = :person)
                        order by read_at desc, id
                        limit :size offset :offset""")
                .param("person", person)
                .param("size", size)
                .param("offset", (long) page * size)
                .query((row, number) -> new PersonalNumberRead(
                        row.getObject("id", UUID.class),
                        TenantId.of(row.getString("tenant_id")),
                        row.getObject("person_id", UUID.class),
                        row.getTimestamp("read_at").toInstant(),
                        row.getString("reader"),
                        Optional.ofNullable(row.getObject("reader_person", UUID.class)),
                        PersonalNumberRead.ReaderRole.valueOf(row.getString("reader_role")),
                        PersonalNumberRead.Purpose.valueOf(row.getString("purpose")),
                        Optional.ofNullable(row.getObject("programme_id", UUID.class))))
                .list();
    }

    @Override
    public long count(@Nullable UUID person) {
        return jdbc.sql("select count(*) from personal_number_read where (cast(:person as uuid) is null or"
                        + " person_id = :person)")
                .param("person", person)
                .query(Long.class)
                .single();
    }
}
