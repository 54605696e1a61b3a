package se.samlyft.reporting.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.samlyft.reporting.AgainstReporting;
import se.samlyft.reporting.fixture.Event;
import se.samlyft.reporting.fixture.EventSender;
import se.samlyft.reporting.fixture.FederationScenario;
import se.samlyft.reporting.fixture.Person;
import se.samlyft.testsupport.TestDatabase;
import se.samlyft.testsupport.TestHttp;
import tools.jackson.databind.JsonNode;

/**
 * The read model fed through Kafka, and rebuilt from the start of the topics into a new generation while the current
 * one keeps answering: the rebuilt model answers every report exactly as the live one did.
 */
class ReadModelRebuildTest extends AgainstReporting {

    @Autowired
    TestDatabase database;

    @Autowired
    PlatformTransactionManager transactionManager;

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void rebuildFromTheStartOfTheTopicsGivesTheSameReportsAsTheLiveModel() {
        FederationScenario scenario =
                new FederationScenario(UUID.randomUUID().toString().substring(0, 6));
        Person erased = scenario.people.getFirst();
        List<Event> events = new ArrayList<>(scenario.events());
        events.add(events.get(8));
        events.add(events.get(9).republished());
        try (EventSender sender = new EventSender()) {
            sender.send(events);
            String token = federationCoordinatorOf(scenario.federation);
            await().atMost(PATIENCE)
                    .until(() -> reportsOf(scenario, token)
                                    .get("follow-up")
                                    .path("hours")
                                    .asDouble()
                            == 62.0);
            sender.send(erased.erased());
            await().atMost(PATIENCE)
                    .until(() -> personIdsOf(http.get(monthly(scenario, "2021-03"), token)
                                    .json())
                            .contains("null"));
        }
        String token = federationCoordinatorOf(scenario.federation);
        Map<String, JsonNode> live = reportsOf(scenario, token);
        int before = status().path("currentGeneration").asInt();

        var started = http.send(http.request("/api/reports/read-model/rebuild", platformAdmin())
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
        var answeredMeanwhile = http.get(followUp(scenario), token);
        await().atMost(PATIENCE).until(() -> status().path("currentGeneration").asInt() == before + 1);

        assertThat(started.status()).isEqualTo(202);
        assertThat(started.json().path("buildingGeneration").asInt()).isEqualTo(before + 1);
        JsonNode progress = started.json().path("progress");
        assertThat(progress.path("read").asLong())
                .as("records read while the rebuild runs")
                .isBetween(0L, Math.max(progress.path("total").asLong(), 0L));
        assertThat(status().path("progress").isNull())
                .as("no progress once no rebuild runs")
                .isTrue();
        assertThat(answeredMeanwhile.status()).isEqualTo(200);
        assertThat(status().path("buildingGeneration").isNull()).isTrue();
        assertThat(live.get("follow-up").path("participants").asLong()).isEqualTo(8);
        assertThat(reportsOf(scenario, token)).isEqualTo(live);
        JdbcTemplate owner = new JdbcTemplate(database.ownerDataSource());
        Map<String, Object> done = owner.queryForMap("select rebuild_read, rebuild_total from read_model");
        assertThat(((Number) done.get("rebuild_total")).longValue())
                .as("the records the topics held when the rebuild began")
                .isGreaterThanOrEqualTo(events.size());
        assertThat(done.get("rebuild_read")).as("all of them read").isEqualTo(done.get("rebuild_total"));
        assertThat(owner.queryForObject("select count(*) from enrolment where generation = ?", Long.class, before))
                .as("rows of the retired generation")
                .isZero();
        assertThat(owner.queryForObject(
                        "select count(*) from samlyft.processed_event where consumer = ?",
                        Long.class,
                        "read-model-g" + before))
                .as("applied events of the retired generation")
                .isZero();
    }

    @Test
    void refusesASecondRebuildWhileOneRunsUntilItIsGivenUp() {
        int building = readModel.startBuilding(Instant.now());

        var second = http.send(http.request("/api/reports/read-model/rebuild", platformAdmin())
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
        var givenUp = http.send(http.request("/api/reports/read-model/rebuild", platformAdmin())
                .DELETE()
                .build());
        var nothingLeft = http.send(http.request("/api/reports/read-model/rebuild", platformAdmin())
                .DELETE()
                .build());

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().path("detail").asString()).contains("running already");
        assertThat(givenUp.status()).isEqualTo(204);
        assertThat(nothingLeft.status()).isEqualTo(404);
        assertThat(status().path("buildingGeneration").isNull()).isTrue();
        assertThat(status().path("currentGeneration").asInt()).isEqualTo(building - 1);
    }

    @Test
    void aRebuildStartsOnlyOnceThePollApplyingEventsHasCommitted() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Generations> poll =
                CompletableFuture.supplyAsync(() -> new TransactionTemplate(transactionManager).execute(status -> {
                    Generations held = readModel.generationsWhileApplying();
                    holding.countDown();
                    awaitLatch(release);
                    return held;
                }));
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Integer> rebuild =
                CompletableFuture.supplyAsync(() -> readModel.startBuilding(Instant.now()));

        assertThatThrownBy(() -> rebuild.get(500, TimeUnit.MILLISECONDS))
                .as("the rebuild waits for the poll's transaction")
                .isInstanceOf(TimeoutException.class);
        release.countDown();
        Generations applied = poll.get(10, TimeUnit.SECONDS);
        int building = rebuild.get(10, TimeUnit.SECONDS);
        try {
            assertThat(applied.building()).isEmpty();
            assertThat(building).isEqualTo(applied.current() + 1);
        } finally {
            readModel.abandon(building);
        }
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Waited in vain");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void onlyAPlatformAdministratorRebuilds() {
        var refused = http.send(http.request("/api/reports/read-model/rebuild", coordinatorOf(tenant("mala")))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("detail").asString())
                .isEqualTo("Only a platform administrator may manage the read model.");
        assertThat(http.get("/api/reports/read-model", federationCoordinatorOf(tenant("akademi-norr")))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void exportsTheFreshnessOfTheReportsWithItsPercentiles() {
        FederationScenario scenario =
                new FederationScenario(UUID.randomUUID().toString().substring(0, 6));
        try (EventSender sender = new EventSender()) {
            sender.send(scenario.events());
        }
        String token = federationCoordinatorOf(scenario.federation);
        await().atMost(PATIENCE)
                .until(() -> http.get(followUp(scenario), token)
                                .json()
                                .path("participants")
                                .asLong()
                        == 8);

        String metrics = management
                .send(management
                        .request("/actuator/prometheus", null)
                        .setHeader("Accept", "text/plain")
                        .build())
                .body();

        assertThat(metrics)
                .contains("samlyft_reporting_freshness_seconds{")
                .containsPattern("samlyft_reporting_freshness_seconds\\{[^}]*quantile=\"0.5\"")
                .containsPattern("samlyft_reporting_freshness_seconds\\{[^}]*quantile=\"0.99\"")
                .containsPattern("samlyft_reporting_freshness_seconds_count(\\{[^}]*})? [1-9]");
    }

    private JsonNode status() {
        return http.get("/api/reports/read-model", platformAdmin()).json();
    }

    private Map<String, JsonNode> reportsOf(FederationScenario scenario, String token) {
        Map<String, JsonNode> reports = new LinkedHashMap<>();
        reports.put("follow-up", ok(http.get(followUp(scenario), token)));
        reports.put("follow-up of Arvidsjaur", ok(http.get(followUp(scenario), coordinatorOf(scenario.arvidsjaur))));
        reports.put("federation", ok(http.get("/api/reports/federation?from=2021-01-01&to=2021-12-31", token)));
        reports.put("march", ok(http.get(monthly(scenario, "2021-03"), token)));
        reports.put("may", ok(http.get(monthly(scenario, "2021-05"), token)));
        reports.put("paid time", ok(http.get("/api/reports/paid-time?from=2021-01&to=2021-12", token)));
        return reports;
    }

    private static JsonNode ok(TestHttp.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<String> personIdsOf(JsonNode monthly) {
        List<String> ids = new ArrayList<>();
        monthly.path("started")
                .forEach(line ->
                        ids.add(line.path("participant").path("personId").toString()));
        return ids;
    }

    private static String followUp(FederationScenario scenario) {
        return "/api/reports/programmes/" + scenario.programme + "/follow-up";
    }

    private static String monthly(FederationScenario scenario, String month) {
        return "/api/reports/programmes/" + scenario.programme + "/monthly/" + month;
    }
}
