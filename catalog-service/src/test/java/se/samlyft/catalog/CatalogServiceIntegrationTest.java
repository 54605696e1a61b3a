package se.samlyft.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samlyft.testsupport.ServicePlatformTest;
import se.samlyft.testsupport.TestTokens;

class CatalogServiceIntegrationTest extends ServicePlatformTest {

    CatalogServiceIntegrationTest() {
        super("/api/catalog");
    }

    @Override
    protected void seedRowsOfTwoTenants(JdbcTemplate owner) {
        owner.update(
                "delete from offering where tenant_id in (?, ?)"
                        + " or programme_id in (select id from programme where tenant_id in (?, ?))",
                ARVIDSJAUR,
                MALA,
                ARVIDSJAUR,
                MALA);
        owner.update("delete from course where tenant_id in (?, ?)", ARVIDSJAUR, MALA);
        owner.update("delete from programme where tenant_id in (?, ?)", ARVIDSJAUR, MALA);
        seedCourse(owner, ARVIDSJAUR, "Dokumentera säkert");
        seedCourse(owner, MALA, "Välfärdsteknik i vardagen");
        String programme = """
                insert into programme (id, tenant_id, number, name, funder, region, start_date, end_date,
                    total_budget_sek, grant_sek, co_financing_rate, planned_participants, version)
                values (?, ?, ?, ?, 'ESF', 'Övre Norrland', date '2020-08-01', date '2022-12-31', 6388583, 2993347,
                    50, 460, 1)""";
        owner.update(programme, UUID.randomUUID(), ARVIDSJAUR, "2020/00194", "Välfärdsteknologi i omsorgen");
        owner.update(programme, UUID.randomUUID(), MALA, "2020/00195", "Välfärdsteknologi i Malå");
    }

    private static void seedCourse(JdbcTemplate owner, String tenant, String title) {
        UUID id = UUID.randomUUID();
        UUID offering = UUID.randomUUID();
        owner.update(
                "insert into course (id, tenant_id, title, status, estimated_minutes) values (?, ?, ?, 'PUBLISHED', 60)",
                id,
                tenant,
                title);
        owner.update(
                "insert into course_module (course_id, position, tenant_id, title, estimated_minutes)"
                        + " values (?, 0, ?, 'Introduktion', 60)",
                id,
                tenant);
        owner.update("""
                insert into offering (id, tenant_id, course_id, enrolment_opens_at, enrolment_closes_at, starts_at,
                    ends_at, online, capacity, approval_required, paid_working_time, audience, status, version)
                values (?, ?, ?, timestamptz '2026-08-01 06:00Z', timestamptz '2026-09-01 21:59Z',
                    timestamptz '2026-09-07 06:00Z', timestamptz '2026-11-27 15:00Z', true, 40, false, true,
                    'OWN_STAFF', 'SCHEDULED', 1)""", offering, tenant, id);
        owner.update(
                "insert into offering_audience (offering_id, tenant_id, member) values (?, ?, ?)",
                offering,
                tenant,
                tenant);
        owner.update(
                "insert into offering_quota (offering_id, tenant_id, member, seats) values (?, ?, ?, 5)",
                offering,
                tenant,
                tenant);
        owner.update(
                "insert into offering_seat_holder (enrolment_id, offering_id, tenant_id, holds_seat, version)"
                        + " values (?, ?, ?, true, 2)",
                UUID.randomUUID(),
                offering,
                tenant);
        owner.update(
                "insert into offering_enrolled_member (offering_id, tenant_id, member) values (?, ?, ?)",
                offering,
                tenant,
                tenant);
    }

    @Test
    void listsOnlyTheCallersOwnCourses() {
        var ofArvidsjaur = http.get("/api/catalog/courses", participantOf(ARVIDSJAUR))
                .json()
                .path("items");
        var ofMala =
                http.get("/api/catalog/courses", participantOf(MALA)).json().path("items");

        assertThat(ofArvidsjaur).hasSize(1);
        assertThat(ofArvidsjaur.get(0).path("title").asString()).isEqualTo("Dokumentera säkert");
        assertThat(ofMala).hasSize(1);
        assertThat(ofMala.get(0).path("owner").asString()).isEqualTo(MALA);
    }

    @Test
    void showsNothingToATokenWithoutAnOrganisation() {
        String noTenant = TestTokens.get()
                .token()
                .username("utan-organisation")
                .roles("participant")
                .sign();

        var courses = http.get("/api/catalog/courses", noTenant);

        assertThat(courses.status()).isEqualTo(200);
        assertThat(courses.json().path("items")).isEmpty();
        assertThat(courses.json().path("totalItems").asLong()).isZero();
    }
}
