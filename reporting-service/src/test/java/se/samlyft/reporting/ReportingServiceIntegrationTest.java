package se.samlyft.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samlyft.testsupport.ServicePlatformTest;

class ReportingServiceIntegrationTest extends ServicePlatformTest {

    ReportingServiceIntegrationTest() {
        super("/api/reports");
    }

    @Override
    protected void seedRowsOfTwoTenants(JdbcTemplate owner) {
        owner.update("delete from participation");
        UUID offering = UUID.randomUUID();
        String insert = "insert into participation (enrolment_id, tenant_id, offering_id, state) values (?, ?, ?, ?)";
        owner.update(insert, UUID.randomUUID(), ARVIDSJAUR, offering, "COMPLETED");
        owner.update(insert, UUID.randomUUID(), ARVIDSJAUR, offering, "COMPLETED");
        owner.update(insert, UUID.randomUUID(), ARVIDSJAUR, offering, "IN_PROGRESS");
        owner.update(insert, UUID.randomUUID(), MALA, offering, "WITHDRAWN");
    }

    @Test
    void countsOnlyTheCallersOrganisation() {
        var ofArvidsjaur = http.get("/api/reports/participation", participantOf(ARVIDSJAUR))
                .json();
        var ofMala = http.get("/api/reports/participation", participantOf(MALA)).json();

        assertThat(ofArvidsjaur.path("total").asLong()).isEqualTo(3);
        assertThat(ofArvidsjaur.path("byState").path("COMPLETED").asLong()).isEqualTo(2);
        assertThat(ofArvidsjaur.path("byState").has("WITHDRAWN")).isFalse();
        assertThat(ofMala.path("total").asLong()).isEqualTo(1);
    }
}
