package se.samlyft.catalog.course;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samlyft.catalog.CatalogApi.coordinatorOf;
import static se.samlyft.catalog.CatalogApi.federationCoordinatorOf;
import static se.samlyft.catalog.CatalogApi.managerOf;
import static se.samlyft.catalog.CatalogApi.participantOf;
import static se.samlyft.catalog.course.CourseFixture.course;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.samlyft.catalog.AgainstTheCatalog;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class CourseApiTest extends AgainstTheCatalog {

    private static final String COURSES = "/api/catalog/courses";
    private static final String STORUMAN = "storuman";
    private static final String SORSELE = "sorsele";
    private static final String AKADEMI_NORR = "akademi-norr";

    @Test
    void coordinatorCreatesADraftAnsweredWithItsLocationAndETag() {
        var created = api.post(COURSES, coordinatorOf(STORUMAN), course().json());

        assertThat(created.status()).isEqualTo(201);
        JsonNode body = created.json();
        assertThat(created.header("Location"))
                .isEqualTo(COURSES + "/" + body.path("id").asString());
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        assertThat(body.path("owner").asString()).isEqualTo(STORUMAN);
        assertThat(body.path("status").asString()).isEqualTo("DRAFT");
        assertThat(body.path("language").asString()).isEqualTo("sv");
        assertThat(body.path("estimatedHours").decimalValue()).isEqualByComparingTo("2.0");
        assertThat(body.path("modules").get(1).path("title").asString()).isEqualTo("Sekretess och åtkomst i journalen");

        var read = api.get(created.header("Location"), coordinatorOf(STORUMAN));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"1\"");
        assertThat(read.json().path("title").asString()).isEqualTo("Dokumentera säkert");
    }

    @Test
    void aRetriedCreationWithTheSameIdempotencyKeyCreatesOneCourse() {
        String key = UUID.randomUUID().toString();
        String json = course("Lyft och förflyttning").json();

        var first = api.postWithKey(COURSES, coordinatorOf(STORUMAN), key, json);
        var retried = api.postWithKey(COURSES, coordinatorOf(STORUMAN), key, json);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.json().path("id")).isEqualTo(first.json().path("id"));
    }

    @Test
    void participantsAndManagersMayNotCreateOrChangeCourses() {
        String id = createdId(STORUMAN, course("Bemötande vid demenssjukdom"));

        var byParticipant = api.post(COURSES, participantOf(STORUMAN), course().json());
        var byManager = api.post(COURSES + "/" + id + "/publish", managerOf(STORUMAN));
        var changeByParticipant = api.put(COURSES + "/" + id, participantOf(STORUMAN), "\"1\"", course().json());

        assertThat(List.of(byParticipant.status(), byManager.status(), changeByParticipant.status()))
                .containsOnly(403);
        assertThat(byParticipant.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void federationCoordinatorManagesTheFederationsOwnCourses() {
        String federation = federationCoordinatorOf(AKADEMI_NORR);
        var created =
                api.post(COURSES, federation, course("Välfärdsteknik – grunder").json());

        var published = api.post(COURSES + "/" + created.json().path("id").asString() + "/publish", federation);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("owner").asString()).isEqualTo(AKADEMI_NORR);
        assertThat(published.status()).isEqualTo(200);
        assertThat(published.json().path("status").asString()).isEqualTo("PUBLISHED");
    }

    @Test
    void anotherOrganisationsCourseIsNotFound() {
        String id = createdId(STORUMAN, course("Läkemedelshantering"));
        api.post(COURSES + "/" + id + "/publish", coordinatorOf(STORUMAN));
        String other = coordinatorOf(SORSELE);

        assertThat(api.get(COURSES + "/" + id, other).status()).isEqualTo(404);
        assertThat(api.get(COURSES + "/" + id, participantOf(SORSELE)).status()).isEqualTo(404);
        assertThat(api.put(COURSES + "/" + id, other, "\"2\"", course().json()).status())
                .isEqualTo(404);
        assertThat(api.post(COURSES + "/" + id + "/archive", other).status()).isEqualTo(404);
    }

    @Test
    void participantsSeeOnlyPublishedCoursesWhileCoordinatorsAlsoSeeDrafts() {
        String tenant = "arjeplog";
        String draft = createdId(tenant, course("Nutrition för äldre"));
        String published = createdId(tenant, course("Munhälsa i omsorgen"));
        api.post(COURSES + "/" + published + "/publish", coordinatorOf(tenant));

        assertThat(idsOf(api.get(COURSES, participantOf(tenant)).json())).containsExactly(published);
        assertThat(idsOf(api.get(COURSES, managerOf(tenant)).json())).containsExactly(published);
        assertThat(idsOf(api.get(COURSES, coordinatorOf(tenant)).json())).containsExactlyInAnyOrder(draft, published);
        assertThat(api.get(COURSES + "/" + draft, participantOf(tenant)).status())
                .isEqualTo(404);
        assertThat(api.get(COURSES + "/" + published, participantOf(tenant)).status())
                .isEqualTo(200);
    }

    @Test
    void listsPageByPageUpToAHundredAtATime() {
        String tenant = "norsjo";
        createdId(tenant, course("Äldres psykiska ohälsa"));
        createdId(tenant, course("Basala hygienrutiner"));
        createdId(tenant, course("Språkstöd i vardagen"));

        JsonNode second =
                api.get(COURSES + "?page=1&size=2", coordinatorOf(tenant)).json();
        var tooLarge = api.get(COURSES + "?size=101", coordinatorOf(tenant));
        var negative = api.get(COURSES + "?page=-1", coordinatorOf(tenant));

        assertThat(second.path("items")).hasSize(1);
        assertThat(second.path("items").get(0).path("title").asString()).isEqualTo("Äldres psykiska ohälsa");
        assertThat(second.path("totalItems").asLong()).isEqualTo(3);
        assertThat(second.path("totalPages").asLong()).isEqualTo(2);
        assertThat(tooLarge.status()).isEqualTo(400);
        assertThat(negative.status()).isEqualTo(400);
    }

    @Test
    void anUpdateNeedsTheCurrentETag() {
        String id = createdId(STORUMAN, course("Palliativ vård"));
        String changed = course("Palliativ vård i livets slutskede").json();

        var withoutIfMatch = api.put(COURSES + "/" + id, coordinatorOf(STORUMAN), null, changed);
        var current = api.put(COURSES + "/" + id, coordinatorOf(STORUMAN), "\"1\"", changed);
        var stale = api.put(COURSES + "/" + id, coordinatorOf(STORUMAN), "\"1\"", changed);

        assertThat(withoutIfMatch.status()).isEqualTo(428);
        assertThat(current.status()).isEqualTo(200);
        assertThat(current.header("ETag")).isEqualTo("\"2\"");
        assertThat(current.json().path("title").asString()).isEqualTo("Palliativ vård i livets slutskede");
        assertThat(stale.status()).isEqualTo(412);
    }

    @Test
    void aCourseGoesFromDraftToPublishedToArchivedAndNoFurther() {
        String id = createdId(STORUMAN, course("Förflyttningsteknik"));
        String coordinator = coordinatorOf(STORUMAN);

        var published = api.post(COURSES + "/" + id + "/publish", coordinator);
        var publishedAgain = api.post(COURSES + "/" + id + "/publish", coordinator);
        var archived = api.post(COURSES + "/" + id + "/archive", coordinator);
        var changedAfterwards = api.put(COURSES + "/" + id, coordinator, "\"3\"", course().json());

        assertThat(published.status()).isEqualTo(200);
        assertThat(published.header("ETag")).isEqualTo("\"2\"");
        assertThat(publishedAgain.status()).isEqualTo(409);
        assertThat(publishedAgain.json().path("detail").asString()).contains("Only a draft can be published");
        assertThat(archived.json().path("status").asString()).isEqualTo("ARCHIVED");
        assertThat(changedAfterwards.status()).isEqualTo(409);
        assertThat(api.get(COURSES + "/" + id, participantOf(STORUMAN)).status())
                .isEqualTo(404);
    }

    @Test
    void refusesABlankTitleNamingTheField() {
        assertThat(fieldsOfRefused(course("  ").node())).contains("title");
    }

    @Test
    void refusesTextWithANulCharacterNamingTheFieldInsteadOfFailingInTheDatabase() {
        ObjectNode inTitle = course().node().put("title", "Välfärdsteknik\u0000");
        ObjectNode inDescription = course().node().put("description", "Trygghetslarm\u0000 i hemtjänsten");
        ObjectNode inAModule = course().node();
        ((ObjectNode) inAModule.path("modules").get(0)).put("title", "Modul\u0000 1");

        assertThat(fieldsOfRefused(inTitle)).containsExactly("title");
        assertThat(fieldsOfRefused(inDescription)).containsExactly("description");
        assertThat(fieldsOfRefused(inAModule)).containsExactly("modules[0].title");
    }

    @Test
    void refusesACourseWithoutModules() {
        ObjectNode course = course().node();
        course.putArray("modules");

        assertThat(fieldsOfRefused(course)).contains("modules");
    }

    @Test
    void refusesNegativeMinutes() {
        assertThat(fieldsOfRefused(course().module("Övning", -15).node())).contains("modules[2].estimatedMinutes");
    }

    @Test
    void refusesAnUnknownFormat() {
        assertThat(fieldsOfRefused(course().format("HEMSTUDIER").node())).contains("format");
    }

    private List<String> fieldsOfRefused(ObjectNode course) {
        var refused = api.post(COURSES, coordinatorOf(STORUMAN), course.toString());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        return refused.json()
                .path("errors")
                .valueStream()
                .map(error -> error.path("field").asString())
                .toList();
    }

    private String createdId(String tenant, CourseFixture course) {
        var created = api.post(COURSES, coordinatorOf(tenant), course.json());
        assertThat(created.status()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    private static List<String> idsOf(JsonNode page) {
        return page.path("items")
                .valueStream()
                .map(item -> item.path("id").asString())
                .toList();
    }
}
