package se.samlyft.deploy;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Runs the whole platform on one machine: PostgreSQL, Kafka and Keycloak, then the five services, the gateway and the
 * web application, and prints where to log in once all are ready, the web application's address first. Ctrl-C (or
 * SIGTERM, see {@code deploy/stop.sh}) stops everything.
 * Start it from the repository root with {@code ./mvnw -Pstart}.
 */
public final class LocalPlatform {

    static final String PREFIX = "[samlyft] ";
    static final String PID_FILE = "platform.pid";

    private static final int LOG_LINES_ON_FAILURE = 30;
    private static final Duration WATCH_INTERVAL = Duration.ofSeconds(2);

    private final Settings settings;
    private final PrintStream out;
    private final Postgres postgres;
    private final Keycloak keycloak;
    private final KafkaBroker kafka;
    private final List<ServiceProcess> services;
    private final Object lifecycle = new Object();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Map<String, Duration> readyAfter = new ConcurrentHashMap<>();

    LocalPlatform(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
        this.postgres = new Postgres(settings);
        this.keycloak = new Keycloak(settings);
        this.kafka = new KafkaBroker(settings);
        this.services = ServiceProcess.all(settings);
    }

    public static void main(String[] args) throws InterruptedException {
        Settings settings;
        try {
            settings = Settings.fromSystemProperties();
        } catch (IllegalArgumentException e) {
            System.out.println(PREFIX + e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(new LocalPlatform(settings, System.out).run());
    }

    /**
     * Every reason why the platform could not start from these properties now (a launcher on the same state
     * directory, a port in use, a jar not built), each a sentence that says what to do; empty when it could.
     */
    public static List<String> problemsStarting(Map<String, String> properties) {
        return Preflight.problems(Settings.from(properties::get), Preflight::isFree);
    }

    /**
     * Starts the platform as {@link #main} does, from the properties given rather than the JVM's system properties,
     * and returns once every component is ready, for a test of the whole platform. The caller stops it with
     * {@link #stop()}; a shutdown of the JVM stops it too.
     *
     * @throws IllegalStateException if the platform could not start; what failed is printed to {@code out}
     */
    public static LocalPlatform startForTest(Map<String, String> properties, PrintStream out)
            throws InterruptedException {
        LocalPlatform platform = new LocalPlatform(Settings.from(properties::get), out);
        List<String> problems = Preflight.problems(platform.settings, Preflight::isFree);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Nothing was started: " + String.join("; ", problems));
        }
        try {
            platform.prepareStateDirectory();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write to " + platform.settings.stateDirectory(), e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(platform::stop, "samlyft-stop"));
        Startup startup = new Startup(out);
        try {
            platform.startAll(startup);
            platform.readyAfter.putAll(startup.readyAfter());
        } catch (LaunchFailure failure) {
            platform.report(failure);
            platform.stop();
            throw new IllegalStateException(failure.component().name() + " failed: " + failure.getMessage(), failure);
        }
        return platform;
    }

    /** The aliases of the demo realm's municipalities, each with a coordinator, a manager and three participants. */
    public static List<String> demoMunicipalities() {
        return Summary.MUNICIPALITIES;
    }

    /** The ports the platform's components listen on. */
    public Ports ports() {
        return settings.ports();
    }

    /**
     * The settings of a Kafka client of the platform's broker that authenticates as {@code principal}: the launcher's
     * {@code admin} (the broker's super user), or a service's principal such as {@code catalog-service}.
     */
    public Map<String, Object> kafkaClientSettings(String principal) {
        if (!KafkaPrincipals.principals().contains(principal)) {
            throw new IllegalArgumentException(
                    "No Kafka principal " + principal + "; there are " + KafkaPrincipals.principals());
        }
        return KafkaBroker.clientSettings(settings.ports().kafka(), principal);
    }

    /** The address of Keycloak as tokens name it; its administrator is {@code admin}/{@code admin}. */
    public String keycloakUrl() {
        return Keycloak.publicUrl(settings.ports());
    }

    /** The names of the services' databases, each one {@link #database(String)} knows. */
    public List<String> databases() {
        return Databases.SERVICE_DATABASES;
    }

    /**
     * How to reach one of the services' databases ({@code identity}, {@code catalog}, {@code enrolment},
     * {@code reporting}, {@code integration}) as its owner (who runs the migrations), as the services' login role, or as the server's
     * superuser; every local role's password is its name.
     */
    public Database database(String name) {
        if (!Databases.SERVICE_DATABASES.contains(name)) {
            throw new IllegalArgumentException("No database " + name + "; there are " + Databases.SERVICE_DATABASES);
        }
        return new Database(
                Postgres.jdbcUrl(settings.ports().postgres(), name),
                Databases.owner(name),
                Databases.app(name),
                Postgres.SUPERUSER,
                Postgres.SUPERUSER_PASSWORD);
    }

    /** A service's database: its JDBC URL and roles (each local role's password is its name, but the superuser's). */
    public record Database(String url, String owner, String app, String superuser, String superuserPassword) {}

    /** Where the platform keeps its data and logs. */
    public Path stateDirectory() {
        return settings.stateDirectory();
    }

    /** How long each component took from its (latest) launch until it was ready, by component name. */
    public Map<String, Duration> readyAfter() {
        return Map.copyOf(readyAfter);
    }

    /**
     * The resident memory of each component's processes in KiB (proportional set size where the operating system
     * tells it), by component name; a component whose memory is unknown is left out.
     */
    public Map<String, Long> residentKiB() {
        Map<String, Long> memory = new LinkedHashMap<>();
        for (Component component : components()) {
            component.residentKiB().ifPresent(kib -> memory.put(component.name(), kib));
        }
        return memory;
    }

    /** The names of the components, as {@link #stopComponent} and {@link #startComponent} take them. */
    public List<String> componentNames() {
        return components().stream().map(Component::name).toList();
    }

    /** Stops one component, for a drill: {@code Kafka}, {@code PostgreSQL}, {@code Keycloak}, or a service's module. */
    public void stopComponent(String name) {
        component(name).stop();
    }

    /**
     * Kills one component's processes with SIGKILL, for a drill (for example {@code catalog-service-2}): no shutdown hook runs, nothing is flushed or
     * deregistered. {@link #startComponent} starts it again.
     */
    public void killComponent(String name) {
        component(name).kill();
    }

    /** Starts a stopped component again and returns once it is ready. */
    public void startComponent(String name) throws InterruptedException {
        Component component = component(name);
        Startup startup = new Startup(out);
        try {
            startup.launch(component);
            startup.awaitReady(List.of(component));
            readyAfter.putAll(startup.readyAfter());
        } catch (LaunchFailure failure) {
            report(failure);
            throw new IllegalStateException(name + " did not start again: " + failure.getMessage(), failure);
        }
    }

    private Component component(String name) {
        return components().stream()
                .filter(component -> component.name().equals(name))
                .findFirst()
                .orElseThrow(
                        () -> new IllegalArgumentException("No component " + name + "; there are " + componentNames()));
    }

    /**
     * Starts everything and then watches it; returns the exit status once the platform has stopped because a
     * component failed, or blocks while a shutdown of the JVM stops it.
     */
    int run() throws InterruptedException {
        List<String> problems = Preflight.problems(settings, Preflight::isFree);
        if (!problems.isEmpty()) {
            out.println(PREFIX + "Nothing was started:");
            problems.forEach(problem -> out.println(PREFIX + "  - " + problem));
            return 1;
        }
        try {
            prepareStateDirectory();
        } catch (IOException e) {
            out.println(PREFIX + "Cannot write to " + settings.stateDirectory() + ": " + e.getMessage());
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "samlyft-stop"));
        Startup startup = new Startup(out);
        try {
            startAll(startup);
        } catch (LaunchFailure failure) {
            if (!stopping.get()) {
                report(failure);
            }
            stop();
            return 1;
        }
        readyAfter.putAll(startup.readyAfter());
        out.print(Summary.text(settings, startup.elapsed(), sinceMavenStarted(), memory()));
        return watch();
    }

    private void startAll(Startup startup) throws LaunchFailure, InterruptedException {
        launch(startup, postgres);
        startup.awaitReady(List.of(postgres));
        try {
            Databases.provision(settings.ports().postgres());
        } catch (SQLException e) {
            throw new LaunchFailure(postgres, "Could not create the databases and roles: " + e.getMessage(), e);
        }
        launch(startup, keycloak);
        launch(startup, kafka);
        // The services start once Keycloak is up too: on two cores, their JVMs starting beside Keycloak's one-time
        // build (a minute when alone) starve it, the more so with -Dsamlyft.instances=2.
        startup.awaitReady(List.of(kafka, keycloak));
        // The first instance of each service (and the gateway), then the further ones (-Dsamlyft.instances): twice as
        // many JVMs starting at once on two cores would take longer than the two rounds.
        List<Component> firstRound = new ArrayList<>();
        for (ServiceProcess service : services) {
            if (service.isFirstInstance()) {
                launch(startup, service);
                firstRound.add(service);
            }
        }
        startup.awaitReady(firstRound);
        for (ServiceProcess service : services) {
            if (!service.isFirstInstance()) {
                launch(startup, service);
            }
        }
        startup.awaitReady(components());
        if (settings.demoData()) {
            loadDemoData();
        }
    }

    /**
     * Enters the demo region through the gateway, makes sure the realm has the web application's client, and gives
     * the integrator client the scope reporting asks for; a refusal is reported, and the platform runs on.
     */
    private void loadDemoData() throws InterruptedException {
        try {
            DemoData.Outcome outcome = new DemoData(settings).load();
            out.println(PREFIX + "demo region: " + outcome.created()
                    + " organisations, memberships and people entered, " + outcome.existing() + " there already ("
                    + outcome.took().toMillis() + " ms)");
            outcome.refused().forEach(refusal -> out.println(PREFIX + "  demo data refused: " + refusal));
        } catch (IOException | RuntimeException e) {
            out.println(PREFIX + "the demo region could not be entered: " + e);
        }
        try {
            if (new WebApplicationClient(settings).ensure()) {
                out.println(PREFIX + "the realm got the web application's client " + WebApplicationClient.CLIENT);
            }
        } catch (IOException | RuntimeException e) {
            out.println(PREFIX + "the realm has no client " + WebApplicationClient.CLIENT + ": " + e);
        }
        try {
            new IntegratorScopes(settings).ensure();
        } catch (IOException | RuntimeException e) {
            out.println(PREFIX + "the integrator client has no scope " + IntegratorScopes.SCOPE + ": " + e);
        }
    }

    /** Starts a component unless the platform is being stopped, so that no process outlives the stop. */
    private void launch(Startup startup, Component component) throws LaunchFailure, InterruptedException {
        synchronized (lifecycle) {
            if (stopping.get()) {
                throw new LaunchFailure(component, "the platform is stopping");
            }
            startup.launch(component);
        }
    }

    /** Keeps an eye on the running platform; a component that stops on its own stops the rest. */
    private int watch() throws InterruptedException {
        while (!stopping.get()) {
            for (Component component : components()) {
                Optional<String> failure = component.failure();
                if (failure.isPresent() && !stopping.get()) {
                    report(new LaunchFailure(component, failure.get()));
                    stop();
                    return 1;
                }
            }
            Thread.sleep(WATCH_INTERVAL);
        }
        stopped.await();
        return 0;
    }

    /** Stops the services, then Keycloak, Kafka and PostgreSQL, each waiting for its processes to exit. */
    public void stop() {
        boolean first;
        synchronized (lifecycle) {
            first = stopping.compareAndSet(false, true);
        }
        if (!first) {
            awaitStopped();
            return;
        }
        out.println(PREFIX + "stopping the services, the gateway and the web application");
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            services.forEach(service -> executor.execute(service::stop));
        }
        Stream.of(keycloak, kafka, postgres).forEach(component -> {
            out.println(PREFIX + "stopping " + component.name());
            component.stop();
        });
        try {
            Files.deleteIfExists(settings.stateDirectory().resolve(PID_FILE));
        } catch (IOException e) {
            out.println(PREFIX + "could not delete " + PID_FILE + ": " + e.getMessage());
        }
        out.println(PREFIX + "stopped");
        stopped.countDown();
    }

    private void awaitStopped() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<Component> components() {
        List<Component> components = new ArrayList<>(List.of(postgres, kafka, keycloak));
        components.addAll(services);
        return components;
    }

    private void prepareStateDirectory() throws IOException {
        Path logs = Files.createDirectories(settings.logDirectory());
        try (Stream<Path> files = Files.list(logs)) {
            for (Path log :
                    files.filter(file -> file.toString().endsWith(".log")).toList()) {
                Files.delete(log);
            }
        }
        Files.writeString(
                settings.stateDirectory().resolve(PID_FILE),
                Long.toString(ProcessHandle.current().pid()));
    }

    private void report(LaunchFailure failure) {
        Component component = failure.component();
        out.println(PREFIX + component.name() + " failed: " + failure.getMessage());
        List<String> lines = ManagedProcess.tail(component.log(), LOG_LINES_ON_FAILURE);
        if (lines.isEmpty()) {
            out.println(PREFIX + "its log " + component.log() + " is empty");
        } else {
            out.println(PREFIX + "last lines of " + component.log() + ":");
            lines.forEach(line -> out.println("    " + line));
        }
    }

    private List<Summary.Memory> memory() {
        List<Summary.Memory> memory = new ArrayList<>();
        for (Component component : components()) {
            memory.add(new Summary.Memory(
                    component.name(), Optional.ofNullable(readyAfter.get(component.name())), component.residentKiB()));
        }
        memory.add(new Summary.Memory(
                "launcher (this Maven JVM)",
                ResidentMemory.of(ProcessHandle.current().pid())));
        return memory;
    }

    private static Optional<Duration> sinceMavenStarted() {
        return ProcessHandle.current().info().startInstant().map(start -> Duration.between(start, Instant.now()));
    }
}
