package se.samlyft.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samlyft.systemtest.GatewayCalls.created;
import static se.samlyft.systemtest.GatewayCalls.ok;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import se.samlyft.testsupport.Eventually;
import se.samlyft.testsupport.TestHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The pages of the people who run a programme, in the same headless Chromium and against the whole platform as
 * {@link WebConsoleTest}: Vilhelmina's coordinator imports a staff file with one bad row (sees the problem by line and
 * column, fixes it, imports, sees who was created), schedules a classroom course and records a completion on its
 * roster; Akademi Norr's project leader registers a programme, schedules a joint offering with quotas for Arvidsjaur,
 * Malå and Lycksele, watches the seats fill, reads the programme's dashboard (each chart's table holds the report
 * API's figures, and Chart.js draws each chart) and downloads the month's funder report as XLSX, whose rows the test
 * reads, and the funder's participant list as XLSX, whose personal identity numbers, sexes and months the test
 * compares with the three it enrolled; the installation's administrator onboards a care provider and appoints its
 * first coordinator, who then logs in and sees her own login as active. Every page is checked with axe-core and photographed at a phone's and a
 * desktop's width.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(5)
class StaffConsoleTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    private static final DateTimeFormatter LOCAL_MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final String COORDINATOR = "vilhelmina-samordnare";
    private static final String PROJECT_LEADER = "akademi-norr-projektledare";
    private static final List<String> MEMBERS = List.of("arvidsjaur", "mala", "lycksele");
    private static final List<String> PARTICIPANTS =
            List.of("arvidsjaur-deltagare-3", "mala-deltagare-2", "lycksele-deltagare-2");

    private final RunningPlatform platform = RunningPlatform.get();
    private final Keycloak keycloak = new Keycloak(platform.keycloakUrl());
    private final TestHttp gateway = platform.gateway();
    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private final String classroomCourse = "Förflyttningsteknik i vardagen " + run;
    private final String jointCourse = "Digital dokumentation för alla " + run;
    private Browser browser;

    @BeforeAll
    void givenACourseOfEachAndTheBrowser() {
        publishedCourse(keycloak.tokenOf(COORDINATOR), classroomCourse, "CLASSROOM");
        publishedCourse(keycloak.tokenOf(PROJECT_LEADER), jointCourse, "SELF_PACED_DIGITAL");
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
    void aCoordinatorImportsStaffSchedulesACourseAndRecordsACompletion() throws IOException {
        String domain = "vilhelmina-" + run + ".se";
        String header = "förnamn;efternamn;e-post;personnummer;arbetsplatskod;arbetsplats;yrke;chefens e-post;kön;"
                + "födelseår;utbildningsnivå;roller";
        String first = "Åsa;Strömberg;asa.stromberg@" + domain + ";;  Hemtjanst-Malgomaj ;Hemtjänst Malgomaj;"
                + "undersköterska;;kvinna;1979;gymnasial;participant";
        String second =
                "Pär;Öberg;%s;;hemtjanst-malgomaj;Hemtjänst Malgomaj;vårdbiträde;;man;1991;gymnasial;" + "participant";
        Path bad = csv("personal-fel", header, first, second.formatted("par.oberg-" + domain));
        Path fixed = csv("personal", header, first, second.formatted("par.oberg@" + domain));

        browser.logIn(COORDINATOR);
        browser.open("/hr-import");
        assertThat(browser.heading()).isEqualTo("HR-import");
        browser.check("samordnare-hr-import");

        // A row with an address that is none: the dry run names its line and column, and nothing is saved.
        browser.find(By.id("fil")).sendKeys(bad.toString());
        browser.press("Kontrollera filen");
        assertThat(browser.main()).contains("Rätta filen och ladda upp den igen", "Rad 3, kolumnen e-post");
        assertThat(browser.all(By.id("kor")))
                .as("no import of a file with problems")
                .isEmpty();
        browser.check("samordnare-hr-import-problem");

        // The fixed file: no problems, two people to create; the import runs with its progress bar.
        browser.follow("Ladda upp en annan fil");
        browser.find(By.id("fil")).sendKeys(fixed.toString());
        browser.press("Kontrollera filen");
        assertThat(browser.main()).contains("Filen har inga problem", "asa.stromberg@" + domain, "par.oberg@" + domain);
        browser.check("samordnare-hr-import-kontroll");
        browser.find(By.cssSelector("#kor button")).click();
        browser.waitForText("Klart: 2 personer skapades");
        assertThat(browser.main()).contains("Personer som skapades", "asa.stromberg@" + domain);
        browser.check("samordnare-hr-import-klar");
        List<String> createdIds = browser.all(By.cssSelector(".import-report a[href*='/personal/']")).stream()
                .map(link -> link.getAttribute("href").replaceAll(".*/personal/", ""))
                .toList();
        assertThat(createdIds).hasSize(2);
        for (String id : createdIds) {
            JsonNode person = ok(gateway.get("/api/identity/people/" + id, keycloak.tokenOf(COORDINATOR)));
            assertThat(person.path("email").asString()).endsWith("@" + domain);
            assertThat(person.path("workplaceId").asString())
                    .as("the code in capitals with spaces around, taken in lower case")
                    .isEqualTo("hemtjanst-malgomaj");
        }

        // A classroom course in Vilhelmina, scheduled through the form.
        browser.open("/kurstillfallen/nytt");
        browser.check("samordnare-schemalagg");
        browser.choose("kurs", classroomCourse);
        LocalDateTime now = LocalDateTime.now(SWEDEN).truncatedTo(ChronoUnit.MINUTES);
        setLocalTime("anmalanOppnar", now.minusDays(1));
        setLocalTime("anmalanStanger", now.plusDays(20));
        setLocalTime("startar", now.plusDays(21));
        setLocalTime("slutar", now.plusDays(21).plusHours(6));
        WebElement online = browser.find(By.id("distans"));
        if (online.isSelected()) {
            online.click();
        }
        browser.choose("kommun", "Vilhelmina");
        browser.type("plats", "Folkets hus, Vilhelmina");
        browser.type("platser", "12");
        browser.find(By.id("malgrupp-egen")).click();
        browser.press("Schemalägg");
        assertThat(browser.main()).contains(classroomCourse, "Folkets hus");
        String offeringPage = browser.path();
        assertThat(offeringPage).matches("/kurstillfallen/[0-9a-f-]{36}");
        String offeringId = offeringPage.substring("/kurstillfallen/".length());
        browser.check("samordnare-kurstillfalle");

        // Its roster: the coordinator enrols the two new people, then records that Åsa completed the course.
        String roster = offeringPage + "/deltagare";
        for (String person : List.of("Strömberg", "Öberg")) {
            eventually(
                    () -> {
                        browser.open(roster);
                        return browser.all(By.cssSelector("#person option")).stream()
                                .anyMatch(option -> option.getText().contains(person));
                    },
                    found -> found);
            WebElement option = browser.all(By.cssSelector("#person option")).stream()
                    .filter(candidate -> candidate.getText().contains(person))
                    .findFirst()
                    .orElseThrow();
            browser.chooseValue("person", option.getAttribute("value"));
            browser.press("Anmäl");
        }
        assertThat(browser.main()).contains("2 anmälningar", "Åsa Strömberg", "Pär Öberg");
        browser.check("samordnare-deltagare");
        WebElement completed = browser.all(By.cssSelector("table.roster button")).stream()
                .filter(button -> button.getText().contains("slutförd")
                        && button.getAttribute("textContent").contains("Strömberg"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No completion button for Åsa on " + browser.main()));
        completed.click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(completed));
        assertThat(tableRows("table.roster"))
                .extracting(row -> row.subList(0, 3))
                .containsExactlyInAnyOrder(
                        List.of("Åsa Strömberg", "Vilhelmina kommun", "slutförd"),
                        List.of("Pär Öberg", "Vilhelmina kommun", "bekräftad"));
        browser.check("samordnare-deltagare-slutford");
        JsonNode states = ok(gateway.get(
                "/api/enrolments/offerings/" + offeringId + "?state=COMPLETED", keycloak.tokenOf(COORDINATOR)));
        assertThat(states.path("totalItems").asInt()).isEqualTo(1);
        browser.logOut();
        assertThat(browser.violations()).isEmpty();
    }

    @Test
    @Order(2)
    void aProjectLeaderRegistersAProgrammeSchedulesAJointOfferingWatchesItAndReports() throws IOException {
        String token = keycloak.tokenOf(PROJECT_LEADER);
        String programmeName = "Kompetenslyft i inlandet " + run;
        LocalDateTime now = LocalDateTime.now(SWEDEN).truncatedTo(ChronoUnit.MINUTES);

        browser.logIn(PROJECT_LEADER);
        browser.open("/program/nytt");
        browser.check("projektledare-nytt-program");
        browser.type("nummer", "2026/" + run);
        browser.type("namn", programmeName);
        browser.type("region", "Övre Norrland");
        setDate("start", now.getYear() + "-01-01");
        setDate("slut", (now.getYear() + 1) + "-12-31");
        browser.type("budget", "6388583");
        browser.type("bidrag", "2993347");
        browser.type("medfinansiering", "50");
        browser.type("planerade", "12");
        browser.press("Registrera programmet");
        assertThat(browser.heading()).contains(programmeName);
        String programmePage = browser.path();
        String programmeId = programmePage.substring("/program/".length());
        browser.check("projektledare-program-nytt");

        // A joint self-paced offering funded by the programme, a seat held for each of three members.
        browser.open("/kurstillfallen/nytt");
        browser.choose("kurs", jointCourse);
        setLocalTime("anmalanOppnar", now.minusDays(1));
        setLocalTime("anmalanStanger", now.plusDays(30));
        setLocalTime("startar", now.minusHours(1));
        setLocalTime("slutar", now.plusDays(90));
        WebElement online = browser.find(By.id("distans"));
        if (!online.isSelected()) {
            online.click();
        }
        browser.type("platser", "6");
        browser.find(By.id("malgrupp-namngivna")).click();
        for (String member : MEMBERS) {
            WebElement named = browser.find(By.cssSelector("input[name=organisationer][value=" + member + "]"));
            if (!named.isSelected()) {
                named.click();
            }
            browser.type("kvot-" + member, "1");
        }
        browser.chooseValue("program", programmeId);
        browser.press("Schemalägg");
        String offeringPage = browser.path();
        assertThat(offeringPage).matches("/kurstillfallen/[0-9a-f-]{36}");
        String offeringId = offeringPage.substring("/kurstillfallen/".length());
        browser.check("projektledare-kurstillfalle");

        // A care worker of each member takes a seat from the member's quota and starts; the page follows the quotas.
        Map<String, String> personOf = new java.util.LinkedHashMap<>();
        for (String participant : PARTICIPANTS) {
            JsonNode enrolment = created(eventually(
                    () -> post(
                            keycloak.tokenOf(participant),
                            "/api/enrolments",
                            JSON.createObjectNode().put("offeringId", offeringId)),
                    answer -> answer.status() != 404));
            assertThat(enrolment.path("seatSource").asString()).isEqualTo("QUOTA");
            personOf.put(participant, enrolment.path("personId").asString());
            assertThat(post(
                                    keycloak.tokenOf(participant),
                                    "/api/enrolments/" + enrolment.path("id").asString() + "/start",
                                    null)
                            .status())
                    .isEqualTo(200);
        }
        JsonNode seats = ok(gateway.get("/api/enrolments/offerings/" + offeringId + "/seats", token));
        browser.open(offeringPage);
        List<List<String>> quotaRows = tableRows("#kvoter table");
        for (JsonNode line : seats.path("organisations")) {
            assertThat(quotaRows)
                    .anySatisfy(row -> assertThat(row.subList(1, 3))
                            .containsExactly(
                                    String.valueOf(line.path("quota").asInt()),
                                    String.valueOf(line.path("fromQuota").asInt())));
        }
        assertThat(seats.path("organisations")
                        .valueStream()
                        .mapToInt(line -> line.path("fromQuota").asInt())
                        .sum())
                .isEqualTo(3);
        browser.check("projektledare-kvoter");

        // The dashboard, once the reports count the three: each chart's table holds the follow-up's figures.
        JsonNode followUp = eventually(
                        () -> gateway.get("/api/reports/programmes/" + programmeId + "/follow-up", token),
                        answer -> answer.status() == 200
                                && answer.json().path("participants").asInt() == 3)
                .json();
        browser.open(programmePage);
        assertThat(browser.main()).contains("3 av 12 planerade deltagare");
        JsonNode sex = followUp.path("breakdowns").path("SEX");
        Map<String, String> sexWords = Map.of("WOMAN", "Kvinna", "MAN", "Man", "NON_BINARY", "Icke-binär");
        List<List<String>> bySex = tableRows("#per-kon table");
        sexWords.forEach((code, word) -> assertThat(bySex)
                .as("by sex: " + word)
                .contains(List.of(word, sex.has(code) ? sex.path(code).asString() : "0")));
        JsonNode months = followUp.path("participantsByMonth");
        List<List<String>> overTime = tableRows("#over-tid table");
        assertThat(overTime).hasSize(months.size());
        assertThat(overTime.getLast().get(1))
                .isEqualTo(months.get(months.size() - 1).path("participants").asString());
        assertThat(overTime.getLast().get(2)).isEqualTo("12");
        JsonNode organisations = followUp.path("breakdowns").path("ORGANISATION");
        List<List<String>> byMember = tableRows("#per-medlem table");
        assertThat(byMember).hasSize(3);
        for (String member : MEMBERS) {
            assertThat(byMember)
                    .extracting(row -> row.subList(1, 3))
                    .contains(List.of(organisations.path(member).asString(), "1"));
        }
        JsonNode ages = followUp.path("breakdowns").path("AGE_BAND");
        List<List<String>> byAge = tableRows("#per-alder table");
        assertThat(ages.propertyNames()).isNotEmpty();
        for (String band : ages.propertyNames()) {
            assertThat(byAge)
                    .as("by age band: " + band)
                    .anySatisfy(row ->
                            assertThat(row.getLast()).isEqualTo(ages.path(band).asString()));
        }
        assertThat(byAge.stream().filter(row -> !row.getLast().equals("0")).count())
                .as("the bands with participants are the report's")
                .isEqualTo(ages.size());
        assertThat(tableRows("#utfall table")).isNotEmpty();
        for (String chart : List.of("over-tid", "per-kon", "per-alder", "per-medlem", "utfall")) {
            Number width = (Number) browser.driver()
                    .executeScript(
                            "const c = document.querySelector('#' + arguments[0] + ' canvas');"
                                    + " return c && window.Chart && Chart.getChart(c) ? c.width : 0;",
                            chart);
            assertThat(width.intValue()).as("Chart.js drew " + chart).isPositive();
            assertThat(browser.find(By.id(chart)).getAttribute("data-drawn")).isEqualTo("true");
        }
        browser.check("projektledare-program");

        // The funder's report of this month, on the page and as the XLSX file the page offers.
        String month = YearMonth.now(SWEDEN).toString();
        browser.open(programmePage + "/manadsrapport?manad=" + month);
        browser.check("projektledare-manadsrapport");
        JsonNode monthly = ok(gateway.get("/api/reports/programmes/" + programmeId + "/monthly/" + month, token));
        HttpResponse<byte[]> file =
                downloadWithTheBrowsersSession(programmePage + "/manadsrapport.xlsx?manad=" + month);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type").orElseThrow())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(file.body()))) {
            List<Sheet> sheets = workbook.getSheets().toList();
            assertThat(sheets.getFirst().getName()).isEqualTo("Påbörjade");
            List<Row> started = sheets.getFirst().read();
            assertThat(started.getFirst().getCellText(0)).isEqualTo("Person-id");
            assertThat(started.subList(1, started.size()))
                    .extracting(row -> row.getCellText(1))
                    .containsExactlyInAnyOrderElementsOf(monthly.path("started")
                            .valueStream()
                            .map(line ->
                                    line.path("participant").path("participant").asString())
                            .toList());
            assertThat(started).hasSize(1 + 3);
        }

        // The funder's participant list: each member's coordinator has registered the person's number; the project
        // leader downloads the list from the programme's page and it holds exactly the three, numbers included.
        List<String> expected = new java.util.ArrayList<>();
        for (Map.Entry<String, String> participant : personOf.entrySet()) {
            String member =
                    participant.getKey().substring(0, participant.getKey().indexOf("-deltagare"));
            expected.add(withPersonalNumber(
                            keycloak.tokenOf(member + "-samordnare"), participant.getValue(), expected.size())
                    + "|" + month + "|");
        }
        browser.open(programmePage);
        assertThat(browser.find(By.cssSelector("a[href$='/deltagarforteckning.xlsx']"))
                        .isDisplayed())
                .isTrue();
        HttpResponse<byte[]> list = downloadWithTheBrowsersSession(programmePage + "/deltagarforteckning.xlsx");
        assertThat(list.statusCode()).isEqualTo(200);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(list.body()))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows.getFirst().getCellText(0)).isEqualTo("Personnummer");
            assertThat(rows.subList(1, rows.size()).stream()
                            .map(row -> row.getCellText(0) + "|" + row.getCellText(1) + "|" + row.getCellText(2) + "|"
                                    + row.getCellText(3)))
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
        browser.logOut();
        assertThat(browser.violations()).isEmpty();
    }

    @Test
    @Order(3)
    void anAdministratorOnboardsAnOrganisationWhoseFirstCoordinatorThenLogsIn() {
        String tenant = "omsorg-" + run;
        String name = "Omsorg i Öjebyn " + run + " AB";
        String email = "karin.ostlund@" + tenant + ".se";

        browser.logIn("samlyft-forvaltare");
        browser.open("/forvaltning/organisationer/ny");
        browser.check("forvaltare-ny-organisation");
        browser.type("namn", name);
        browser.type("tenant", tenant);
        browser.choose("kind", "Privat utförare");
        browser.type("orgnr", organisationNumber(Integer.parseInt(run.substring(0, 4), 16) % 90_000));
        browser.type("kontaktNamn", "Karin Östlund");
        browser.type("kontaktEpost", email);
        browser.press("Anslut organisationen");
        assertThat(browser.path()).isEqualTo("/forvaltning/organisationer/" + tenant);
        assertThat(browser.heading()).contains(name);
        browser.type("fornamn", "Karin");
        browser.type("efternamn", "Östlund");
        browser.type("epost", email);
        browser.type("arbetsplatskod", "kontoret");
        browser.type("arbetsplats", "Kontoret i Öjebyn");
        browser.type("fodelsear", "1976");
        browser.press("Utse samordnaren");
        assertThat(browser.path()).isEqualTo("/forvaltning/organisationer/" + tenant);
        browser.check("forvaltare-organisation-samordnare");
        browser.logOut();

        // Provisioning makes her Keycloak user in the new Organization; she sets her password and logs in.
        eventually(() -> keycloak.givePassword(email), made -> made);
        browser.logIn(email);
        browser.open("/personal");
        assertThat(browser.heading()).isEqualTo("Personal");
        List<List<String>> staff = tableRows("table");
        assertThat(staff).hasSize(1);
        assertThat(staff.getFirst().getFirst()).contains("Karin Östlund");
        assertThat(staff.getFirst().getLast())
                .as("her own login, which she just used")
                .startsWith("aktiv");
        browser.check("ny-samordnare-personal");
        browser.logOut();
        assertThat(browser.violations()).isEmpty();
    }

    /** A valid organisation number of a legal person: {@code 2120NN-NNNC} with its Luhn check digit. */
    private static String organisationNumber(int serial) {
        String body = "2120" + String.format("%05d", serial);
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int digit = (body.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += digit / 10 + digit % 10;
        }
        return body.substring(0, 6) + "-" + body.substring(6) + (10 - sum % 10) % 10;
    }

    /**
     * Registers a personal identity number for the person, as their coordinator would: one born on 15 June of the
     * person's birth year, serial {@code 100 + serial}. Returns the number and the person's sex as the list says it.
     */
    private String withPersonalNumber(String coordinator, String personId, int serial) {
        TestHttp.Response read = gateway.get("/api/identity/people/" + personId, coordinator);
        JsonNode person = ok(read);
        String digits = String.format("%02d0615%03d", person.path("birthYear").asInt() % 100, 100 + serial);
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int product = (digits.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += product / 10 + product % 10;
        }
        String number = person.path("birthYear").asInt() + digits.substring(2, 6) + "-" + digits.substring(6)
                + (10 - sum % 10) % 10;
        ObjectNode changed = JSON.createObjectNode();
        for (String field : List.of(
                "givenName",
                "familyName",
                "email",
                "workplaceId",
                "workplaceName",
                "occupation",
                "sex",
                "educationLevel")) {
            changed.put(field, person.path(field).asString());
        }
        changed.put("birthYear", person.path("birthYear").asInt()).put("personalIdentityNumber", number);
        if (person.hasNonNull("managerId")) {
            changed.put("managerId", person.path("managerId").asString());
        }
        changed.set("roles", person.path("roles"));
        TestHttp.Response saved = gateway.send(gateway.request("/api/identity/people/" + personId, coordinator)
                .header("Content-Type", "application/json")
                .header("If-Match", read.header("ETag"))
                .PUT(HttpRequest.BodyPublishers.ofString(changed.toString()))
                .build());
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        Map<String, String> sexWords =
                Map.of("WOMAN", "Kvinna", "MAN", "Man", "NON_BINARY", "Icke-binär", "NOT_STATED", "Ej angivet");
        return number + "|" + sexWords.get(person.path("sex").asString());
    }

    /** The text of each body row's cells (header cell first) of the table that {@code selector} finds. */
    private List<List<String>> tableRows(String selector) {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .ignoring(StaleElementReferenceException.class)
                .until(driver ->
                        driver.findElement(By.cssSelector(selector)).findElements(By.cssSelector("tbody tr")).stream()
                                .map(row -> row.findElements(By.cssSelector("th, td")).stream()
                                        .map(cell -> cell.getText().strip())
                                        .toList())
                                .toList());
    }

    /** A file of the web application, fetched with the browser's session cookie as a click on its link would. */
    private HttpResponse<byte[]> downloadWithTheBrowsersSession(String path) {
        String cookies = browser.driver().manage().getCookies().stream()
                .map(Cookie::toString)
                .map(cookie -> cookie.split(";")[0])
                .reduce((a, b) -> a + "; " + b)
                .orElse("");
        try (HttpClient client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build()) {
            return client.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + platform.port("web") + path))
                            .header("Cookie", cookies)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sets a {@code datetime-local} field, as its picker would, in Swedish time. */
    private void setLocalTime(String id, LocalDateTime time) {
        setValue(id, time.format(LOCAL_MINUTE));
    }

    private void setDate(String id, String date) {
        setValue(id, date);
    }

    private void setValue(String id, String value) {
        browser.driver().executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, value);
    }

    private static Path csv(String name, String... lines) throws IOException {
        Path file = Files.createTempFile(name, ".csv");
        file.toFile().deleteOnExit();
        Files.writeString(file, String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);
        return file;
    }

    private void publishedCourse(String token, String title, String format) {
        ObjectNode course = JSON.createObjectNode()
                .put("title", title)
                .put("description", "Arbetssätt och ansvar i vård och omsorg, med övningar.")
                .put("format", format)
                .put("formal", false);
        course.putArray("themes").add("arbetsmiljö");
        course.putArray("targetOccupations").add("undersköterska").add("vårdbiträde");
        course.putArray("modules")
                .add(JSON.createObjectNode().put("title", "Grunderna").put("estimatedMinutes", 45))
                .add(JSON.createObjectNode().put("title", "Övningar").put("estimatedMinutes", 60));
        String id =
                created(post(token, "/api/catalog/courses", course)).path("id").asString();
        assertThat(post(token, "/api/catalog/courses/" + id + "/publish", null).status())
                .isEqualTo(200);
    }

    private TestHttp.Response post(String token, String path, JsonNode body) {
        return GatewayCalls.post(gateway, token, path, body);
    }

    private static <T> T eventually(Supplier<T> probe, Predicate<T> done) {
        return Eventually.until(PATIENCE, probe, done);
    }
}
