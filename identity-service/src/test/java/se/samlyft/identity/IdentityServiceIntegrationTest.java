package se.samlyft.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samlyft.testsupport.ServicePlatformTest;

class IdentityServiceIntegrationTest extends ServicePlatformTest {

    IdentityServiceIntegrationTest() {
        super("/api/identity");
    }

    @Override
    protected void seedRowsOfTwoTenants(JdbcTemplate owner) {
        owner.update("delete from person");
        String insert = "insert into person (id, tenant_id, occupation) values (?, ?, ?)";
        owner.update(insert, UUID.randomUUID(), ARVIDSJAUR, "undersköterska");
        owner.update(insert, UUID.randomUUID(), ARVIDSJAUR, "personlig assistent");
        owner.update(insert, UUID.randomUUID(), MALA, "vårdbiträde");
    }

    @Test
    void listsOnlyThePeopleOfTheCallersOrganisation() {
        var ofArvidsjaur =
                http.get("/api/identity/people", participantOf(ARVIDSJAUR)).json();
        var ofMala = http.get("/api/identity/people", participantOf(MALA)).json();

        assertThat(ofArvidsjaur).hasSize(2);
        assertThat(ofArvidsjaur
                        .valueStream()
                        .map(person -> person.path("employer").asString()))
                .containsOnly(ARVIDSJAUR);
        assertThat(ofMala).hasSize(1);
        assertThat(ofMala.get(0).path("occupation").asString()).isEqualTo("vårdbiträde");
    }
}
