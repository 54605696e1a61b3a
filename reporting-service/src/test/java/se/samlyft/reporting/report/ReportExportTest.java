package se.samlyft.reporting.report;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.samlyft.reporting.AgainstReporting;
import se.samlyft.reporting.fixture.Enrolment;
import se.samlyft.reporting.fixture.Event;
import se.samlyft.reporting.fixture.FederationScenario;
import se.samlyft.reporting.fixture.Person;
import tools.jackson.databind.JsonNode;

/**
 * The CSV and XLSX exports carry the JSON report's figures, and Swedish text survives: the XLSX is read back with
 * fastexcel's reader, the CSV from its bytes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportExportTest extends AgainstReporting {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final FederationScenario scenario =
            new FederationScenario(UUID.randomUUID().toString().substring(0, 6));
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    void applyTheScenario() {
        apply(scenario.events().toArray(Event[]::new));
    }

    @Test
    void xlsxOfTheFollowUpCarriesTheFiguresOfTheJson() throws IOException {
        String token = federationCoordinatorOf(scenario.federation);
        JsonNode json = http.get(followUp(""), token).json();

        HttpResponse<byte[]> xlsx = download(followUp("?format=xlsx"), token);

        assertThat(xlsx.headers().firstValue("Content-Type").orElseThrow())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(xlsx.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment")
                .endsWith(".xlsx\"");
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            List<Sheet> sheets = workbook.getSheets().toList();
            assertThat(sheets).extracting(Sheet::getName).containsExactly("Sammanfattning", "Fördelning");
            Map<String, Row> summary = byFirstCell(sheets.get(0).read());
            assertThat(summary.get("Program").getCellText(1)).isEqualTo("Välfärdsteknologi i omsorgen");
            assertThat(number(summary, "Deltagare"))
                    .isEqualByComparingTo(json.path("participants").decimalValue());
            assertThat(number(summary, "Planerade deltagare"))
                    .isEqualByComparingTo(json.path("plannedParticipants").decimalValue());
            assertThat(number(summary, "Andel av planerat (%)"))
                    .isEqualByComparingTo(json.path("percentOfPlanned").decimalValue());
            assertThat(number(summary, "Slutförda"))
                    .isEqualByComparingTo(json.path("completed").decimalValue());
            assertThat(number(summary, "Slutförandegrad (%)"))
                    .isEqualByComparingTo(json.path("completionRatePercent").decimalValue());
            assertThat(number(summary, "Timmar totalt"))
                    .isEqualByComparingTo(json.path("hours").decimalValue());
            assertThat(number(summary, "Timmar på betald arbetstid"))
                    .isEqualByComparingTo(json.path("paidWorkingTimeHours").decimalValue());
            assertThat(number(summary, "Andel betyg 4–5 (%)"))
                    .isEqualByComparingTo(json.path("shareRating4Or5Percent").decimalValue());
            List<List<String>> breakdown = sheets.get(1).read().stream()
                    .map(row -> List.of(row.getCellText(0), row.getCellText(1), row.getCellText(2)))
                    .toList();
            assertThat(breakdown.getFirst()).containsExactly("Indelning", "Värde", "Deltagare");
            assertThat(breakdown)
                    .contains(
                            List.of(
                                    "Kön",
                                    "Kvinna",
                                    json.path("breakdowns")
                                            .path("SEX")
                                            .path("WOMAN")
                                            .asString()),
                            List.of("Kön", "Man", "<5"),
                            List.of("Kön", "Icke-binär", "<5"),
                            List.of("Arbetsplats", "Särskilt boende Åsgården", "4"),
                            List.of("Arbetsplats", "Assistansgrupp Öst", "1"),
                            List.of("Yrke", "Undersköterska", "6"),
                            List.of("Organisation", scenario.arvidsjaur, "5"));
        }
    }

    @Test
    void csvOfTheFollowUpIsUtf8WithABomAndSemicolonsForASwedishSpreadsheet() {
        String token = federationCoordinatorOf(scenario.federation);
        JsonNode json = http.get(followUp(""), token).json();

        HttpResponse<byte[]> csv = download(followUp("?format=csv"), token);

        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(Arrays.copyOf(csv.body(), 3)).containsExactly(BOM);
        String text = new String(csv.body(), 3, csv.body().length - 3, UTF_8);
        List<String> lines = List.of(text.split("\r\n"));
        assertThat(number(lines, "Deltagare"))
                .isEqualByComparingTo(json.path("participants").decimalValue());
        assertThat(number(lines, "Andel av planerat (%)"))
                .isEqualByComparingTo(json.path("percentOfPlanned").decimalValue());
        assertThat(number(lines, "Timmar totalt"))
                .isEqualByComparingTo(json.path("hours").decimalValue());
        assertThat(number(lines, "Timmar på betald arbetstid"))
                .isEqualByComparingTo(json.path("paidWorkingTimeHours").decimalValue());
        assertThat(number(lines, "Slutförandegrad (%)"))
                .isEqualByComparingTo(json.path("completionRatePercent").decimalValue());
        assertThat(lines)
                .contains(
                        "Sammanfattning",
                        "Mått;Värde",
                        "Program;Välfärdsteknologi i omsorgen",
                        "Timmar totalt;62,00",
                        "Slutförandegrad (%);25,0",
                        "Indelning;Värde;Deltagare",
                        "Kön;Kvinna;6",
                        "Kön;Man;<5",
                        "Åldersgrupp;45-54;"
                                + json.path("breakdowns")
                                        .path("AGE_BAND")
                                        .path("45-54")
                                        .asString(),
                        "Arbetsplats;Särskilt boende Åsgården;4",
                        "Utbildningsnivå;Eftergymnasial (ISCED 5–8);<5");
    }

    @Test
    void exportsOfTheMonthlyReportAndThePaidTimeEvidenceCarryTheirHours() throws IOException {
        String token = federationCoordinatorOf(scenario.federation);
        String monthly = "/api/reports/programmes/" + scenario.programme + "/monthly/2021-03";
        JsonNode march = http.get(monthly, token).json();
        JsonNode evidence = http.get("/api/reports/paid-time?from=2021-01&to=2021-12", token)
                .json();

        HttpResponse<byte[]> xlsx = download(monthly + "?format=xlsx", token);
        HttpResponse<byte[]> csv = download("/api/reports/paid-time?from=2021-01&to=2021-12&format=csv", token);

        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            List<Sheet> sheets = workbook.getSheets().toList();
            assertThat(sheets)
                    .extracting(Sheet::getName)
                    .containsExactly("Påbörjade", "Avslutade", "Timmar", "Omrapportering");
            List<Row> started = sheets.get(0).read();
            assertThat(started).hasSize(1 + march.path("started").size());
            BigDecimal paid = sheets.get(2).read().stream()
                    .skip(1)
                    .map(row -> row.getCellAsNumber(4).orElseThrow())
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal paidInJson = march.path("hours")
                    .valueStream()
                    .map(line -> line.path("paidHours").decimalValue())
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(paid).isEqualByComparingTo(paidInJson);
        }
        String text = new String(csv.body(), 3, csv.body().length - 3, UTF_8);
        List<String> lines = List.of(text.split("\r\n"));
        assertThat(lines).contains("Typ av arbetsgivare;Timmar på betald arbetstid");
        assertThat(number(lines, "Kommunal"))
                .isEqualByComparingTo(
                        evidence.path("totalsByEmployer").path("MUNICIPAL").decimalValue());
        assertThat(number(lines, "Privat"))
                .isEqualByComparingTo(
                        evidence.path("totalsByEmployer").path("PRIVATE").decimalValue());
        assertThat(number(lines, "Totalt"))
                .isEqualByComparingTo(evidence.path("total").decimalValue());
        assertThat(text)
                .contains(";Arvidsjaurs kommun;Kommunal;2021-03;7,50", ";God Assistans i Norr;Privat;2021-03;16,00");
    }

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaIsExportedAsTextInCsvAndXlsx() throws IOException {
        String tenant = "formelby-" + UUID.randomUUID().toString().substring(0, 6);
        UUID programme = UUID.randomUUID();
        List<String> names = List.of(
                "=HYPERLINK(\"https://example.invalid\";\"Öppna\")",
                "+46 70 123 45 67",
                "-1+1",
                "@SUM(A1:A9)",
                "\t=1+2",
                "\r=1+2",
                "Hemtjänst Åsgården");
        for (int i = 0; i < names.size(); i++) {
            Person person = Person.of(tenant).workplace("arbetsplats-" + i, names.get(i));
            Enrolment enrolment = Enrolment.of(person, tenant, programme);
            apply(
                    person.described(),
                    enrolment.requested("2021-03-01T08:00:00Z"),
                    enrolment.started("2021-03-02T08:00:00Z"));
        }
        String path = "/api/reports/programmes/" + programme + "/follow-up?format=";
        String token = coordinatorOf(tenant);

        String csv = new String(download(path + "csv", token).body(), UTF_8).substring(1);
        HttpResponse<byte[]> xlsx = download(path + "xlsx", token);

        assertThat(csv)
                .contains(
                        "Arbetsplats;\"'=HYPERLINK(\"\"https://example.invalid\"\";\"\"Öppna\"\")\";1\r\n",
                        "Arbetsplats;'+46 70 123 45 67;1\r\n",
                        "Arbetsplats;'-1+1;1\r\n",
                        "Arbetsplats;'@SUM(A1:A9);1\r\n",
                        "Arbetsplats;'\t=1+2;1\r\n",
                        "Arbetsplats;\"'\r=1+2\";1\r\n",
                        "Arbetsplats;Hemtjänst Åsgården;1\r\n");
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            List<String> workplaces = workbook.getSheets().toList().get(1).read().stream()
                    .filter(row -> row.getCellText(0).equals("Arbetsplats"))
                    .map(row -> row.getCellText(1))
                    .toList();
            assertThat(workplaces)
                    .containsExactlyInAnyOrder(names.stream()
                            .map(name -> name.equals("Hemtjänst Åsgården") ? name : "'" + name)
                            .toArray(String[]::new));
        }
    }

    private String followUp(String query) {
        return "/api/reports/programmes/" + scenario.programme + "/follow-up" + query;
    }

    private HttpResponse<byte[]> download(String path, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token)
                .build();
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as("status of %s", path).isEqualTo(200);
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Row> byFirstCell(List<Row> rows) {
        Map<String, Row> byName = new LinkedHashMap<>();
        rows.forEach(row -> byName.put(row.getCellText(0), row));
        return byName;
    }

    private static BigDecimal number(Map<String, Row> rows, String name) {
        return rows.get(name).getCellAsNumber(1).orElseThrow();
    }

    /** The number after the name in the CSV line that starts with it, read with its decimal comma. */
    private static BigDecimal number(List<String> lines, String name) {
        String line = lines.stream()
                .filter(candidate -> candidate.startsWith(name + ";"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No line " + name + " in " + lines));
        return new BigDecimal(line.substring(name.length() + 1).replace(',', '.'));
    }
}
