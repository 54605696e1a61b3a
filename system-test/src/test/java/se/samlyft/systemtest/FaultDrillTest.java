package se.samlyft.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samlyft.systemtest.GatewayCalls.created;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import se.samlyft.deploy.LocalPlatform;
import se.samlyft.testsupport.TestHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Nothing is lost under faults (issue 19, acceptance 2): while care workers of the thirteen municipalities enrol, one
 * after the other, on Akademi Norr's offerings through the gateway, PostgreSQL is killed (SIGKILL) and stays down for
 * 60 seconds, the Kafka broker is killed and started again, and each service and the gateway is killed in turn and
 * started again. A client retries as a client would (the same {@code Idempotency-Key}; a new one when the first is
 * left claimed by a request that died with its service). Afterwards every enrolment made is in enrolment's database,
 * in the catalog's seat counts and in reporting's read model exactly once, and every dead-letter topic is empty.
 */
@Order(9)
class FaultDrillTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** As long as the issue asks the database to stay away; the platform must ride it out. */
    private static final Duration DATABASE_OUTAGE = Duration.ofSeconds(60);

    private static final Duration PATIENCE = Duration.ofMinutes(4);
    private static final List<String> SERVICES =
            List.of("identity-service", "catalog-service", "enrolment-service", "reporting-service", "gateway");
    private static final List<String> MUNICIPALITIES = LocalPlatform.demoMunicipalities();
    private static final int OFFERINGS = 20;

    private final RunningPlatform platform = RunningPlatform.get();
    private final Keycloak keycloak = new Keycloak(platform.keycloakUrl());

    @Test
    void everyEnrolmentMadeThroughTheDrillsIsInEveryServiceExactlyOnceAndNothingIsADeadLetter() throws Exception {
        List<String> offerings = scheduleOfferings();
        List<String> participants = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            for (String municipality : MUNICIPALITIES) {
                participants.add(municipality + "-deltagare-" + i);
            }
        }
        EnrolmentStream stream = new EnrolmentStream(offerings, participants);
        LocalPlatform launched = platform.platform();
        Instant began = Instant.now();
        try (ExecutorService background = Executors.newSingleThreadExecutor()) {
            Future<?> streaming = background.submit(stream::run);
            stream.awaitMore(5);

            launched.killComponent("PostgreSQL");
            Thread.sleep(DATABASE_OUTAGE);
            launched.startComponent("PostgreSQL");
            stream.awaitMore(5);
            System.out.println("[system-test] PostgreSQL drill done after " + since(began));

            launched.killComponent("Kafka");
            launched.startComponent("Kafka");
            stream.awaitMore(5);
            System.out.println("[system-test] Kafka drill done after " + since(began));

            for (String service : SERVICES) {
                launched.killComponent(service);
                launched.startComponent(service);
                stream.awaitMore(3);
                System.out.println("[system-test] " + service + " drill done after " + since(began));
            }
            stream.stop();
            streaming.get();
        }
        Map<String, UUID> made = stream.made();
        System.out.println("[system-test] " + made.size() + " enrolments made through the drills in " + since(began)
                + "; " + stream.retries() + " requests tried again");
        assertThat(made).as("enrolments made").hasSizeGreaterThan(30);

        Map<String, Integer> inEnrolment = enrolmentsInEnrolmentsDatabase(offerings);
        assertThat(inEnrolment)
                .as("every enrolment made, once, and none that was not made")
                .containsOnlyKeys(made.keySet())
                .allSatisfy((pair, count) -> assertThat(count).as(pair).isEqualTo(1));
        Set<String> ids = enrolmentIds(offerings);
        Instant deadline = Instant.now().plus(PATIENCE);
        Set<String> holders = seatHoldersInCatalog(offerings);
        Set<String> reported = enrolmentsInReadModel(offerings);
        while (!(holders.equals(ids) && reported.equals(ids)) && Instant.now().isBefore(deadline)) {
            Thread.sleep(1_000);
            holders = seatHoldersInCatalog(offerings);
            reported = enrolmentsInReadModel(offerings);
        }
        Map<String, Integer> seatsTaken = seatsTakenInCatalog(offerings);
        assertThat(holders).as("the catalog's seat holders").isEqualTo(ids);
        assertThat(seatsTaken.values().stream().mapToInt(Integer::intValue).sum())
                .as("the catalog's seat counts")
                .isEqualTo(ids.size());
        assertThat(seatsTaken).as("seats taken per offering").isEqualTo(seatsPerOffering(offerings));
        assertThat(reported).as("reporting's read model").isEqualTo(ids);
        assertThat(deadLetters())
                .as("records on the dead-letter topics")
                .allSatisfy((topic, records) -> assertThat(records).as(topic).isZero());
    }

    /** A course of Akademi Norr's and its offerings, open to the members now, with seats enough and no approval. */
    private List<String> scheduleOfferings() {
        String projectLeader = keycloak.tokenOf("akademi-norr-projektledare");
        String run = UUID.randomUUID().toString().substring(0, 6);
        ObjectNode course = JSON.createObjectNode()
                .put("title", "Brandskydd i boendet " + run)
                .put("description", "Utrymning, brandlarm och släckutrustning på särskilt boende.")
                .put("format", "SELF_PACED_DIGITAL")
                .put("formal", false);
        course.putArray("themes").add("säkerhet");
        course.putArray("targetOccupations").add("undersköterska");
        course.putArray("modules")
                .add(JSON.createObjectNode().put("title", "Brandlarm").put("estimatedMinutes", 30));
        String courseId = created(post(projectLeader, "/api/catalog/courses", course, UUID.randomUUID()))
                .path("id")
                .asString();
        assertThat(post(projectLeader, "/api/catalog/courses/" + courseId + "/publish", null, UUID.randomUUID())
                        .status())
                .isEqualTo(200);
        List<String> offerings = new ArrayList<>();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        for (int i = 0; i < OFFERINGS; i++) {
            ObjectNode offering = JSON.createObjectNode()
                    .put("courseId", courseId)
                    .put("enrolmentOpensAt", now.minus(1, ChronoUnit.DAYS).toString())
                    .put("startsAt", now.minus(1, ChronoUnit.HOURS).toString())
                    .put("enrolmentClosesAt", now.plus(30, ChronoUnit.DAYS).toString())
                    .put("endsAt", now.plus(60, ChronoUnit.DAYS).toString())
                    .put("online", true)
                    .put("capacity", 100)
                    .put("approvalRequired", false)
                    .put("paidWorkingTime", false)
                    .put("audience", "FEDERATION_MEMBERS");
            offerings.add(created(post(projectLeader, "/api/catalog/offerings", offering, UUID.randomUUID()))
                    .path("id")
                    .asString());
        }
        return offerings;
    }

    /**
     * Enrols each participant on each offering in turn, as a client would through faults: a request that fails is
     * sent again with the same key; a key left claimed by a request that died with its service ({@code 409} with
     * {@code Retry-After}) is given up for a new one, whose request the enrolment service answers itself, with the
     * enrolment or with {@code 409} when the first request had made it after all.
     */
    private final class EnrolmentStream {

        private static final Duration PACE = Duration.ofMillis(300);
        private static final Duration TOKEN_LIFE = Duration.ofSeconds(60);

        private final List<String> offerings;
        private final List<String> participants;
        private final Map<String, UUID> made = new ConcurrentHashMap<>();
        private final Map<String, String> tokens = new ConcurrentHashMap<>();
        private final Map<String, Instant> fetched = new ConcurrentHashMap<>();
        private final AtomicBoolean stopping = new AtomicBoolean();
        private final AtomicInteger retries = new AtomicInteger();

        EnrolmentStream(List<String> offerings, List<String> participants) {
            this.offerings = offerings;
            this.participants = participants;
        }

        void run() {
            for (String offering : offerings) {
                for (String participant : participants) {
                    if (stopping.get()) {
                        return;
                    }
                    enrol(participant, offering);
                    pause(PACE);
                }
            }
        }

        private void enrol(String participant, String offering) {
            UUID key = UUID.randomUUID();
            ObjectNode body = JSON.createObjectNode().put("offeringId", offering);
            while (true) {
                try {
                    String token = token(participant);
                    TestHttp.Response answer = post(token, "/api/enrolments", body, key);
                    if (answer.status() == 201 || (answer.status() == 409 && answer.header("Retry-After") == null)) {
                        made.put(participant + " " + offering, personIdOf(token));
                        return;
                    }
                    if (answer.status() == 409) {
                        key = UUID.randomUUID();
                    } else if (answer.status() == 401) {
                        fetched.remove(participant);
                    }
                } catch (RuntimeException unreachable) {
                    fetched.remove(participant);
                }
                retries.incrementAndGet();
                pause(Duration.ofMillis(500));
            }
        }

        private String token(String participant) {
            Instant at = fetched.get(participant);
            if (at == null || at.plus(TOKEN_LIFE).isBefore(Instant.now())) {
                String token = keycloak.passwordGrant("samlyft-web", participant);
                if (token == null || token.isBlank()) {
                    throw new IllegalStateException("No token for " + participant + " yet");
                }
                tokens.put(participant, token);
                fetched.put(participant, Instant.now());
            }
            return tokens.get(participant);
        }

        /** Waits until {@code more} enrolments more than now are made. */
        void awaitMore(int more) {
            int target = made.size() + more;
            Instant deadline = Instant.now().plus(PATIENCE);
            while (made.size() < target && Instant.now().isBefore(deadline)) {
                pause(Duration.ofMillis(200));
            }
            assertThat(made.size())
                    .as("enrolments made while the platform recovers")
                    .isGreaterThanOrEqualTo(target);
        }

        void stop() {
            stopping.set(true);
        }

        Map<String, UUID> made() {
            return Map.copyOf(made);
        }

        int retries() {
            return retries.get();
        }
    }

    private static UUID personIdOf(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return UUID.fromString(JSON.readTree(payload).path("person_id").asString());
    }

    /** How many enrolments of each participant and offering enrolment-service holds, by "participant offering". */
    private Map<String, Integer> enrolmentsInEnrolmentsDatabase(List<String> offerings) throws SQLException {
        Map<UUID, String> participants = new HashMap<>();
        for (int i = 1; i <= 3; i++) {
            for (String municipality : MUNICIPALITIES) {
                String participant = municipality + "-deltagare-" + i;
                participants.put(personIdOf(keycloak.passwordGrant("samlyft-web", participant)), participant);
            }
        }
        Map<String, Integer> counts = new TreeMap<>();
        query(
                "enrolment",
                "select person_id, offering_id from enrolment where offering_id::text = any (?)",
                offerings,
                row -> {
                    String participant = participants.getOrDefault(row.getObject(1, UUID.class), row.getString(1));
                    counts.merge(participant + " " + row.getString(2), 1, Integer::sum);
                });
        return counts;
    }

    private Set<String> enrolmentIds(List<String> offerings) throws SQLException {
        Set<String> ids = new HashSet<>();
        query(
                "enrolment",
                "select id from enrolment where offering_id::text = any (?)",
                offerings,
                row -> ids.add(row.getString(1)));
        return ids;
    }

    private Map<String, Integer> seatsPerOffering(List<String> offerings) throws SQLException {
        Map<String, Integer> seats = new TreeMap<>();
        offerings.forEach(offering -> seats.put(offering, 0));
        query(
                "enrolment",
                "select offering_id, count(*) from enrolment where offering_id::text = any (?) group by offering_id",
                offerings,
                row -> seats.put(row.getString(1), row.getInt(2)));
        return seats;
    }

    private Map<String, Integer> seatsTakenInCatalog(List<String> offerings) throws SQLException {
        Map<String, Integer> seats = new TreeMap<>();
        query(
                "catalog",
                "select id, seats_taken from offering where id::text = any (?)",
                offerings,
                row -> seats.put(row.getString(1), row.getInt(2)));
        return seats;
    }

    private Set<String> seatHoldersInCatalog(List<String> offerings) throws SQLException {
        Set<String> holders = new HashSet<>();
        query(
                "catalog",
                "select enrolment_id from offering_seat_holder where holds_seat and offering_id::text = any (?)",
                offerings,
                row -> holders.add(row.getString(1)));
        return holders;
    }

    private Set<String> enrolmentsInReadModel(List<String> offerings) throws SQLException {
        Set<String> enrolments = new HashSet<>();
        query(
                "reporting",
                "select enrolment_id from enrolment e join read_model r on e.generation = r.current_generation"
                        + " where e.offering_id::text = any (?)",
                offerings,
                row -> enrolments.add(row.getString(1)));
        return enrolments;
    }

    /** What each row of the answer does, in the database's superuser's view (past row-level security). */
    @FunctionalInterface
    private interface Row {
        void read(ResultSet row) throws SQLException;
    }

    private void query(String database, String sql, List<String> offerings, Row each) throws SQLException {
        LocalPlatform.Database db = platform.platform().database(database);
        try (Connection connection = DriverManager.getConnection(db.url(), db.superuser(), db.superuserPassword());
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("text", offerings.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    each.read(rows);
                }
            }
        }
    }

    /** Every dead-letter topic of the platform with how many records it holds. */
    private Map<String, Long> deadLetters() {
        Properties properties = platform.kafkaAdminClient(Map.of(
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
        Map<String, Long> records = new TreeMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.listTopics().forEach((topic, infos) -> {
                if (topic.matches("samlyft\\.[a-z]+\\.dlt")) {
                    infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
                }
            });
            assertThat(partitions).as("the dead-letter topics").isNotEmpty();
            Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
            consumer.endOffsets(partitions)
                    .forEach((partition, end) ->
                            records.merge(partition.topic(), end - beginning.get(partition), Long::sum));
        }
        return records;
    }

    private TestHttp.Response post(String token, String path, JsonNode body, UUID key) {
        return platform.postThroughGateway(token, path, body, key);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String since(Instant began) {
        return Duration.between(began, Instant.now()).toSeconds() + " s";
    }
}
