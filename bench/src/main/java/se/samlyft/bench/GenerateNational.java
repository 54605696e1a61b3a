package se.samlyft.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import se.samlyft.bench.enrolments.EnrolmentHistory;
import se.samlyft.deploy.LocalPlatform;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code ./mvnw -Pgenerate [-Dscale=0.1]}: starts the platform on the bench's ports and state directory and loads the
 * national dataset through the services' own paths — organisations, federations and memberships through
 * identity-service's API, every municipality's staff through its HR import, programmes, courses and offerings through
 * catalog-service's API, the enrolment history through enrolment-service's seat desk and domain — with every event
 * through the outboxes and Kafka to the other services, then waits until every copy and read model has caught up and
 * writes what it made to {@code dataset.json} in the state directory for the performance suite.
 */
public final class GenerateNational {

    static final String MANIFEST = "dataset.json";
    static final String PLATFORM_ADMIN = "samlyft-forvaltare";
    static final String JOINED_ON = "2024-01-01";

    private final NationalDataset dataset;
    private final LocalPlatform platform;
    private final Progress progress;
    private final Api api;
    private final String identity;
    private final String catalog;
    private final ObjectNode manifest = Api.JSON.createObjectNode();

    private GenerateNational(NationalDataset dataset, LocalPlatform platform, Progress progress) {
        this.dataset = dataset;
        this.platform = platform;
        this.progress = progress;
        this.api = new Api(platform.keycloakUrl() + "/realms/samlyft");
        this.identity = "http://127.0.0.1:" + platform.ports().identity() + "/api/identity";
        this.catalog = "http://127.0.0.1:" + platform.ports().catalog() + "/api/catalog";
    }

    public static void main(String[] args) {
        Progress progress = new Progress(System.out);
        double scale = Double.parseDouble(System.getProperty("bench.scale", "1"));
        long seed = Long.parseLong(System.getProperty("bench.seed", "2026"));
        Path home = Path.of(System.getProperty("samlyft.home", ".")).toAbsolutePath();
        Path state = Path.of(BenchPlatform.properties().get("samlyft.state-dir"));
        if (Files.exists(state.resolve(MANIFEST)) || AsGenerated.isKept(state)) {
            progress.say("A dataset is there already (" + state.resolve(MANIFEST) + "). Delete " + state
                    + " to generate another.");
            System.exit(1);
        }
        NationalDataset dataset = NationalDataset.plan(
                home.resolve("identity-service/src/main/resources/se/samlyft/identity/organisation/municipalities.txt"),
                scale,
                seed);
        progress.say(String.format(
                Locale.ROOT,
                "national dataset at scale %s: %d municipalities in %d federations, %d people, %d courses,"
                        + " %d offerings, %d enrolments",
                scale,
                dataset.municipalities().size(),
                dataset.federations().size(),
                dataset.people(),
                dataset.courses(),
                dataset.offerings(),
                dataset.enrolments()));
        Instant began = Instant.now();
        BenchPlatform.runAndExit(progress, "generating failed", platform -> {
            new GenerateNational(dataset, platform, progress).generate();
            progress.say(String.format(
                    Locale.ROOT,
                    "the national dataset is in %s (%.0f s in all)",
                    state,
                    Duration.between(began, Instant.now()).toMillis() / 1000.0));
        });
    }

    private void generate() throws Exception {
        Map<String, UUID> programmes = new LinkedHashMap<>();
        try (BulkLoad bulk = BulkLoad.begin(platform, progress)) {
            load(programmes);
        }
        writeManifest(programmes);
    }

    private void load(Map<String, UUID> programmes) throws Exception {
        logins();
        organisations();
        coordinators();
        people();
        programmes(programmes);
        catalogue(programmes);
        try (Backlog backlog = new Backlog(platform);
                Progress.Stage stage = progress.stage("identity's and catalog's events reach the other services", 0)) {
            backlog.awaitEmpty(progress.out(), Duration.ofSeconds(10), Duration.ofMinutes(5));
        }
        enrolments();
        try (Backlog backlog = new Backlog(platform);
                Progress.Stage stage = progress.stage("enrolment events reach catalog and reporting", 0)) {
            backlog.awaitEmpty(progress.out(), Duration.ofSeconds(10), Duration.ofMinutes(5));
        }
    }

    static String coordinatorOf(NationalDataset.Municipality municipality) {
        return municipality.tenant() + "-samordnare";
    }

    static String projectLeaderOf(NationalDataset.Federation federation) {
        return federation.tenant() + "-projektledare";
    }

    /** The person ids of the bench's logins, as their tokens carry them. */
    private final Map<String, UUID> logins = new java.util.concurrent.ConcurrentHashMap<>();

    private UUID personOf(String login) {
        return logins.computeIfAbsent(login, l -> dataset.id("login", l));
    }

    /** A Keycloak Organization per tenant, and its coordinator's (or project leader's) login. */
    private void logins() throws Exception {
        KeycloakLogins keycloak = new KeycloakLogins(platform.keycloakUrl());
        try (Progress.Stage stage = progress.stage("Keycloak organisations and logins", tenants())) {
            List<Task> tasks = new ArrayList<>();
            for (NationalDataset.Municipality municipality : dataset.municipalities()) {
                tasks.add(() -> {
                    String organisation = keycloak.organisation(municipality.tenant(), municipality.name());
                    String login = coordinatorOf(municipality);
                    keycloak.user(
                            login, "Samordnare", municipality.name(), personOf(login), "coordinator", organisation);
                });
            }
            for (NationalDataset.Federation federation : dataset.federations()) {
                tasks.add(() -> {
                    String organisation = keycloak.organisation(federation.tenant(), federation.name());
                    String login = projectLeaderOf(federation);
                    logins.put(
                            login,
                            keycloak.user(
                                    login,
                                    "Projektledare",
                                    federation.county(),
                                    personOf(login),
                                    "federation-coordinator",
                                    organisation));
                });
            }
            inParallel(tasks, 4, stage);
        }
    }

    private long tenants() {
        return dataset.municipalities().size() + dataset.federations().size();
    }

    /** Onboarding through identity-service: every municipality and federation, and the federations' members. */
    private void organisations() throws Exception {
        try (Progress.Stage stage = progress.stage("organisations onboarded in identity-service", tenants())) {
            List<Task> tasks = new ArrayList<>();
            int serial = 0;
            for (NationalDataset.Municipality municipality : dataset.municipalities()) {
                String number = organisationNumber("212000", ++serial);
                tasks.add(() -> createdOrThere(() -> api.post(
                        PLATFORM_ADMIN,
                        identity + "/organisations",
                        Api.JSON
                                .createObjectNode()
                                .put("tenant", municipality.tenant())
                                .put("kind", "MUNICIPALITY")
                                .put("name", municipality.name() + "s kommun")
                                .put("organisationNumber", number)
                                .put("municipalityCode", municipality.code()),
                        dataset.id("organisation", municipality.tenant()))));
            }
            serial = 0;
            for (NationalDataset.Federation federation : dataset.federations()) {
                String number = organisationNumber("222000", ++serial);
                tasks.add(() -> createdOrThere(() -> api.post(
                        PLATFORM_ADMIN,
                        identity + "/organisations",
                        Api.JSON
                                .createObjectNode()
                                .put("tenant", federation.tenant())
                                .put("kind", "FEDERATION")
                                .put("name", federation.name())
                                .put("organisationNumber", number),
                        dataset.id("organisation", federation.tenant()))));
            }
            inParallel(tasks, 4, stage);
        }
        try (Progress.Stage stage = progress.stage(
                "federation memberships", dataset.municipalities().size())) {
            List<Task> tasks = new ArrayList<>();
            // One federation's members one after the other: each joining changes the federation's membership. A
            // member joins by the federation's invitation and its own decision, which the administrator records.
            for (NationalDataset.Federation federation : dataset.federations()) {
                tasks.add(() -> {
                    String path = identity + "/federations/" + federation.tenant();
                    Set<String> joined = new HashSet<>();
                    api.get(PLATFORM_ADMIN, path + "/members").path("members").forEach(m -> joined.add(m.asString()));
                    Map<String, String> pending = new HashMap<>();
                    api.get(PLATFORM_ADMIN, path + "/invitations").forEach(invitation -> {
                        if (invitation.path("status").asString().equals("PENDING")) {
                            pending.put(
                                    invitation.path("tenant").asString(),
                                    invitation.path("id").asString());
                        }
                    });
                    for (String member : federation.members()) {
                        if (!joined.contains(member)) {
                            String invitation = pending.containsKey(member)
                                    ? pending.get(member)
                                    : api.post(
                                                    PLATFORM_ADMIN,
                                                    path + "/invitations",
                                                    Api.JSON.createObjectNode().put("tenant", member),
                                                    dataset.id("invitation", federation.tenant() + "/" + member))
                                            .path("id")
                                            .asString();
                            api.post(
                                    PLATFORM_ADMIN,
                                    path + "/invitations/" + invitation + "/accept",
                                    Api.JSON
                                            .createObjectNode()
                                            .put("acceptedOn", JOINED_ON)
                                            .put("reference", "Samverkansavtal " + federation.name() + " " + JOINED_ON),
                                    dataset.id("membership", federation.tenant() + "/" + member));
                        }
                        stage.add(1);
                    }
                });
            }
            inParallel(tasks, 4, null);
        }
    }

    /** Each coordinator and project leader registers themself as a person of their organisation. */
    private void coordinators() throws Exception {
        try (Progress.Stage stage = progress.stage("coordinators and project leaders registered", tenants())) {
            List<Task> tasks = new ArrayList<>();
            for (NationalDataset.Municipality municipality : dataset.municipalities()) {
                tasks.add(() -> register(coordinatorOf(municipality), municipality.name(), "coordinator"));
            }
            for (NationalDataset.Federation federation : dataset.federations()) {
                tasks.add(() -> register(projectLeaderOf(federation), federation.county(), "federation-coordinator"));
            }
            inParallel(tasks, 4, stage);
        }
    }

    private void register(String login, String familyName, String role) {
        ObjectNode person = Api.JSON
                .createObjectNode()
                .put("id", personOf(login).toString())
                .put("givenName", role.equals("coordinator") ? "Samordnare" : "Projektledare")
                .put("familyName", familyName)
                .put("email", login + "@samlyft.example")
                .put("workplaceId", "forvaltningen")
                .put("workplaceName", "Förvaltningen")
                .put("occupation", "OTHER")
                .put("sex", "WOMAN")
                .put("birthYear", 1975)
                .put("educationLevel", "ISCED_5_8");
        person.putArray("roles").add(role);
        createdOrThere(() -> api.post(login, identity + "/people", person, personOf(login)));
    }

    /** Every municipality's staff through its HR import, the way its coordinator sends the HR system's export. */
    private void people() throws Exception {
        try (Progress.Stage stage = progress.stage("people through the HR import", dataset.people())) {
            List<Task> tasks = new ArrayList<>();
            long first = 0;
            for (NationalDataset.Municipality municipality : dataset.municipalities()) {
                long from = first;
                tasks.add(() -> {
                    byte[] file = HrExports.of(municipality, from, dataset.seed());
                    JsonNode report = api.postBytes(
                            coordinatorOf(municipality), identity + "/imports", "text/csv; charset=UTF-8", file);
                    stage.add(municipality.people());
                    if (report.isMissingNode()) {
                        throw new IllegalStateException("The import of " + municipality.tenant() + " reported nothing");
                    }
                });
                first += municipality.people();
            }
            inParallel(tasks, 2, null);
        }
    }

    private void programmes(Map<String, UUID> programmes) throws Exception {
        int count = dataset.federations().size()
                + (int) dataset.municipalities().stream()
                        .filter(this::hasProgramme)
                        .count();
        try (Progress.Stage stage = progress.stage("funded programmes", count)) {
            List<Task> tasks = new ArrayList<>();
            int number = 0;
            for (NationalDataset.Federation federation : dataset.federations()) {
                ObjectNode body = Catalogue.federationProgramme(federation, ++number);
                tasks.add(() -> {
                    JsonNode created = api.post(
                            projectLeaderOf(federation),
                            catalog + "/programmes",
                            body,
                            dataset.id("programme", federation.tenant()));
                    synchronized (programmes) {
                        programmes.put(
                                federation.tenant(),
                                UUID.fromString(created.path("id").asString()));
                    }
                });
            }
            for (NationalDataset.Municipality municipality : dataset.municipalities()) {
                if (hasProgramme(municipality)) {
                    tasks.add(() -> {
                        JsonNode created = api.post(
                                coordinatorOf(municipality),
                                catalog + "/programmes",
                                Catalogue.municipalProgramme(municipality),
                                dataset.id("programme", municipality.tenant()));
                        synchronized (programmes) {
                            programmes.put(
                                    municipality.tenant(),
                                    UUID.fromString(created.path("id").asString()));
                        }
                    });
                }
            }
            inParallel(tasks, 4, stage);
        }
    }

    private boolean hasProgramme(NationalDataset.Municipality municipality) {
        return dataset.municipalities().indexOf(municipality) % 10 == 0;
    }

    /**
     * Courses, each published and run {@code offerings / courses} times: three in ten belong to a federation and are
     * open to its members, the rest to a municipality (more to those with more staff).
     */
    private void catalogue(Map<String, UUID> programmes) throws Exception {
        int courses = dataset.courses();
        int perCourse = Math.max(1, dataset.offerings() / Math.max(1, courses));
        List<NationalDataset.Municipality> municipalities = dataset.municipalities();
        long[] cumulative = new long[municipalities.size()];
        long sum = 0;
        for (int i = 0; i < cumulative.length; i++) {
            sum += municipalities.get(i).people();
            cumulative[i] = sum;
        }
        long staff = sum;
        Map<String, String> codes = new LinkedHashMap<>();
        municipalities.forEach(m -> codes.put(m.tenant(), m.code()));
        try (Progress.Stage stage =
                progress.stage("courses published and offerings scheduled", (long) courses * (1 + perCourse))) {
            List<Task> tasks = new ArrayList<>();
            for (int n = 0; n < courses; n++) {
                int course = n;
                tasks.add(() -> {
                    Random random = new Random(dataset.seed() * 7 + course);
                    boolean federation = random.nextInt(10) < 3;
                    String login;
                    List<String> members;
                    int ownerPeople;
                    String place;
                    UUID programme;
                    if (federation) {
                        NationalDataset.Federation owner = dataset.federations()
                                .get(random.nextInt(dataset.federations().size()));
                        login = projectLeaderOf(owner);
                        members = owner.members();
                        ownerPeople = 0;
                        place = codes.get(members.get(random.nextInt(members.size())));
                        programme = random.nextInt(10) < 8 ? programmes.get(owner.tenant()) : null;
                    } else {
                        long pick = (long) (random.nextDouble() * staff);
                        int index = 0;
                        while (cumulative[index] <= pick) {
                            index++;
                        }
                        NationalDataset.Municipality owner = municipalities.get(index);
                        login = coordinatorOf(owner);
                        members = List.of();
                        ownerPeople = owner.people();
                        place = owner.code();
                        programme = random.nextInt(10) < 3 ? programmes.get(owner.tenant()) : null;
                    }
                    ObjectNode body = Catalogue.course(course, dataset.seed());
                    JsonNode created = api.post(login, catalog + "/courses", body, dataset.id("course", course));
                    String id = created.path("id").asString();
                    api.post(
                            login,
                            catalog + "/courses/" + id + "/publish",
                            Api.JSON.createObjectNode(),
                            dataset.id("publish", course));
                    stage.add(1);
                    for (int o = 0; o < perCourse; o++) {
                        long offering = (long) course * perCourse + o;
                        api.post(
                                login,
                                catalog + "/offerings",
                                Catalogue.offering(
                                        offering,
                                        dataset.seed(),
                                        UUID.fromString(id),
                                        body.path("format").asString(),
                                        federation,
                                        members,
                                        ownerPeople,
                                        place,
                                        programme),
                                dataset.id("offering", offering));
                        stage.add(1);
                    }
                });
            }
            inParallel(tasks, 6, null);
        }
    }

    private void enrolments() {
        try (Progress.Stage stage =
                progress.stage("enrolment history through enrolment-service", dataset.enrolments())) {
            EnrolmentHistory.Summary summary = EnrolmentHistory.load(
                    platform.database("enrolment"), dataset.enrolments(), dataset.seed(), progress.out());
            stage.add(summary.enrolments());
            manifest.put(
                    "enrolmentHistory",
                    summary.describe().strip().replace("\n", "; ").replaceAll(" +", " "));
            manifest.put("events", summary.events());
        }
    }

    private void writeManifest(Map<String, UUID> programmes) throws Exception {
        manifest.put("scale", dataset.scale())
                .put("seed", dataset.seed())
                .put("generatedAt", Instant.now().toString())
                .put("people", dataset.people())
                .put("courses", dataset.courses())
                .put("offerings", dataset.offerings())
                .put("enrolments", dataset.enrolments());
        ArrayNode municipalities = manifest.putArray("municipalities");
        for (NationalDataset.Municipality municipality : dataset.municipalities()) {
            ObjectNode row = municipalities
                    .addObject()
                    .put("tenant", municipality.tenant())
                    .put("code", municipality.code())
                    .put("name", municipality.name())
                    .put("county", municipality.county())
                    .put("people", municipality.people())
                    .put("coordinator", coordinatorOf(municipality));
            if (programmes.containsKey(municipality.tenant())) {
                row.put("programmeId", programmes.get(municipality.tenant()).toString());
            }
        }
        ArrayNode federations = manifest.putArray("federations");
        for (NationalDataset.Federation federation : dataset.federations()) {
            ObjectNode row = federations
                    .addObject()
                    .put("tenant", federation.tenant())
                    .put("name", federation.name())
                    .put("projectLeader", projectLeaderOf(federation))
                    .put("programmeId", programmes.get(federation.tenant()).toString());
            ArrayNode members = row.putArray("members");
            federation.members().forEach(members::add);
        }
        ObjectNode stages = manifest.putObject("stagesSeconds");
        progress.stagesInOrder().forEach((name, took) -> stages.put(name, took.toMillis() / 1000.0));
        Path file = platform.stateDirectory().resolve(MANIFEST);
        Files.writeString(file, Api.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(manifest));
        progress.say("wrote " + file);
    }

    /** A creating request whose 409 means it was made by an earlier run. */
    private static void createdOrThere(Runnable request) {
        try {
            request.run();
        } catch (Api.Refused refused) {
            if (refused.status() != 409) {
                throw refused;
            }
        }
    }

    static String organisationNumber(String prefix, int serial) {
        String nine = prefix + String.format("%03d", serial);
        return nine.substring(0, 6) + "-" + nine.substring(6) + HrExports.luhn(nine);
    }

    @FunctionalInterface
    interface Task {
        void run() throws Exception;
    }

    /** Runs the tasks on {@code threads} threads; the first failure stops the rest and is thrown. */
    static void inParallel(List<Task> tasks, int threads, Progress.Stage stage) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Task task : tasks) {
                futures.add(executor.submit(() -> {
                    task.run();
                    if (stage != null) {
                        stage.add(1);
                    }
                    return null;
                }));
            }
            BenchPlatform.awaitAll(futures);
        } finally {
            executor.shutdownNow();
        }
    }
}
