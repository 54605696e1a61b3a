package se.samlyft.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samlyft.testsupport.TestPostgres;

class VersionedUpsertTest {

    private static final VersionedUpsert OFFERING =
            VersionedUpsert.into("offering_view", "id", "version", "title", "seats");

    private static JdbcTemplate jdbc;

    private final UUID offering = UUID.randomUUID();

    @BeforeAll
    static void createProjectionTable() {
        jdbc = new JdbcTemplate(
                TestPostgres.get().createDatabase("versioned_upsert").ownerDataSource());
        jdbc.execute(
                "create table offering_view (id uuid primary key, version bigint not null, title text, seats int)");
    }

    @Test
    void writesTheFirstVersionOfAnAggregate() {
        assertThat(OFFERING.apply(jdbc, offering, 1, "Demens ABC i Arjeplog", 20))
                .isTrue();

        assertThat(row()).containsEntry("version", 1L).containsEntry("seats", 20);
    }

    @Test
    void writesANewerVersionOverAnOlderOne() {
        OFFERING.apply(jdbc, offering, 1, "Demens ABC i Arjeplog", 20);

        assertThat(OFFERING.apply(jdbc, offering, 3, "Demens ABC i Arjeplog och Malå", 24))
                .isTrue();

        assertThat(row())
                .containsEntry("version", 3L)
                .containsEntry("title", "Demens ABC i Arjeplog och Malå")
                .containsEntry("seats", 24);
    }

    @Test
    void keepsTheStoredVersionWhenAnOlderOrTheSameVersionArrives() {
        OFFERING.apply(jdbc, offering, 3, "Demens ABC i Arjeplog och Malå", 24);

        assertThat(OFFERING.apply(jdbc, offering, 2, "Demens ABC i Arjeplog", 20))
                .isFalse();
        assertThat(OFFERING.apply(jdbc, offering, 3, "Samma version, annan titel", 1))
                .isFalse();

        assertThat(row())
                .containsEntry("version", 3L)
                .containsEntry("title", "Demens ABC i Arjeplog och Malå")
                .containsEntry("seats", 24);
    }

    @Test
    void writesNullsWhereTheEventHasNoValue() {
        assertThat(OFFERING.apply(jdbc, offering, 1, null, null)).isTrue();

        assertThat(row()).containsEntry("title", null).containsEntry("seats", null);
    }

    @Test
    void statesItsStatement() {
        assertThat(VersionedUpsert.into("reporting.course_view", "id", "version", "tenant_id", "title")
                        .sql())
                .isEqualTo("insert into reporting.course_view as existing (id, version, tenant_id, title)"
                        + " values (?, ?, ?, ?) on conflict (id) do update set version = excluded.version,"
                        + " tenant_id = excluded.tenant_id, title = excluded.title"
                        + " where excluded.version > existing.version");
    }

    @Test
    void refusesNamesThatAreNotPlainSqlNames() {
        assertThatThrownBy(() -> VersionedUpsert.into("course_view; drop table course_view", "id", "version"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VersionedUpsert.into("course_view", "id", "version", "title = 'x'"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VersionedUpsert.into("course_view", "id", "Version"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VersionedUpsert.into("course_view", "id", "version", "id"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAValueMoreOrLessThanItsColumns() {
        assertThatThrownBy(() -> OFFERING.apply(jdbc, offering, 1, "Demens ABC"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Expected 2 values");
    }

    private Map<String, Object> row() {
        return jdbc.queryForMap("select * from offering_view where id = ?", offering);
    }
}
