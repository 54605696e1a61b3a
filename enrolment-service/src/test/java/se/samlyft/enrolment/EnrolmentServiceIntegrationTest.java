package se.samlyft.enrolment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samlyft.testsupport.ServicePlatformTest;

class EnrolmentServiceIntegrationTest extends ServicePlatformTest {

    private static final UUID JOINT_OFFERING = UUID.randomUUID();

    EnrolmentServiceIntegrationTest() {
        super("/api/enrolments");
    }

    @Override
    protected void seedRowsOfTwoTenants(JdbcTemplate owner) {
        owner.update("delete from enrolment");
        String insert = "insert into enrolment (id, tenant_id, offering_id, person_id, state) values (?, ?, ?, ?, ?)";
        owner.update(insert, UUID.randomUUID(), ARVIDSJAUR, JOINT_OFFERING, UUID.randomUUID(), "CONFIRMED");
        owner.update(insert, UUID.randomUUID(), MALA, JOINT_OFFERING, UUID.randomUUID(), "WAITLISTED");
        owner.update(insert, UUID.randomUUID(), MALA, JOINT_OFFERING, UUID.randomUUID(), "CONFIRMED");
    }

    @Test
    void listsOnlyTheEnrolmentsOfTheCallersOrganisationOnAJointOffering() {
        var ofArvidsjaur =
                http.get("/api/enrolments", participantOf(ARVIDSJAUR)).json();
        var ofMala = http.get("/api/enrolments", participantOf(MALA)).json();

        assertThat(ofArvidsjaur).hasSize(1);
        assertThat(ofArvidsjaur.get(0).path("state").asString()).isEqualTo("CONFIRMED");
        assertThat(ofMala).hasSize(2);
        assertThat(ofMala.valueStream()
                        .map(enrolment -> enrolment.path("organisation").asString()))
                .containsOnly(MALA);
    }
}
