package se.samlyft.enrolment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.samlyft.testsupport.ServicePlatformTest;
import se.samlyft.testsupport.TestTokens;

class EnrolmentServiceIntegrationTest extends ServicePlatformTest {

    private static final UUID JOINT_OFFERING = UUID.randomUUID();
    private static final UUID COURSE = UUID.randomUUID();
    private static final UUID ARVIDSJAUR_PERSON = UUID.randomUUID();

    EnrolmentServiceIntegrationTest() {
        super("/api/enrolments");
    }

    @Override
    protected void seedRowsOfTwoTenants(JdbcTemplate owner) {
        owner.update("delete from time_statement");
        owner.update("delete from enrolment");
        owner.update("delete from person");
        owner.update("delete from offering");
        owner.update("delete from course");
        owner.update(
                "insert into course (id, tenant_id, format, module_count, version) values (?, ?, ?, ?, 1)",
                COURSE,
                "akademi-norr",
                "SELF_PACED_DIGITAL",
                4);
        owner.update("""
                insert into offering (id, tenant_id, course_id, enrolment_opens_at, enrolment_closes_at, starts_at,
                    ends_at, capacity, pool, quotas, audience, approval_required, paid_working_time, version)
                values (?, 'akademi-norr', ?, now(), now() + interval '10 days', now() + interval '20 days',
                    now() + interval '60 days', 10, 10, '{}', array['arvidsjaur', 'mala'], false, true, 1)""", JOINT_OFFERING, COURSE);
        String person = "insert into person (id, tenant_id, status, version) values (?, ?, 'ACTIVE', 1)";
        owner.update(person, ARVIDSJAUR_PERSON, ARVIDSJAUR);
        owner.update(person, UUID.randomUUID(), MALA);
        String insert = """
                insert into enrolment (id, tenant_id, offering_id, person_id, course_id, offering_owner, state,
                    seat_source)
                values (?, ?, ?, ?, ?, 'akademi-norr', ?, ?)""";
        UUID started = UUID.randomUUID();
        owner.update(insert, started, ARVIDSJAUR, JOINT_OFFERING, ARVIDSJAUR_PERSON, COURSE, "IN_PROGRESS", "POOL");
        owner.update(insert, UUID.randomUUID(), MALA, JOINT_OFFERING, UUID.randomUUID(), COURSE, "WAITLISTED", null);
        owner.update(insert, UUID.randomUUID(), MALA, JOINT_OFFERING, UUID.randomUUID(), COURSE, "CONFIRMED", "POOL");
        owner.update("""
                insert into time_statement (enrolment_id, month, tenant_id, hours, paid_working_time_hours, revision,
                    confirmed_at)
                values (?, '2026-09', ?, 10, 4, 1, now())""", started, ARVIDSJAUR);
    }

    @Test
    void theSeatDesksCountsAnswerForEveryOrganisationButOnlyInAScopeThatMayReadTheOffering() {
        DataSource appRole = database.appDataSource();
        TransactionTemplate transaction = new TransactionTemplate(new JdbcTransactionManager(appRole));
        JdbcTemplate app = new JdbcTemplate(appRole);

        record Counts(int seats, int waiting) {}
        Function<String, Counts> countsIn = scope -> transaction.execute(status -> {
            app.queryForObject("select set_config('samlyft.tenant_ids', ?, true)", String.class, scope);
            Integer seats = app.queryForObject(
                    "select coalesce(sum(seats), 0)::integer from enrolment_seats_taken(?)",
                    Integer.class,
                    JOINT_OFFERING);
            Integer waiting = app.queryForObject(
                    "select enrolment_waiting_before(?, ?)", Integer.class, JOINT_OFFERING, Long.MAX_VALUE);
            return new Counts(seats, waiting);
        });

        // Arvidsjaur's scope sees Malå's seats and the person of Malå waiting too: the desk counts every organisation.
        assertThat(countsIn.apply(ARVIDSJAUR)).isEqualTo(new Counts(2, 1));
        // A scope that may not read the offering learns nothing from the counts.
        assertThat(countsIn.apply("sorsele")).isEqualTo(new Counts(0, 0));
    }

    @Test
    void listsOnlyTheEnrolmentsOfTheCallersOrganisationOnAJointOffering() {
        var ofArvidsjaur =
                http.get("/api/enrolments", coordinatorOf(ARVIDSJAUR)).json().path("items");
        var ofMala = http.get("/api/enrolments", coordinatorOf(MALA)).json().path("items");

        assertThat(ofArvidsjaur).hasSize(1);
        assertThat(ofArvidsjaur.get(0).path("state").asString()).isEqualTo("IN_PROGRESS");
        assertThat(ofMala).hasSize(2);
        assertThat(ofMala.valueStream()
                        .map(enrolment -> enrolment.path("organisation").asString()))
                .containsOnly(MALA);
    }

    @Test
    void aParticipantListsOnlyTheirOwnEnrolments() {
        String ownToken = TestTokens.get()
                .token()
                .username("arvidsjaur-deltagare-2")
                .organization(ARVIDSJAUR)
                .roles("participant")
                .claim("person_id", ARVIDSJAUR_PERSON.toString())
                .sign();

        var own = http.get("/api/enrolments", ownToken).json().path("items");
        var someoneElse =
                http.get("/api/enrolments", participantOf(MALA)).json().path("items");

        assertThat(own).hasSize(1);
        assertThat(own.get(0).path("personId").asString()).isEqualTo(ARVIDSJAUR_PERSON.toString());
        assertThat(own.get(0).path("percent").isNull()).isFalse();
        assertThat(someoneElse).isEmpty();
    }

    private static String coordinatorOf(String tenant) {
        return TestTokens.get().forUser(tenant + "-samordnare", tenant, "coordinator");
    }
}
