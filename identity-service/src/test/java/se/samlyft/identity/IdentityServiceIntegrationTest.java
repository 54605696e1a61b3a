package se.samlyft.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samlyft.testsupport.ServicePlatformTest;

class IdentityServiceIntegrationTest extends ServicePlatformTest {

    private static final UUID[] PEOPLE = {
        UUID.fromString("00000000-0000-4000-8000-000000000001"),
        UUID.fromString("00000000-0000-4000-8000-000000000002"),
        UUID.fromString("00000000-0000-4000-8000-000000000003")
    };

    IdentityServiceIntegrationTest() {
        super("/api/identity");
    }

    @Override
    protected void seedRowsOfTwoTenants(JdbcTemplate owner) {
        String organisation = """
                insert into organisation (slug, kind, name, organisation_number, municipality_code, version,
                    registered_at, updated_at)
                values (?, 'MUNICIPALITY', ?, ?, ?, 1, now(), now()) on conflict do nothing""";
        owner.update(organisation, ARVIDSJAUR, "Arvidsjaurs kommun", "212000-2627", "2505");
        owner.update(organisation, MALA, "Malå kommun", "212000-2486", "2418");
        owner.update("delete from person where id = any (?)", (Object) PEOPLE);
        String person = """
                insert into person (id, tenant_id, given_name, family_name, email, workplace_id, workplace_name,
                    occupation, sex, birth_year, education_level, roles)
                values (?, ?, ?, ?, ?, 'hemtjanst-centrum', 'Hemtjänst Centrum', ?, 'WOMAN', 1980, 'ISCED_3_4',
                    '{participant}')""";
        owner.update(person, PEOPLE[0], ARVIDSJAUR, "Anna", "Lind", "anna.lind@arvidsjaur.se", "ASSISTANT_NURSE");
        owner.update(
                person, PEOPLE[1], ARVIDSJAUR, "Björn", "Öhman", "bjorn.ohman@arvidsjaur.se", "PERSONAL_ASSISTANT");
        owner.update(person, PEOPLE[2], MALA, "Märta", "Åberg", "marta.aberg@mala.se", "CARE_AIDE");
        owner.update("delete from organisation_contact where tenant_id in (?, ?)", ARVIDSJAUR, MALA);
        String contact =
                "insert into organisation_contact (id, tenant_id, name, email, position) values (?, ?, ?, ?, 0)";
        owner.update(contact, UUID.randomUUID(), ARVIDSJAUR, "Åsa Öberg", "asa.oberg@arvidsjaur.se");
        owner.update(contact, UUID.randomUUID(), MALA, "Per Ström", "per.strom@mala.se");
        owner.update("delete from erased_person where tenant_id in (?, ?)", ARVIDSJAUR, MALA);
        owner.update(
                "insert into erased_person (id, tenant_id, version, erased_at) values (?, ?, 3, now())",
                UUID.randomUUID(),
                ARVIDSJAUR);
        owner.update("delete from hr_import where tenant_id in (?, ?)", ARVIDSJAUR, MALA);
        owner.update(
                "insert into hr_import (id, tenant_id, dry_run, status, started_at) values (?, ?, true, 'CHECKED', ?)",
                UUID.randomUUID(),
                MALA,
                java.sql.Timestamp.from(Instant.now()));
    }

    @Test
    void listsOnlyThePeopleOfTheCallersOrganisation() {
        var ofArvidsjaur = http.get("/api/identity/people", IdentityApi.coordinatorOf(ARVIDSJAUR))
                .json()
                .path("items");
        var ofMala = http.get("/api/identity/people", IdentityApi.coordinatorOf(MALA))
                .json()
                .path("items");

        assertThat(ofArvidsjaur).hasSize(2);
        assertThat(ofArvidsjaur
                        .valueStream()
                        .map(person -> person.path("organisation").asString()))
                .containsOnly(ARVIDSJAUR);
        assertThat(ofMala).hasSize(1);
        assertThat(ofMala.get(0).path("familyName").asString()).isEqualTo("Åberg");
    }

    @Test
    void showsContactPersonsOnlyToTheOrganisationsOwnPeople() {
        var own = http.get("/api/identity/organisations/" + ARVIDSJAUR, participantOf(ARVIDSJAUR))
                .json();
        var other = http.get("/api/identity/organisations/" + ARVIDSJAUR, participantOf(MALA))
                .json();

        assertThat(own.path("contacts").get(0).path("name").asString()).isEqualTo("Åsa Öberg");
        assertThat(other.path("name").asString()).isEqualTo("Arvidsjaurs kommun");
        assertThat(other.path("contacts")).isEmpty();
    }
}
