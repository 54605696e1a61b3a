package se.samlyft.catalog.course;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samlyft.catalog.CatalogApi.coordinatorOf;
import static se.samlyft.catalog.CatalogApi.federationCoordinatorOf;
import static se.samlyft.catalog.CatalogApi.managerOf;
import static se.samlyft.catalog.CatalogApi.participantOf;
import static se.samlyft.catalog.course.CourseFixture.course;
import static se.samlyft.catalog.offering.OfferingFixture.hostterminen;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.samlyft.catalog.AgainstTheCatalog;
import se.samlyft.testsupport.TestHttp;
import tools.jackson.databind.node.ObjectNode;

class JointCourseVisibilityTest extends AgainstTheCatalog {

    private static final String COURSES = "/api/catalog/courses";
    private static final String OFFERINGS = "/api/catalog/offerings";
    private static final String AKADEMI_NORR = "akademi-norr";

    private String federation;
    private String courseId;

    @BeforeEach
    void publishTheFederationsCourse() {
        federation = federationCoordinatorOf(AKADEMI_NORR);
        CourseFixture dokumentation = course("Dokumentation i hemtjänsten")
                .description("Hur insatserna dokumenteras så att nästa kollega kan fortsätta.");
        courseId = api.post(COURSES, federation, dokumentation.json())
                .json()
                .path("id")
                .asString();
        api.post(COURSES + "/" + courseId + "/publish", federation);
    }

    @Test
    void aMemberFindsTheFederationsCourseOnceAnOfferingForItIsScheduled() {
        assertThat(idsFoundBy(participantOf("arvidsjaur"), "q=dokumentation")).doesNotContain(courseId);
        assertThat(api.get(COURSES + "/" + courseId, participantOf("arvidsjaur"))
                        .status())
                .isEqualTo(404);

        schedule(hostterminen(courseId).put("audience", "FEDERATION_MEMBERS"));

        assertThat(idsFoundBy(participantOf("arvidsjaur"), "q=dokumentation")).contains(courseId);
        assertThat(idsFoundBy(managerOf("arvidsjaur"), "q=dokumentation&municipality=2462"))
                .contains(courseId);
        var read = api.get(COURSES + "/" + courseId, participantOf("arvidsjaur"));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("title").asString()).isEqualTo("Dokumentation i hemtjänsten");
        assertThat(read.json().path("modules")).isNotEmpty();
    }

    @Test
    void aMunicipalityOutsideTheFederationFindsNothingOfIt() {
        schedule(hostterminen(courseId).put("audience", "FEDERATION_MEMBERS"));

        assertThat(idsFoundBy(participantOf("pitea"), "q=dokumentation")).doesNotContain(courseId);
        assertThat(api.get(COURSES + "/" + courseId, participantOf("pitea")).status())
                .isEqualTo(404);
        assertThat(api.get(COURSES + "/" + courseId, coordinatorOf("pitea")).status())
                .isEqualTo(404);
    }

    @Test
    void aNamedAudienceShowsTheCourseOnlyToTheNamedMembers() {
        ObjectNode named = hostterminen(courseId).put("audience", "NAMED");
        named.putArray("namedOrganisations").add("vilhelmina");
        schedule(named);

        assertThat(idsFoundBy(participantOf("vilhelmina"), "q=dokumentation")).contains(courseId);
        assertThat(idsFoundBy(participantOf("dorotea"), "q=dokumentation")).doesNotContain(courseId);
        assertThat(idsFoundBy(participantOf("dorotea"), "municipality=2462")).doesNotContain(courseId);
        assertThat(api.get(COURSES + "/" + courseId, participantOf("dorotea")).status())
                .isEqualTo(404);
    }

    @Test
    void aCancelledOfferingNoLongerShowsTheCourse() {
        String offering = schedule(hostterminen(courseId).put("audience", "FEDERATION_MEMBERS"));

        assertThat(api.post(offering + "/cancel", federation).status()).isEqualTo(200);

        assertThat(idsFoundBy(participantOf("arvidsjaur"), "q=dokumentation")).doesNotContain(courseId);
        assertThat(api.get(COURSES + "/" + courseId, participantOf("arvidsjaur"))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void anArchivedCourseOfTheFederationIsHiddenEvenWithAScheduledOffering() {
        schedule(hostterminen(courseId).put("audience", "FEDERATION_MEMBERS"));

        assertThat(api.post(COURSES + "/" + courseId + "/archive", federation).status())
                .isEqualTo(200);

        assertThat(idsFoundBy(participantOf("arvidsjaur"), "q=dokumentation")).doesNotContain(courseId);
        assertThat(api.get(COURSES + "/" + courseId, coordinatorOf("arvidsjaur"))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aMemberReadsButNeitherListsNorChangesTheFederationsCourse() {
        schedule(hostterminen(courseId).put("audience", "FEDERATION_MEMBERS"));
        String member = coordinatorOf("arvidsjaur");

        assertThat(api.post(COURSES + "/" + courseId + "/archive", member).status())
                .isEqualTo(404);
        assertThat(api.put(
                                COURSES + "/" + courseId,
                                member,
                                "\"2\"",
                                course("Övertagen").json())
                        .status())
                .isEqualTo(404);
        assertThat(api.get(COURSES + "?size=100", member)
                        .json()
                        .path("items")
                        .valueStream()
                        .map(item -> item.path("id").asString()))
                .doesNotContain(courseId);
        assertThat(api.get(COURSES + "/" + courseId, federation)
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("PUBLISHED");
    }

    private String schedule(ObjectNode offering) {
        TestHttp.Response scheduled = api.post(OFFERINGS, federation, offering.toString());
        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(201);
        return scheduled.header("Location");
    }

    private List<String> idsFoundBy(String token, String query) {
        var found = api.get(COURSES + "/search?size=100&" + query, token);
        assertThat(found.status()).isEqualTo(200);
        return found.json()
                .path("items")
                .valueStream()
                .map(item -> item.path("id").asString())
                .toList();
    }
}
