package se.samlyft.identity.participants;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samlyft.identity.IdentityApi.coordinatorOf;
import static se.samlyft.identity.IdentityApi.federation;
import static se.samlyft.identity.IdentityApi.managerOf;
import static se.samlyft.identity.IdentityApi.municipality;
import static se.samlyft.identity.IdentityApi.organisationNumber;
import static se.samlyft.identity.IdentityApi.participantOf;
import static se.samlyft.identity.IdentityApi.person;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.samlyft.identity.AgainstIdentity;
import tools.jackson.databind.JsonNode;

/**
 * The funder's participant list of a programme that Åsele owns: its participants are two of Åsele's people and one of
 * Lycksele's (a partner on Åsele's course), as reporting names them. Reporting stands in as a small HTTP server that
 * answers like reporting's participants endpoint and records the token it was asked with; identity adds the numbers,
 * writes each read to the audit log of the person's organisation, and refuses everyone else.
 */
class ParticipantListApiTest extends AgainstIdentity {

    private static final String ASELE = "asele";
    private static final String LYCKSELE = "lycksele";
    private static final String FEDERATION = "sodra-lappland";
    private static final UUID PROGRAMME = UUID.randomUUID();
    private static final UUID SOMEONE_ELSES = UUID.randomUUID();
    private static final UUID FAILING = UUID.randomUUID();
    private static final Map<UUID, String> ANSWERS = new ConcurrentHashMap<>();
    private static final List<String> TOKENS = new CopyOnWriteArrayList<>();
    private static final HttpServer REPORTING = reporting();
    private static String withoutNumber = "";
    private static String partnersPerson = "";

    @DynamicPropertySource
    static void reportingUrl(DynamicPropertyRegistry registry) {
        registry.add(
                "samlyft.identity.reporting-url",
                () -> "http://127.0.0.1:" + REPORTING.getAddress().getPort());
    }

    @AfterAll
    static void stopReporting() {
        REPORTING.stop(0);
    }

    @BeforeEach
    void onboardTheOwnerItsPartnerAndTheirPeople() {
        if (!ANSWERS.isEmpty()) {
            return;
        }
        api.onboard(municipality(ASELE, "Åsele kommun", "2463", organisationNumber(2463)));
        api.onboard(municipality(LYCKSELE, "Lycksele kommun", "2481", organisationNumber(2481)));
        api.onboard(federation(FEDERATION, "Södra Lapplands förbund", organisationNumber(90024)));
        String first = api.register(
                ASELE, person("Märta", "Öberg", "marta.oberg@asele.se").put("personalIdentityNumber", "19780315-4561"));
        withoutNumber =
                api.register(ASELE, person("Åke", "Lund", "ake.lund@asele.se").put("sex", "MAN"));
        partnersPerson = api.register(
                LYCKSELE,
                person("Sára", "Nilsson", "sara.nilsson@lycksele.se")
                        .put("personalIdentityNumber", "19811218-9876")
                        .put("birthYear", 1981)
                        .put("sex", "NON_BINARY"));
        ANSWERS.put(PROGRAMME, """
                {"programmeId":"%s","participants":[
                  {"personId":"%s","organisation":"asele","startMonth":"2021-03","endMonth":null},
                  {"personId":"%s","organisation":"asele","startMonth":"2021-03","endMonth":"2021-05"},
                  {"personId":"%s","organisation":"lycksele","startMonth":"2021-04","endMonth":null},
                  {"personId":"%s","organisation":"asele","startMonth":"2021-04","endMonth":null}]}""".formatted(PROGRAMME, first, withoutNumber, partnersPerson, UUID.randomUUID()));
    }

    @Test
    void theOwnersProjectLeaderGetsExactlyTheParticipantsWithNumbersSexAndMonths() {
        String leader = coordinatorOf(ASELE);
        TOKENS.clear();

        var list = api.get(participants(PROGRAMME, "json"), leader);

        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(list.json()
                        .path("participants")
                        .valueStream()
                        .map(participant -> text(participant.path("personalIdentityNumber"))
                                + " " + text(participant.path("sex"))
                                + " " + text(participant.path("startMonth"))
                                + " " + text(participant.path("endMonth"))))
                .as("the programme's participants as reporting names them; one identity does not know is left out")
                .containsExactly(
                        "19780315-4561 WOMAN 2021-03 ", " MAN 2021-03 2021-05", "19811218-9876 NON_BINARY 2021-04 ");
        assertThat(TOKENS).as("reporting was asked with the caller's own token").containsExactly("Bearer " + leader);
    }

    @Test
    void everyNumberOnTheListIsWrittenToTheAuditLogOfThePersonsOrganisationWithTheProgramme() {
        JdbcTemplate owner = new JdbcTemplate(database.ownerDataSource());
        Integer before = owner.queryForObject(
                "select count(*) from personal_number_read where programme_id = ?", Integer.class, PROGRAMME);

        assertThat(api.get(participants(PROGRAMME, "csv"), coordinatorOf(ASELE)).status())
                .isEqualTo(200);

        List<String> reads = owner.queryForList("""
                select tenant_id || ' ' || person_id || ' ' || reader || ' ' || reader_role || ' ' || purpose
                from personal_number_read where programme_id = ?""", String.class, PROGRAMME);
        Integer after = owner.queryForObject(
                "select count(*) from personal_number_read where programme_id = ?", Integer.class, PROGRAMME);
        assertThat(after - before)
                .as("one read per number shown; the person without one is not a read")
                .isEqualTo(2);
        assertThat(reads)
                .allMatch(read -> read.endsWith("asele-samordnare PROJECT_LEADER PARTICIPANT_LIST"))
                .anyMatch(read -> read.startsWith(LYCKSELE + " " + partnersPerson));
        var partnersLog =
                api.get("/api/identity/people/" + partnersPerson + "/personal-number-reads", coordinatorOf(LYCKSELE));
        assertThat(partnersLog.json().path("items").get(0).path("programmeId").asString())
                .as("the partner's coordinator sees that the owner read their person's number, and for which programme")
                .isEqualTo(PROGRAMME.toString());
    }

    @Test
    void downloadsTheListAsCsvAndXlsxForASwedishSpreadsheet() throws IOException, InterruptedException {
        var csv = api.get(participants(PROGRAMME, "csv"), coordinatorOf(ASELE));
        HttpResponse<byte[]> xlsx = HttpClient.newHttpClient()
                .send(
                        api.http()
                                .request(participants(PROGRAMME, "xlsx"), coordinatorOf(ASELE))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());

        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("deltagarforteckning-" + PROGRAMME + ".csv");
        assertThat(csv.body().lines().toList())
                .containsSubsequence(
                        "\uFEFFDeltagare",
                        "Personnummer;Kön;Startmånad;Slutmånad",
                        "19780315-4561;Kvinna;2021-03;",
                        ";Man;2021-03;2021-05",
                        "19811218-9876;Icke-binär;2021-04;");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type").orElseThrow())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        String workbook = workbookText(xlsx.body());
        assertThat(workbook)
                .contains(
                        "Personnummer",
                        "Slutmånad",
                        "19780315-4561",
                        "19811218-9876",
                        "Kvinna",
                        "Icke-binär",
                        "2021-05")
                .doesNotContain("<f>");
        assertThat(workbook.split("<row ", -1))
                .as("the heading and three participants")
                .hasSize(1 + 4);
    }

    /**
     * The text of every part of an XLSX file (its sheets and shared strings), one after the other, with the characters
     * XML wrote as numeric references (å, ö) as themselves.
     */
    private static String workbookText(byte[] xlsx) throws IOException {
        Path file = Files.createTempFile("deltagarforteckning", ".xlsx");
        try {
            Files.write(file, xlsx);
            StringBuilder text = new StringBuilder();
            try (ZipFile zip = new ZipFile(file.toFile())) {
                for (ZipEntry entry : Collections.list(zip.entries())) {
                    if (entry.getName().startsWith("xl/")) {
                        text.append(new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
            return java.util.regex.Pattern.compile("&#x([0-9a-fA-F]+);")
                    .matcher(text)
                    .replaceAll(entity -> Character.toString(Integer.parseInt(entity.group(1), 16)));
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void refusesEveryoneButTheOwnersProjectLeaderWithTheRuleAndAnUnknownProgrammeIs404() {
        TOKENS.clear();
        var participant = api.get(participants(PROGRAMME, "csv"), participantOf(ASELE));
        var manager = api.get(participants(PROGRAMME, "csv"), managerOf(ASELE));
        assertThat(TOKENS)
                .as("reporting is not asked for someone who can be no project leader")
                .isEmpty();

        var anotherOrganisation = api.get(participants(SOMEONE_ELSES, "xlsx"), coordinatorOf(LYCKSELE));
        var unknown = api.get(participants(UUID.randomUUID(), "csv"), coordinatorOf(ASELE));
        var reportingFails = api.get(participants(FAILING, "csv"), coordinatorOf(ASELE));
        var badFormat = api.get(participants(PROGRAMME, "pdf"), coordinatorOf(ASELE));

        for (var refused : List.of(participant, manager, anotherOrganisation)) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.json().path("detail").asString())
                    .startsWith("Only the project leader of the programme's owner");
            assertThat(refused.body()).doesNotContain("19780315");
        }
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(reportingFails.status()).isEqualTo(503);
        assertThat(badFormat.status()).isEqualTo(400);
        assertThat(badFormat.json().path("errors").get(0).path("field").asString())
                .isEqualTo("format");
    }

    private static String text(JsonNode node) {
        return node.isNull() || node.isMissingNode() ? "" : node.asString();
    }

    private static String participants(UUID programme, String format) {
        return "/api/identity/programmes/" + programme + "/participants?format=" + format;
    }

    /**
     * Reporting's participants endpoint as it answers: the list for a programme it knows as the caller's, 403 with
     * reporting's rule for {@link #SOMEONE_ELSES}, 500 for {@link #FAILING}, 404 for any other.
     */
    private static HttpServer reporting() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/api/reports/programmes/", exchange -> {
                TOKENS.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
                String path = exchange.getRequestURI().getPath();
                UUID programme =
                        UUID.fromString(path.substring("/api/reports/programmes/".length(), path.lastIndexOf('/')));
                if (programme.equals(SOMEONE_ELSES)) {
                    answer(exchange, 403, "{\"status\":403,\"detail\":\"Only the project leader of the owner\"}");
                } else if (programme.equals(FAILING)) {
                    answer(exchange, 500, "{\"status\":500}");
                } else if (ANSWERS.containsKey(programme) && path.endsWith("/participants")) {
                    answer(exchange, 200, ANSWERS.get(programme));
                } else {
                    answer(exchange, 404, "{\"status\":404}");
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
