package se.samlyft.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samlyft.systemtest.GatewayCalls.created;
import static se.samlyft.systemtest.GatewayCalls.ok;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;
import se.samlyft.testsupport.Eventually;
import se.samlyft.testsupport.TestHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The web application in a real headless Chromium against the whole platform, logging in through Keycloak's own
 * page: a care worker of Arvidsjaur finds a course, waits for a seat until a colleague withdraws, takes the course with
 * a pause, completes it, confirms her hours and evaluates it; her manager approves one request and declines another
 * with a reason, and the care workers see the outcome. Each step checks what the page shows and what the API then
 * holds; every page is checked with axe-core (WCAG 2.1 AA, no serious or critical violation) and photographed at a
 * phone's and a desktop's width. The security checks: no token or session cookie for page script, no form without
 * its CSRF token, another person's enrolment as not found, and no personal data after logging out and going back.
 * The courses are Akademi Norr's, offered to Arvidsjaur alone, so no other test's tenant ever sees them.
 */
@Order(5)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebConsoleTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String CARE_WORKER = "arvidsjaur-deltagare-1";
    private static final String COLLEAGUE = "arvidsjaur-deltagare-2";
    private static final String OTHER_COLLEAGUE = "arvidsjaur-deltagare-3";
    private static final String MANAGER = "arvidsjaur-chef";

    private final RunningPlatform platform = RunningPlatform.get();
    private final Keycloak keycloak = new Keycloak(platform.keycloakUrl());
    private final TestHttp gateway = platform.gateway();
    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private final String selfPaced = "Trygghetslarm i hemtjänsten " + run;
    private final String scheduled = "Läkemedelshantering för vårdbiträden " + run;
    private Browser browser;
    private String selfPacedOffering;
    private String scheduledOffering;

    @BeforeAll
    void givenTwoCoursesOfAkademiNorrOfferedToArvidsjaur() {
        String projectLeader = keycloak.tokenOf("akademi-norr-projektledare");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        String first = publishedCourse(
                projectLeader, selfPaced, "SELF_PACED_DIGITAL", "Trygghetslarm och digital tillsyn hos brukaren.");
        selfPacedOffering = created(post(
                        projectLeader,
                        "/api/catalog/offerings",
                        offering(first, now.minus(1, ChronoUnit.HOURS), 1, false)))
                .path("id")
                .asString();
        String second = publishedCourse(
                projectLeader, scheduled, "CLASSROOM", "Läkemedel, signering och avvikelser i omsorgen.");
        ObjectNode classroom = offering(second, now.plus(14, ChronoUnit.DAYS), 5, true)
                .put("online", false)
                .put("municipalityCode", "2505")
                .put("venue", "Folkets hus");
        scheduledOffering = created(post(projectLeader, "/api/catalog/offerings", classroom))
                .path("id")
                .asString();
        browser = new Browser("http://localhost:" + platform.port("web"));
    }

    @BeforeEach
    void loggedOutEverywhere() {
        browser.forgetEverything();
    }

    @AfterAll
    void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void aCareWorkerWaitsForASeatTakesTheCourseConfirmsHerHoursAndEvaluatesIt() throws Exception {
        // A colleague takes the only seat; the catalog learns it from enrolment's events.
        JsonNode colleagues = enrol(COLLEAGUE, selfPacedOffering);
        assertThat(colleagues.path("state").asString()).isEqualTo("CONFIRMED");
        eventually(
                () -> gateway.get("/api/catalog/offerings/" + selfPacedOffering, keycloak.tokenOf(CARE_WORKER)),
                answer -> answer.status() == 200
                        && answer.json().path("freeSeats").asInt() == 0);

        browser.logIn(CARE_WORKER);
        browser.check("inloggad");
        browser.open("/");
        assertThat(browser.heading()).startsWith("Hej ");
        browser.check("start");

        // Hitta utbildning: every course at first, then a search that goes wrong, then the one she looks for.
        browser.follow("Hitta utbildning");
        assertThat(browser.heading()).isEqualTo("Hitta utbildning");
        browser.check("hitta-utbildning");
        browser.open("/utbildningar?q=" + run + "&fran=2027-01-01&till=2026-01-01");
        assertThat(browser.find(By.id("till-fel")).getText()).contains("får inte vara före");
        assertThat(browser.find(By.id("till")).getAttribute("aria-describedby")).isEqualTo("till-fel");
        assertThat(browser.find(By.id("q")).getAttribute("value")).isEqualTo(run);
        browser.check("hitta-utbildning-fel");
        browser.open("/utbildningar");
        browser.type("q", "trygghetslarm " + run);
        // With JavaScript, htmx swaps the results in place.
        browser.find(By.cssSelector("form.search button[type=submit]")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .ignoring(StaleElementReferenceException.class)
                .until(driver -> driver.findElement(By.cssSelector("#resultat h2"))
                        .getText()
                        .equals("1 utbildning"));
        assertThat(browser.main())
                .contains(selfPaced, "På distans", "Väntelista")
                .doesNotContain(scheduled);
        browser.check("hitta-utbildning-traffar");

        // The course's page, and the one button that applies: she joins the waiting list.
        browser.follow(selfPaced);
        assertThat(browser.main()).contains("Moduler", "Vad är ett trygghetslarm?", "Larmet går – vad gör du?");
        browser.check("utbildning");
        browser.press("Ställ dig på väntelistan");
        assertThat(browser.main()).contains("Din anmälan är skickad.", "plats 1 på väntelistan");
        String enrolmentPath = browser.path();
        String enrolmentId = enrolmentPath.substring(enrolmentPath.lastIndexOf('/') + 1);
        assertThat(apiEnrolment(CARE_WORKER, enrolmentId).path("state").asString())
                .isEqualTo("WAITLISTED");
        browser.check("anmalan-vantelista");

        // Another person's enrolment answers as one that does not exist.
        browser.open("/mina-utbildningar/" + colleagues.path("id").asString());
        String othersPage = browser.main();
        browser.open("/mina-utbildningar/" + UUID.randomUUID());
        assertThat(othersPage)
                .contains("Sidan finns inte")
                .isEqualTo(browser.main())
                .doesNotContain(selfPaced);
        browser.check("finns-inte");

        // No token or session cookie for page script, and no change without the form's CSRF token.
        browser.open(enrolmentPath);
        Object script = browser.driver()
                .executeScript("return document.cookie + '|' + JSON.stringify(localStorage) + '|'"
                        + " + JSON.stringify(sessionStorage)");
        Cookie session = browser.driver().manage().getCookieNamed("samlyft-session");
        assertThat(session).as("the session cookie").isNotNull();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.isSecure()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Lax");
        assertThat(String.valueOf(script)).doesNotContain("samlyft-session", "eyJ");
        assertThat(browser.driver().getPageSource()).doesNotContain("eyJ");
        HttpResponse<String> forged = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(browser.url() + "/aterta"))
                                .header("Cookie", "samlyft-session=" + session.getValue())
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("key=" + UUID.randomUUID()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).as("a form without its CSRF token").isEqualTo(403);
        assertThat(apiEnrolment(CARE_WORKER, enrolmentId).path("state").asString())
                .isEqualTo("WAITLISTED");
        browser.logOut();

        // The colleague withdraws, after a confirmation step; the seat goes to the care worker at once.
        browser.logIn(COLLEAGUE);
        browser.follow(selfPaced);
        browser.follow("Återta anmälan");
        assertThat(browser.heading()).isEqualTo("Återta anmälan");
        browser.check("aterta-bekrafta");
        browser.press("Ja, återta anmälan");
        assertThat(browser.main()).contains("Din anmälan är återtagen.");
        assertThat(apiEnrolment(COLLEAGUE, colleagues.path("id").asString())
                        .path("state")
                        .asString())
                .isEqualTo("WITHDRAWN");
        browser.logOut();

        browser.logIn(CARE_WORKER);
        assertThat(browser.main()).contains(selfPaced);
        browser.follow(selfPaced);
        assertThat(browser.main()).contains("bekräftad");
        assertThat(apiEnrolment(CARE_WORKER, enrolmentId).path("state").asString())
                .isEqualTo("CONFIRMED");

        // She starts, pauses, resumes and reports her modules; the last one completes the course.
        browser.press("Starta utbildningen");
        assertThat(browser.main()).contains("Du har startat utbildningen.", "pågår");
        browser.press("Pausa utbildningen");
        assertThat(browser.main()).contains("pausad");
        assertThat(apiEnrolment(CARE_WORKER, enrolmentId).path("paused").asBoolean())
                .isTrue();
        browser.check("utbildning-pausad");
        browser.press("Fortsätt utbildningen");
        assertThat(browser.main()).contains("pågår");
        browser.chooseValue("moduler", "1");
        browser.type("fortsatt", "Larmet går – vad gör du?, sidan 3");
        browser.press("Spara framsteg");
        assertThat(browser.main()).contains("Ditt framsteg är sparat.", "1 av 2 moduler klara (50 %)");
        JsonNode halfway = apiEnrolment(CARE_WORKER, enrolmentId);
        assertThat(halfway.path("modulesCompleted").asInt()).isEqualTo(1);
        assertThat(halfway.path("resumeAt").asString()).isEqualTo("Larmet går – vad gör du?, sidan 3");
        browser.check("utbildning-pagar");
        browser.chooseValue("moduler", "2");
        browser.press("Spara framsteg");
        assertThat(browser.main()).contains("Grattis, du har slutfört utbildningen!", "slutförd");
        assertThat(apiEnrolment(CARE_WORKER, enrolmentId).path("state").asString())
                .isEqualTo("COMPLETED");

        // The month's hours: a mistyped number is refused at its field and kept; then 6,5 hours on paid time.
        browser.type("timmar", "sex och en halv");
        browser.press("Bekräfta timmarna");
        assertThat(browser.find(By.id("timmar-fel")).getText()).contains("Ange timmar som ett tal");
        assertThat(browser.find(By.id("timmar")).getAttribute("value")).isEqualTo("sex och en halv");
        assertThat(browser.find(By.id("timmar")).getAttribute("aria-invalid")).isEqualTo("true");
        browser.check("timmar-fel");
        browser.type("timmar", "6,5");
        browser.type("betaldaTimmar", "6,5");
        browser.press("Bekräfta timmarna");
        assertThat(browser.main()).contains("Timmarna är bekräftade.", "6,5");
        JsonNode statements =
                ok(gateway.get("/api/enrolments/" + enrolmentId + "/time-statements", keycloak.tokenOf(CARE_WORKER)));
        assertThat(statements).hasSize(1);
        assertThat(statements.get(0).path("hours").decimalValue()).isEqualByComparingTo(new BigDecimal("6.5"));
        assertThat(statements.get(0).path("paidWorkingTimeHours").decimalValue())
                .isEqualByComparingTo(new BigDecimal("6.5"));

        // The evaluation: without a rating it says what is missing; then 4 and a comment.
        browser.press("Skicka utvärderingen");
        assertThat(browser.find(By.id("betyg-fel")).getText()).contains("Välj ett betyg från 1 till 5");
        browser.check("utvardering-fel");
        browser.find(By.id("betyg-4")).click();
        browser.type("kommentar", "Bra övningar – nu vågar jag testa larmen hos brukarna.");
        browser.press("Skicka utvärderingen");
        assertThat(browser.main()).contains("Tack för din utvärdering!", "4 – användbar");
        JsonNode evaluated = apiEnrolment(CARE_WORKER, enrolmentId);
        assertThat(evaluated.path("usefulness").asInt()).isEqualTo(4);
        assertThat(evaluated.path("comment").asString())
                .isEqualTo("Bra övningar – nu vågar jag testa larmen hos brukarna.");
        browser.check("utbildning-slutford");
        browser.follow("Alla mina utbildningar");
        assertThat(browser.main()).contains(selfPaced, "slutförd");
        browser.check("mina-utbildningar");

        // Logging out and pressing Back shows nothing of hers.
        browser.logOut();
        browser.driver().navigate().back();
        assertThat(browser.driver().getPageSource())
                .as("the page after logging out and going back")
                .doesNotContain(selfPaced, "Bra övningar", "6,5", "Logga ut");
        assertThat(browser.violations()).isEmpty();
    }

    @Test
    @Order(2)
    void aManagerApprovesOneRequestAndDeclinesAnotherWithAReasonAndTheCareWorkersSeeIt() {
        String approved = enrol(CARE_WORKER, scheduledOffering).path("id").asString();
        String declined = enrol(OTHER_COLLEAGUE, scheduledOffering).path("id").asString();
        assertThat(apiEnrolment(CARE_WORKER, approved).path("state").asString()).isEqualTo("AWAITING_APPROVAL");

        browser.logIn(MANAGER);
        browser.follow("Att godkänna");
        String requests = browser.main();
        assertThat(requests)
                .contains(scheduled, "Hemtjänsten Centrum", "Särskilt boende Åsgården", "Folkets hus")
                .contains("Platsen hålls", "Ja");
        browser.check("att-godkanna");

        // Declining without a reason is refused at the reason's field; then with one.
        String reasonField = "skal-" + declined;
        browser.find(By.cssSelector("form[action$='/" + declined + "/neka'] button"))
                .click();
        browser.waitFor(By.id(reasonField + "-fel"));
        assertThat(browser.find(By.id(reasonField + "-fel")).getText()).contains("Skriv ett skäl");
        browser.check("att-godkanna-fel");
        browser.type(reasonField, "Krockar med schemat i december, vi tar den i vår.");
        browser.find(By.cssSelector("form[action$='/" + declined + "/neka'] button"))
                .click();
        browser.waitForText("Ansökan är nekad.");
        browser.find(By.cssSelector("form[action$='/" + approved + "/godkann'] button"))
                .click();
        browser.waitForText("Ansökan är godkänd.");
        assertThat(browser.main()).doesNotContain(scheduled);
        assertThat(apiEnrolment(CARE_WORKER, approved).path("state").asString()).isEqualTo("CONFIRMED");
        JsonNode no = apiEnrolment(OTHER_COLLEAGUE, declined);
        assertThat(no.path("state").asString()).isEqualTo("DECLINED");
        assertThat(no.path("declineReason").asString()).isEqualTo("Krockar med schemat i december, vi tar den i vår.");
        browser.check("att-godkanna-klart");

        // Min personal: each of her staff with their courses and where they stand.
        browser.follow("Min personal");
        String staff = browser.main();
        assertThat(staff).contains(selfPaced, scheduled, "slutförd", "bekräftad", "nekad", "100 %");
        browser.check("min-personal");
        browser.logOut();

        // The care workers see the outcome.
        browser.logIn(OTHER_COLLEAGUE);
        browser.follow(scheduled);
        assertThat(browser.main()).contains("nekad", "Krockar med schemat i december, vi tar den i vår.");
        browser.check("anmalan-nekad");
        browser.logOut();
        browser.logIn(CARE_WORKER);
        assertThat(browser.main()).contains(scheduled);
        browser.follow(scheduled);
        assertThat(browser.main()).contains("bekräftad", "Folkets hus", "Utbildningen startar");
        browser.logOut();

        // A manager with nothing to decide, whose staff have no courses: the empty pages.
        browser.logIn("sorsele-chef");
        browser.follow("Att godkänna");
        assertThat(browser.main()).contains("Inga ansökningar väntar på ditt beslut.");
        browser.check("att-godkanna-tom");
        browser.follow("Min personal");
        assertThat(browser.main()).contains("Ingen utbildning just nu.");
        browser.check("min-personal-ingen-utbildning");
        browser.follow("Mina utbildningar");
        assertThat(browser.main()).contains("Du har inga anmälningar ännu.");
        browser.check("mina-utbildningar-tom");
        browser.logOut();
        browser.check("utloggad");
        assertThat(browser.violations()).isEmpty();
    }

    private String publishedCourse(String token, String title, String format, String description) {
        ObjectNode course = JSON.createObjectNode()
                .put("title", title)
                .put("description", description)
                .put("format", format)
                .put("formal", false);
        course.putArray("themes").add("välfärdsteknik");
        course.putArray("targetOccupations").add("undersköterska").add("vårdbiträde");
        course.putArray("modules")
                .add(JSON.createObjectNode()
                        .put("title", "Vad är ett trygghetslarm?")
                        .put("estimatedMinutes", 45))
                .add(JSON.createObjectNode()
                        .put("title", "Larmet går – vad gör du?")
                        .put("estimatedMinutes", 60));
        String id =
                created(post(token, "/api/catalog/courses", course)).path("id").asString();
        assertThat(post(token, "/api/catalog/courses/" + id + "/publish", null).status())
                .isEqualTo(200);
        return id;
    }

    /** An offering of Akademi Norr for Arvidsjaur alone, open for applications now, on paid working time. */
    private static ObjectNode offering(String courseId, Instant starts, int capacity, boolean approval) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        Instant closes = starts.isAfter(now) ? starts.minus(1, ChronoUnit.HOURS) : now.plus(30, ChronoUnit.DAYS);
        ObjectNode offering = JSON.createObjectNode()
                .put("courseId", courseId)
                .put("enrolmentOpensAt", now.minus(2, ChronoUnit.DAYS).toString())
                .put("enrolmentClosesAt", closes.toString())
                .put("startsAt", starts.toString())
                .put("endsAt", starts.plus(90, ChronoUnit.DAYS).toString())
                .put("online", true)
                .put("capacity", capacity)
                .put("approvalRequired", approval)
                .put("paidWorkingTime", true)
                .put("audience", "NAMED");
        offering.putArray("namedOrganisations").add("arvidsjaur");
        return offering;
    }

    private JsonNode enrol(String user, String offeringId) {
        ObjectNode request = JSON.createObjectNode().put("offeringId", offeringId);
        String token = keycloak.tokenOf(user);
        return created(eventually(() -> post(token, "/api/enrolments", request), answer -> answer.status() != 404));
    }

    private JsonNode apiEnrolment(String user, String id) {
        return ok(gateway.get("/api/enrolments/" + id, keycloak.tokenOf(user)));
    }

    private TestHttp.Response post(String token, String path, JsonNode body) {
        return GatewayCalls.post(gateway, token, path, body);
    }

    private static <T> T eventually(Supplier<T> probe, Predicate<T> done) {
        return Eventually.until(PATIENCE, probe, done);
    }
}
