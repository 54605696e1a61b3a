package se.samlyft.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samlyft.catalog.CatalogApi.managerOf;
import static se.samlyft.catalog.CatalogApi.participantOf;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.samlyft.catalog.AgainstTheCatalog;
import se.samlyft.testsupport.TestHttp;

/** The catalog's refusals are 403 problems whose detail names the rule of {@link CatalogPolicy} that applied. */
class CatalogPolicyTest extends AgainstTheCatalog {

    private static final String LYCKSELE = "lycksele";

    @Test
    void aParticipantIsToldWhoPublishesCourses() {
        var publish = api.post("/api/catalog/courses/" + UUID.randomUUID() + "/publish", participantOf(LYCKSELE));

        assertRefused(publish, "Only a coordinator of the organisation may create or change its courses.");
    }

    @Test
    void aManagerIsToldWhoCancelsOfferings() {
        var cancel = api.post("/api/catalog/offerings/" + UUID.randomUUID() + "/cancel", managerOf(LYCKSELE));

        assertRefused(cancel, "Only a coordinator of the organisation may create, change or cancel its offerings.");
    }

    private static void assertRefused(TestHttp.Response response, String rule) {
        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().path("detail").asString()).isEqualTo(rule);
    }
}
