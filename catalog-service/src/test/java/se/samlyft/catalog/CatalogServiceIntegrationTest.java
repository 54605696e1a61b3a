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
        owner.update("delete from course");
        String insert = "insert into course (id, tenant_id, title, status) values (?, ?, ?, ?)";
        owner.update(insert, UUID.randomUUID(), ARVIDSJAUR, "Dokumentera säkert", "PUBLISHED");
        owner.update(insert, UUID.randomUUID(), MALA, "Välfärdsteknik i vardagen", "DRAFT");
    }

    @Test
    void listsOnlyTheCallersOwnCourses() {
        var ofArvidsjaur =
                http.get("/api/catalog/courses", participantOf(ARVIDSJAUR)).json();
        var ofMala = http.get("/api/catalog/courses", participantOf(MALA)).json();

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
        assertThat(courses.json()).isEmpty();
    }
}
