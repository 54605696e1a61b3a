package se.samlyft.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.samlyft.contracts.EventContracts;
import se.samlyft.deploy.Directories;
import se.samlyft.deploy.LocalPlatform;
import se.samlyft.platform.jdbc.TenantScopedTransactionManager;
import se.samlyft.platform.outbox.Outbox;
import se.samlyft.platform.outbox.OutboxEvent;
import se.samlyft.platform.tenancy.TenantId;
import se.samlyft.platform.tenancy.TenantScope;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code ./mvnw -Pwebhooks}: what integration-service delivers. On a platform of its own, started as the launcher
 * starts it ({@code .samlyft-webhooks/}, made afresh), Arvidsjaur's coordinator subscribes 50 receivers (paths of one
 * receiver in this JVM, which checks every signature) to the enrolment events; then enrolment-service's outbox gets
 * 10,000 enrolment events of 1,000 enrolments on an offering of Arvidsjaur, appended here through the platform's own
 * {@link Outbox} in transactions of 100 and relayed by the running enrolment-service. Measured: deliveries per second
 * over the 500,000 deliveries, and the delivery lag of each (its event's commit here to the receiver's answer) at the
 * median and the 99th percentile; then the same lag at a walk (20 events a second for 30 seconds), and Kafka's own
 * {@code EndToEndLatency} on the same broker. The figures replace the webhooks section of {@code bench/RESULTS.md}.
 */
public final class WebhookBench {

    static final String TENANT = "arvidsjaur";
    static final String COORDINATOR = "arvidsjaur-samordnare";
    static final String ENROLMENT_TOPIC = "samlyft.enrolment.events";
    static final int EVENTS_PER_ENROLMENT = 10;
    static final int EVENTS_PER_TRANSACTION = 100;
    static final int WALK_PER_SECOND = 20;
    static final Duration WALK = Duration.ofSeconds(30);

    private final LocalPlatform platform;
    private final Progress progress;
    private final Api api;
    private final String gateway;
    private final int subscriptions;
    private final int events;
    private final Receiver receiver;
    private final Outbox outbox;
    private final TransactionTemplate transaction;
    private final Map<String, Instant> committed = new ConcurrentHashMap<>();

    private WebhookBench(LocalPlatform platform, Progress progress, int subscriptions, int events) throws IOException {
        this.platform = platform;
        this.progress = progress;
        this.api = new Api(platform.keycloakUrl() + "/realms/samlyft");
        this.gateway = "http://127.0.0.1:" + platform.ports().gateway();
        this.subscriptions = subscriptions;
        this.events = events;
        this.receiver = new Receiver();
        LocalPlatform.Database enrolment = platform.database("enrolment");
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(enrolment.url());
        dataSource.setUser(enrolment.app());
        dataSource.setPassword(enrolment.app());
        // The events are Arvidsjaur's: the transaction runs in its tenant scope, as enrolment-service's own do, or
        // the outbox refuses them.
        JdbcTransactionManager transactions =
                new TenantScopedTransactionManager(dataSource, () -> TenantScope.of(TenantId.of(TENANT)));
        this.outbox = new Outbox(
                dataSource, transactions, "/samlyft/enrolment-service", Clock.systemUTC(), EventContracts.load());
        this.transaction = new TransactionTemplate(transactions);
    }

    public static void main(String[] args) throws IOException {
        Progress progress = new Progress(System.out);
        int subscriptions = Integer.getInteger("bench.webhook-subscriptions", 50);
        int events = Integer.getInteger("bench.webhook-events", 10_000);
        Map<String, String> properties = BenchPlatform.properties();
        List<String> problems = LocalPlatform.problemsStarting(properties);
        if (!problems.isEmpty() && problems.stream().anyMatch(problem -> problem.contains("already running"))) {
            problems.forEach(progress::say);
            System.exit(1);
        }
        Directories.deleteRecursively(Path.of(properties.get("samlyft.state-dir")));
        BenchPlatform.runAndExit(progress, "the webhook bench failed", platform -> {
            WebhookBench bench = new WebhookBench(platform, progress, subscriptions, events);
            try {
                bench.run();
            } finally {
                bench.receiver.stop();
            }
        });
    }

    private void run() throws Exception {
        String offering;
        try (Progress.Stage stage =
                progress.stage("an offering of " + TENANT + " and " + subscriptions + " subscriptions", 0)) {
            offering = offering();
            for (int i = 1; i <= subscriptions; i++) {
                subscribe("/subscription-" + i);
            }
        }
        UUID offeringId = UUID.fromString(offering);

        Instant began;
        Instant lastCommit;
        try (Progress.Stage stage = progress.stage(events + " events appended to enrolment-service's outbox", events)) {
            began = Instant.now();
            int enrolments = events / EVENTS_PER_ENROLMENT;
            List<List<Appended>> journeys = new ArrayList<>();
            for (int i = 0; i < enrolments; i++) {
                journeys.add(journey(offeringId));
            }
            List<Appended> all = new ArrayList<>();
            for (int step = 0; step < EVENTS_PER_ENROLMENT; step++) {
                for (List<Appended> journey : journeys) {
                    all.add(journey.get(step));
                }
            }
            for (int from = 0; from < all.size(); from += EVENTS_PER_TRANSACTION) {
                append(all.subList(from, Math.min(all.size(), from + EVENTS_PER_TRANSACTION)));
                stage.add(Math.min(EVENTS_PER_TRANSACTION, all.size() - from));
            }
            lastCommit = Instant.now();
        }
        long expected = (long) events * subscriptions;
        try (Progress.Stage stage = progress.stage(expected + " deliveries to the receiver", expected)) {
            awaitDeliveries(expected, stage, Duration.ofMinutes(60));
        }
        Summary burst = summary(began, lastCommit);
        progress.say("  " + burst);

        receiver.forget();
        committed.clear();
        Summary walk;
        int walked = (int) (WALK_PER_SECOND * WALK.toSeconds());
        try (Progress.Stage stage =
                progress.stage(walked + " events at " + WALK_PER_SECOND + " a second, one per transaction", walked)) {
            Instant start = Instant.now();
            List<Appended> steps = new ArrayList<>();
            for (int i = 0; i < walked / EVENTS_PER_ENROLMENT; i++) {
                steps.addAll(journey(offeringId));
            }
            for (int i = 0; i < steps.size(); i++) {
                sleepUntil(start.plusMillis(i * 1000L / WALK_PER_SECOND));
                append(List.of(steps.get(i)));
                stage.add(1);
            }
            awaitDeliveries((long) steps.size() * subscriptions, stage, Duration.ofMinutes(10));
            walk = summary(start, Instant.now());
        }
        progress.say("  " + walk);

        String kafka;
        try (Progress.Stage stage = progress.stage("Kafka's EndToEndLatency on the same broker", 0)) {
            kafka = KafkaLatency.measure(platform, 2_000);
        }
        Path file = WebhookResults.write(burst, walk, kafka, subscriptions, events, receiver.refused());
        progress.say("wrote " + file);
    }

    /** A course and an offering of the tenant, so that the catalog knows the offering the events name. */
    private String offering() {
        ObjectNode course = Api.JSON
                .createObjectNode()
                .put("title", "Webbkurs i dokumentation")
                .put("description", "Grunderna i social dokumentation.")
                .put("format", "SELF_PACED_DIGITAL")
                .put("formal", false);
        course.putArray("themes").add("säker dokumentation");
        course.putArray("targetOccupations").add("undersköterska");
        course.putArray("modules")
                .addObject()
                .put("title", "Varför vi dokumenterar")
                .put("estimatedMinutes", 45);
        String courseId = api.post(COORDINATOR, gateway + "/api/catalog/courses", course, UUID.randomUUID())
                .path("id")
                .asString();
        api.post(
                COORDINATOR,
                gateway + "/api/catalog/courses/" + courseId + "/publish",
                Api.JSON.createObjectNode(),
                UUID.randomUUID());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        ObjectNode offering = Api.JSON
                .createObjectNode()
                .put("courseId", courseId)
                .put("enrolmentOpensAt", now.minus(1, ChronoUnit.DAYS).toString())
                .put("startsAt", now.minus(1, ChronoUnit.HOURS).toString())
                .put("enrolmentClosesAt", now.plus(30, ChronoUnit.DAYS).toString())
                .put("endsAt", now.plus(90, ChronoUnit.DAYS).toString())
                .put("online", true)
                .put("capacity", 5_000)
                .put("approvalRequired", false)
                .put("paidWorkingTime", true)
                .put("audience", "OWN_STAFF");
        return api.post(COORDINATOR, gateway + "/api/catalog/offerings", offering, UUID.randomUUID())
                .path("id")
                .asString();
    }

    private void subscribe(String path) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String secret = "whsec_" + Base64.getEncoder().encodeToString(key);
        receiver.expect(path, key);
        ObjectNode request = Api.JSON
                .createObjectNode()
                .put("targetUrl", "http://127.0.0.1:" + receiver.port() + path)
                .put("secret", secret);
        request.putArray("eventTypes").add("se.samlyft.enrolment.*");
        api.post(COORDINATOR, gateway + "/api/integrations/subscriptions", request, UUID.randomUUID());
    }

    /** The ten events of one enrolment on the offering, made to the published contract. */
    private static List<Appended> journey(UUID offeringId) {
        UUID enrolment = UUID.randomUUID();
        UUID person = UUID.randomUUID();
        UUID course = UUID.nameUUIDFromBytes(offeringId.toString().getBytes(StandardCharsets.UTF_8));
        List<Appended> journey = new ArrayList<>();
        String[] kinds = {"enrolment-requested", "enrolment-confirmed", "enrolment-started"};
        String[] states = {"REQUESTED", "CONFIRMED", "IN_PROGRESS"};
        for (int version = 1; version <= EVENTS_PER_ENROLMENT; version++) {
            String kind;
            String state;
            if (version <= 3) {
                kind = kinds[version - 1];
                state = states[version - 1];
            } else if (version < EVENTS_PER_ENROLMENT) {
                kind = "progress-recorded";
                state = "IN_PROGRESS";
            } else {
                kind = "enrolment-completed";
                state = "COMPLETED";
            }
            ObjectNode data = Api.JSON
                    .createObjectNode()
                    .put("enrolmentId", enrolment.toString())
                    .put("version", version)
                    .put("personId", person.toString())
                    .put("organisation", TENANT)
                    .put("offeringId", offeringId.toString())
                    .put("courseId", course.toString())
                    .put("offeringOwner", TENANT)
                    .put("state", state)
                    .put("occurredAt", Instant.now().toString());
            switch (kind) {
                case "enrolment-requested" -> data.put("requestedBy", "COORDINATOR");
                case "enrolment-confirmed" -> data.put("seatSource", "POOL");
                case "progress-recorded" -> {
                    int modules = version - 3;
                    data.put("modulesCompleted", modules)
                            .put("moduleCount", 7)
                            .put("percent", modules * 100 / 7)
                            .put("milestone", 25 * (1 + Math.min(3, (modules - 1) / 2)));
                }
                default -> {}
            }
            journey.add(new Appended("se.samlyft.enrolment." + kind + ".v1", enrolment.toString(), data));
        }
        return journey;
    }

    private void append(List<Appended> batch) {
        List<String> ids = transaction.execute(status -> batch.stream()
                .map(event -> outbox.append(OutboxEvent.of(
                                ENROLMENT_TOPIC, event.type(), event.key(), TenantId.of(TENANT), event.data()))
                        .toString())
                .toList());
        Instant at = Instant.now();
        if (ids != null) {
            ids.forEach(id -> committed.put(id, at));
        }
    }

    private void awaitDeliveries(long expected, Progress.Stage stage, Duration patience) throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        long reported = 0;
        while (receiver.count() < expected) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(
                        "Only " + receiver.count() + " of " + expected + " deliveries within " + patience);
            }
            Thread.sleep(500);
            long now = receiver.count();
            stage.add(now - reported);
            reported = now;
        }
    }

    private Summary summary(Instant began, Instant lastCommit) {
        List<Long> lags = new ArrayList<>();
        Instant first = null;
        Instant last = null;
        for (Receiver.Answered answered : receiver.answered()) {
            Instant commit = committed.get(answered.webhookId());
            if (commit == null) {
                continue;
            }
            lags.add(Duration.between(commit, answered.at()).toMillis());
            first = first == null || answered.at().isBefore(first) ? answered.at() : first;
            last = last == null || answered.at().isAfter(last) ? answered.at() : last;
        }
        long[] sorted = lags.stream().mapToLong(Long::longValue).sorted().toArray();
        Duration span = Duration.between(began, last == null ? Instant.now() : last);
        return new Summary(
                sorted.length,
                receiver.duplicates(),
                Duration.between(began, lastCommit),
                span,
                sorted.length / Math.max(0.001, span.toMillis() / 1000.0),
                percentile(sorted, 0.50),
                percentile(sorted, 0.99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1]);
    }

    private static long percentile(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
    }

    private static void sleepUntil(Instant when) throws InterruptedException {
        long millis = Duration.between(Instant.now(), when).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    /** An event to append: its type, its aggregate, its data. */
    private record Appended(String type, String key, JsonNode data) {}

    /**
     * What one phase measured.
     *
     * @param deliveries deliveries of this phase's events received
     * @param duplicates deliveries received more than once (same path and webhook-id)
     * @param appending how long appending the events took
     * @param span from the first append to the last delivery
     * @param perSecond deliveries per second over the span
     */
    record Summary(
            long deliveries,
            long duplicates,
            Duration appending,
            Duration span,
            double perSecond,
            long p50,
            long p99,
            long max) {

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "%d deliveries (%d twice) in %.1f s, %.0f/s; lag p50 %d ms, p99 %d ms, max %d ms",
                    deliveries,
                    duplicates,
                    span.toMillis() / 1000.0,
                    perSecond,
                    p50,
                    p99,
                    max);
        }
    }

    /**
     * The integrators' receiver: one HTTP server in this JVM on loopback; each subscription is a path of it. It checks
     * every request's Standard Webhooks signature and timestamp before it answers 204 (401 otherwise), and notes when it
     * answered each webhook of each path.
     */
    static final class Receiver {

        private final HttpServer server;
        private final Map<String, byte[]> keys = new ConcurrentHashMap<>();
        private final Map<String, Instant> answered = new ConcurrentHashMap<>();
        private final AtomicLong duplicates = new AtomicLong();
        private final AtomicLong refused = new AtomicLong();

        Receiver() throws IOException {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/", this::receive);
            server.start();
        }

        int port() {
            return server.getAddress().getPort();
        }

        void expect(String path, byte[] key) {
            keys.put(path, key.clone());
        }

        long count() {
            return answered.size();
        }

        long duplicates() {
            return duplicates.get();
        }

        long refused() {
            return refused.get();
        }

        void forget() {
            answered.clear();
        }

        List<Answered> answered() {
            return answered.entrySet().stream()
                    .map(entry ->
                            new Answered(entry.getKey().substring(entry.getKey().indexOf(' ') + 1), entry.getValue()))
                    .toList();
        }

        void stop() {
            server.stop(0);
        }

        private void receive(HttpExchange exchange) throws IOException {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                byte[] body = exchange.getRequestBody().readAllBytes();
                String id = exchange.getRequestHeaders().getFirst("webhook-id");
                String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
                String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
                byte[] key = keys.get(path);
                if (key == null || id == null || !authentic(key, id, timestamp, signature, body)) {
                    refused.incrementAndGet();
                    exchange.sendResponseHeaders(401, -1);
                    return;
                }
                if (answered.putIfAbsent(path + " " + id, Instant.now()) != null) {
                    duplicates.incrementAndGet();
                }
                exchange.sendResponseHeaders(204, -1);
            }
        }

        private static boolean authentic(byte[] key, String id, String timestamp, String signatures, byte[] body) {
            if (timestamp == null
                    || signatures == null
                    || Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) > 300) {
                return false;
            }
            try {
                Mac hmac = Mac.getInstance("HmacSHA256");
                hmac.init(new SecretKeySpec(key, "HmacSHA256"));
                hmac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
                byte[] expected = hmac.doFinal(body);
                return Arrays.stream(signatures.split(" "))
                        .filter(candidate -> candidate.startsWith("v1,"))
                        .anyMatch(candidate -> MessageDigest.isEqual(
                                expected, Base64.getDecoder().decode(candidate.substring(3))));
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                return false;
            }
        }

        /** When the receiver answered one webhook. */
        record Answered(String webhookId, Instant at) {}
    }
}
