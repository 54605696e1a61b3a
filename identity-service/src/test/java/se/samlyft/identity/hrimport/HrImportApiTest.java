package se.samlyft.identity.hrimport;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samlyft.identity.IdentityApi.coordinatorOf;
import static se.samlyft.identity.IdentityApi.municipality;
import static se.samlyft.identity.IdentityApi.organisationNumber;
import static se.samlyft.identity.IdentityApi.participantOf;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.samlyft.identity.AgainstIdentity;
import se.samlyft.identity.IdentityEvents;
import se.samlyft.testsupport.TestHttp;
import tools.jackson.databind.JsonNode;

class HrImportApiTest extends AgainstIdentity {

    private static final String IMPORTS = "/api/identity/imports";
    private static final String GOTEBORG = "goteborg";
    private static final String MOLNDAL = "molndal";
    private static boolean onboarded;

    @BeforeEach
    void onboardTheMunicipalities() {
        if (!onboarded) {
            onboarded = true;
            api.onboard(municipality(GOTEBORG, "Göteborgs Stad", "1480", organisationNumber(1480)));
            api.onboard(municipality(MOLNDAL, "Mölndals stad", "1481", organisationNumber(1481)));
            api.onboard(municipality("partille", "Partille kommun", "1402", organisationNumber(1402)));
            api.onboard(municipality("lerum", "Lerums kommun", "1441", organisationNumber(1441)));
            api.onboard(municipality("vargarda", "Vårgårda kommun", "1442", organisationNumber(1442)));
        }
    }

    @Test
    void aDryRunReportsEveryRowsProblemsAndSavesNothing() {
        byte[] file = HrFiles.file(
                StandardCharsets.UTF_8,
                "Anna;Lind;anna.lind@goteborg.se;19780315-4561;hemtjanst-centrum;Hemtjänst Centrum;undersköterska;;"
                        + "kvinna;1978;gymnasial;participant",
                "Björn;Öhman;inte-en-adress;19780315-4562;hemtjanst-centrum;Hemtjänst Centrum;astronaut;;man;1980;"
                        + "gymnasial;participant",
                "Cecilia;Åberg;cecilia.aberg@goteborg.se;;Hemtjänst;Hemtjänst Centrum;vårdbiträde;"
                        + "chefen@goteborg.se;kvinna;nittonhundra;gymnasial;participant",
                "Anna;Lind;ANNA.LIND@goteborg.se;;hemtjanst-centrum;Hemtjänst Centrum;undersköterska;;kvinna;1978;"
                        + "gymnasial;participant");

        var report = csv(IMPORTS + "?dryRun=true", coordinatorOf(GOTEBORG), file);

        assertThat(report.status()).as(report.body()).isEqualTo(200);
        JsonNode body = report.json();
        assertThat(body.path("status").asString()).isEqualTo("CHECKED");
        assertThat(body.path("created").asInt())
                .as("what a clean file would have created")
                .isEqualTo(1);
        assertThat(problems(body.path("problems")))
                .containsExactly("3 e-post", "3 personnummer", "3 yrke", "4 arbetsplatskod", "4 födelseår", "5 e-post");
        assertThat(body.path("problems")
                        .valueStream()
                        .map(problem -> problem.path("code").asString()))
                .as("a code for each, which a page says in its own words")
                .containsExactly(
                        "invalid-email",
                        "invalid-personal-number",
                        "unknown-occupation",
                        "invalid-workplace-code",
                        "invalid-birth-year",
                        "duplicate-email");
        assertThat(body.toString()).doesNotContain("19780315-4562");
        assertThat(api.get("/api/identity/people", coordinatorOf(GOTEBORG))
                        .json()
                        .path("totalItems")
                        .asInt())
                .isZero();
    }

    @Test
    void aRealRunWithAnyBrokenRowSavesNothingAndNamesEveryProblem() {
        byte[] file = HrFiles.file(
                StandardCharsets.UTF_8,
                "Anna;Lind;anna.lind@partille.se;;hemtjanst-centrum;Hemtjänst Centrum;undersköterska;;kvinna;1978;"
                        + "gymnasial;participant",
                "Björn;Öhman;bjorn.ohman@partille.se;;hemtjanst-centrum;Hemtjänst Centrum;undersköterska;"
                        + "finns.inte@partille.se;man;1980;gymnasial;participant");

        var refused = csv(IMPORTS, coordinatorOf("partille"), file);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(problems(refused.json().path("problems"))).containsExactly("3 chefens e-post");
        assertThat(api.get("/api/identity/people", coordinatorOf("partille"))
                        .json()
                        .path("totalItems")
                        .asInt())
                .isZero();
        var status = api.get(refused.header("Location"), coordinatorOf("partille"));
        assertThat(status.json().path("status").asString()).isEqualTo("REFUSED");
    }

    @Test
    void importsAWindows1252FileWithCommasAndTheSameFileAgainChangesNothing() {
        Charset windows1252 = Charset.forName("windows-1252");
        String header = HrFiles.HEADER.replace(';', ',');
        byte[] file = (header + "\r\n"
                        + "Märta,Sjöström,marta.sjostrom@molndal.se,19780315-4561,hemtjanst-norr,\"Hemtjänst Norr, Mölndal\","
                        + "chef,,kvinna,1978,eftergymnasial,manager participant\r\n"
                        + "Örjan,Åkerlund,orjan.akerlund@molndal.se,,hemtjanst-norr,\"Hemtjänst Norr, Mölndal\","
                        + "undersköterska,marta.sjostrom@molndal.se,man,1985,gymnasial,participant\r\n")
                .getBytes(windows1252);

        var first = csv(IMPORTS, coordinatorOf(MOLNDAL), file);
        var second = csv(IMPORTS, coordinatorOf(MOLNDAL), file);

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().path("encoding").asString()).isEqualTo("windows-1252");
        assertThat(first.json().path("delimiter").asString()).isEqualTo(",");
        assertThat(first.json().path("created").asInt()).isEqualTo(2);
        assertThat(second.json().path("created").asInt()).isZero();
        assertThat(second.json().path("changed").asInt()).isZero();
        assertThat(second.json().path("unchanged").asInt()).isEqualTo(2);
        JsonNode people =
                api.get("/api/identity/people", coordinatorOf(MOLNDAL)).json().path("items");
        assertThat(people).hasSize(2);
        JsonNode marta = people.get(0).path("givenName").asString().equals("Märta") ? people.get(0) : people.get(1);
        JsonNode orjan = people.get(0) == marta ? people.get(1) : people.get(0);
        assertThat(marta.path("familyName").asString()).isEqualTo("Sjöström");
        assertThat(marta.path("workplaceName").asString()).isEqualTo("Hemtjänst Norr, Mölndal");
        assertThat(marta.path("roles").toString()).contains("manager");
        assertThat(orjan.path("givenName").asString()).isEqualTo("Örjan");
        assertThat(orjan.path("managerId").asString())
                .isEqualTo(marta.path("id").asString());
        List<ConsumerRecord<String, String>> events =
                IdentityEvents.recordsOf(orjan.path("id").asString(), 1);
        assertThat(IdentityEvents.typeOf(events.getFirst())).isEqualTo("se.samlyft.identity.person-registered.v1");
    }

    @Test
    void aChangedRowChangesOnlyThatPerson() {
        String line =
                "Sven;Ek;sven.ek@lerum.se;;hemtjanst-centrum;Hemtjänst Centrum;undersköterska;;man;1970;gymnasial;"
                        + "participant";
        String other =
                "Saga;Ek;saga.ek@lerum.se;;hemtjanst-centrum;Hemtjänst Centrum;vårdbiträde;;kvinna;1999;gymnasial;"
                        + "participant";
        csv(IMPORTS, coordinatorOf("lerum"), HrFiles.file(StandardCharsets.UTF_8, line, other));

        var again = csv(
                IMPORTS,
                coordinatorOf("lerum"),
                HrFiles.file(StandardCharsets.UTF_8, line.replace("undersköterska", "sjuksköterska"), other));

        assertThat(again.json().path("changed").asInt()).isEqualTo(1);
        assertThat(again.json().path("unchanged").asInt()).isEqualTo(1);
        var status = api.get(again.header("Location"), coordinatorOf("lerum"));
        assertThat(status.json().path("status").asString()).isEqualTo("APPLIED");
        assertThat(status.json().path("processedRows").asInt()).isEqualTo(2);
    }

    @Test
    void refusesAFileInAnotherEncodingOrWithoutTheColumns() {
        byte[] utf16 = HrFiles.file(
                StandardCharsets.UTF_16,
                "Anna;Lind;anna.lind@goteborg.se;;hemtjanst-centrum;Hemtjänst Centrum;undersköterska;;kvinna;1978;"
                        + "gymnasial;participant");
        byte[] header = (HrFiles.HEADER + "\n").getBytes(Charset.forName("windows-1252"));
        byte[] undefinedInWindows1252 = Arrays.copyOf(header, header.length + 5);
        System.arraycopy(
                new byte[] {(byte) 0xc3, (byte) 0x28, (byte) 0x81, ';', 'x'},
                0,
                undefinedInWindows1252,
                header.length,
                5);
        byte[] noColumns = "förnamn;efternamn\nAnna;Lind\n".getBytes(StandardCharsets.UTF_8);

        var wide = csv(IMPORTS + "?dryRun=true", coordinatorOf(GOTEBORG), utf16);
        var undefined = csv(IMPORTS + "?dryRun=true", coordinatorOf(GOTEBORG), undefinedInWindows1252);
        var lacking = csv(IMPORTS + "?dryRun=true", coordinatorOf(GOTEBORG), noColumns);

        assertThat(wide.status()).isEqualTo(400);
        assertThat(wide.header("Content-Type")).startsWith("application/problem+json");
        assertThat(wide.json().path("errors").get(0).path("field").asString()).isEqualTo("file");
        assertThat(wide.body()).contains("UTF-8");
        assertThat(undefined.status()).isEqualTo(400);
        assertThat(undefined.body()).contains("neither UTF-8 nor Windows-1252");
        assertThat(lacking.status()).isEqualTo(400);
        assertThat(lacking.body()).contains("e-post", "yrke");
    }

    @Test
    void onlyACoordinatorImports() {
        byte[] file = HrFiles.file(StandardCharsets.UTF_8);

        assertThat(csv(IMPORTS + "?dryRun=true", participantOf(GOTEBORG), file).status())
                .isEqualTo(403);
    }

    @Test
    void theReportListsWhoIsCreatedAndChangedAndWarnsBeforeACoordinatorsRolesAreTakenAway() {
        String token = coordinatorOf("vargarda");
        String ingrid = "Ingrid;Åström;ingrid.astrom@vargarda.se;;aldreboende-noltorp;Äldreboende Noltorp;chef;;kvinna;"
                + "1969;eftergymnasial;";
        byte[] first = HrFiles.file(
                StandardCharsets.UTF_8,
                ingrid + "coordinator manager participant",
                "Olle;Ek;olle.ek@vargarda.se;;aldreboende-noltorp;Äldreboende Noltorp;undersköterska;"
                        + "ingrid.astrom@vargarda.se;man;1990;gymnasial;participant");
        var created = csv(IMPORTS, token, first);
        byte[] second = HrFiles.file(
                StandardCharsets.UTF_8,
                ingrid,
                "Olle;Ek;olle.ek@vargarda.se;;  ALDREBOENDE-Sorgarden ;Äldreboende Sörgården;undersköterska;"
                        + "ingrid.astrom@vargarda.se;man;1990;gymnasial;participant");

        var dryRun = csv(IMPORTS + "?dryRun=true", token, second);

        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.json()
                        .path("createdPeople")
                        .valueStream()
                        .map(p -> p.path("email").asString()))
                .containsExactly("ingrid.astrom@vargarda.se", "olle.ek@vargarda.se");
        assertThat(created.json().path("createdPeople").get(1).path("line").asInt())
                .isEqualTo(3);
        String olle = created.json().path("createdPeople").get(1).path("id").asString();
        assertThat(api.get("/api/identity/people/" + olle, token).status()).isEqualTo(200);
        JsonNode checked = dryRun.json();
        assertThat(dryRun.status()).as(dryRun.body()).isEqualTo(200);
        assertThat(checked.path("problems"))
                .as("a workplace code in capitals with spaces around is taken in lower case")
                .isEmpty();
        assertThat(checked.path("changedPeople")
                        .valueStream()
                        .map(p -> p.path("email").asString()))
                .containsExactly("ingrid.astrom@vargarda.se", "olle.ek@vargarda.se");
        JsonNode changedOlle = checked.path("changedPeople").get(1);
        assertThat(changedOlle.path("id").asString()).isEqualTo(olle);
        assertThat(changedOlle.path("changes").valueStream().map(JsonNode::asString))
                .containsExactly("workplaceId", "workplaceName");
        assertThat(checked.path("warnings")).hasSize(1);
        assertThat(checked.path("warnings").get(0).path("line").asInt()).isEqualTo(2);
        assertThat(checked.path("warnings")
                        .get(0)
                        .path("removedRoles")
                        .valueStream()
                        .map(JsonNode::asString))
                .containsExactlyInAnyOrder("coordinator", "manager");
        assertThat(api.get("/api/identity/people/" + olle, token)
                        .json()
                        .path("workplaceId")
                        .asString())
                .as("the dry run saved nothing")
                .isEqualTo("aldreboende-noltorp");
    }

    @Test
    void anImportRunsUnderTheIdItsCallerChoseToFollowItsProgress() {
        String token = coordinatorOf("vargarda");
        String id = java.util.UUID.randomUUID().toString();
        byte[] file = HrFiles.file(
                StandardCharsets.UTF_8,
                "Siv;Berg;siv.berg@vargarda.se;;hemtjanst-ost;Hemtjänst Öst;vårdbiträde;;kvinna;1975;gymnasial;"
                        + "participant");

        var run = csv(IMPORTS + "?dryRun=true&importId=" + id, token, file);
        var again = csv(IMPORTS + "?dryRun=true&importId=" + id, token, file);

        assertThat(run.status()).as(run.body()).isEqualTo(200);
        assertThat(run.json().path("id").asString()).isEqualTo(id);
        assertThat(api.get(IMPORTS + "/" + id, token).json().path("status").asString())
                .isEqualTo("CHECKED");
        assertThat(again.status()).isEqualTo(409);
        assertThat(api.get(IMPORTS + "/" + id, coordinatorOf(GOTEBORG)).status())
                .as("another organisation's import")
                .isEqualTo(404);
    }

    private TestHttp.Response csv(String path, String token, byte[] file) {
        return api.postBytes(path, token, "text/csv", file);
    }

    private static List<String> problems(JsonNode problems) {
        return problems.valueStream()
                .map(problem -> problem.path("line").asInt() + " "
                        + problem.path("column").asString())
                .toList();
    }
}
