package se.samlyft.catalog.course;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samlyft.catalog.CatalogApi.coordinatorOf;
import static se.samlyft.catalog.CatalogApi.participantOf;
import static se.samlyft.catalog.course.CourseFixture.course;
import static se.samlyft.catalog.offering.OfferingFixture.hostterminen;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.samlyft.catalog.AgainstTheCatalog;

class CourseSearchTest extends AgainstTheCatalog {

    private static final String COURSES = "/api/catalog/courses";

    private String tenant;

    @BeforeEach
    void publishCourses() {
        tenant = "lycksele-" + Integer.toHexString(System.identityHashCode(this));
        published(course("Att skriva genomförandeplaner")
                .description("Hur planen tas fram tillsammans med den enskilde, och dokumentation av insatserna.")
                .themes("personcentrerad omsorg")
                .format("CLASSROOM"));
        published(course("Dokumentera säkert")
                .description("Grunderna i social journalföring.")
                .themes("säker dokumentation")
                .occupations("personlig assistent"));
        published(course("Trygghetslarm och digital tillsyn")
                .description("Välfärdsteknik i nattens tillsyn.")
                .themes("välfärdsteknik"));
        api.post(
                COURSES,
                coordinatorOf(tenant),
                course("Dokumentation för chefer").json());
    }

    @Test
    void findsADocumentationCourseByARelatedWordAndRanksTitleMatchesFirst() {
        assertThat(titlesFound("q=dokumentation"))
                .containsExactly("Dokumentera säkert", "Att skriva genomförandeplaner");
    }

    @Test
    void matchesSwedishInflectionsAndLettersÅÄÖ() {
        assertThat(titlesFound("q=" + encoded("trygghetslarmen"))).containsExactly("Trygghetslarm och digital tillsyn");
        assertThat(titlesFound("q=" + encoded("välfärdsteknik"))).containsExactly("Trygghetslarm och digital tillsyn");
    }

    @Test
    void filtersByThemeOccupationAndFormat() {
        assertThat(titlesFound("theme=" + encoded("välfärdsteknik")))
                .containsExactly("Trygghetslarm och digital tillsyn");
        assertThat(titlesFound("occupation=" + encoded("personlig assistent"))).containsExactly("Dokumentera säkert");
        assertThat(titlesFound("q=dokumentation&format=CLASSROOM")).containsExactly("Att skriva genomförandeplaner");
    }

    @Test
    void filtersByTheMunicipalityAndSwedishDayOnWhichAScheduledOfferingStarts() {
        String id = api.get(COURSES + "/search?occupation=" + encoded("personlig assistent"), participantOf(tenant))
                .json()
                .path("items")
                .get(0)
                .path("id")
                .asString();
        var scheduled = api.post(
                "/api/catalog/offerings",
                coordinatorOf(tenant),
                hostterminen(id)
                        .put("startsAt", "2026-09-06T22:30:00Z")
                        .put("municipalityCode", "2481")
                        .put("venue", "Forsknäppen, Lycksele")
                        .toString());
        assertThat(scheduled.status()).isEqualTo(201);

        assertThat(titlesFound("municipality=2481")).containsExactly("Dokumentera säkert");
        assertThat(titlesFound("municipality=2462")).isEmpty();
        assertThat(titlesFound("from=2026-09-07&to=2026-09-07")).containsExactly("Dokumentera säkert");
        assertThat(titlesFound("to=2026-09-06")).isEmpty();
        assertThat(titlesFound("q=dokumentation&from=2026-09-08")).isEmpty();
        assertThat(api.get(COURSES + "/search?from=2026-09-08&to=2026-09-07", participantOf(tenant))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void leavesOutDraftsAndAnswersPageByPage() {
        var firstPage = api.get(COURSES + "/search?q=dokumentation&size=1", participantOf(tenant))
                .json();

        assertThat(firstPage.path("totalItems").asLong()).isEqualTo(2);
        assertThat(firstPage.path("items")).hasSize(1);
        assertThat(api.get(COURSES + "/search?format=HEMSTUDIER", participantOf(tenant))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void findsNothingOfAnotherOrganisation() {
        var found = api.get(COURSES + "/search?q=dokumentation", participantOf("solleftea"));

        assertThat(found.json()
                        .path("items")
                        .valueStream()
                        .map(item -> item.path("owner").asString()))
                .doesNotContain(tenant);
    }

    private List<String> titlesFound(String query) {
        var found = api.get(COURSES + "/search?" + query, participantOf(tenant));
        assertThat(found.status()).isEqualTo(200);
        return found.json()
                .path("items")
                .valueStream()
                .map(item -> item.path("title").asString())
                .toList();
    }

    private void published(CourseFixture course) {
        var created = api.post(COURSES, coordinatorOf(tenant), course.json());
        api.post(COURSES + "/" + created.json().path("id").asString() + "/publish", coordinatorOf(tenant));
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
