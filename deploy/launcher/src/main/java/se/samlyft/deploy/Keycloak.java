package se.samlyft.deploy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Keycloak from the unpacked server distribution, in development mode, keeping its data in PostgreSQL's
 * {@code keycloak} database. The first start imports the demo realm; later starts find it there and keep it.
 */
final class Keycloak extends ProcessComponent {

    static final String REALM = "samlyft";
    static final String ADMIN_USERNAME = "admin";
    static final String ADMIN_PASSWORD = "admin";

    private final Path home;
    private final Ports ports;

    Keycloak(Settings settings) {
        super(settings.log("keycloak"), Duration.ofSeconds(30));
        this.home = settings.keycloakHome();
        this.ports = settings.ports();
    }

    /** The address users and tokens know Keycloak by; tokens' {@code iss} is this plus the realm path. */
    static String publicUrl(Ports ports) {
        return "http://localhost:" + ports.keycloak();
    }

    static String issuer(Ports ports) {
        return publicUrl(ports) + "/realms/" + REALM;
    }

    static String jwkSetUri(Ports ports) {
        return issuer(ports) + "/protocol/openid-connect/certs";
    }

    static Path script(Path home) {
        return home.resolve("bin").resolve("kc.sh");
    }

    @Override
    public String name() {
        return "Keycloak";
    }

    @Override
    public void start() throws IOException {
        running(ManagedProcess.start(command(), home, log(), this::environment));
    }

    List<String> command() {
        return List.of(
                script(home).toString(),
                "start-dev",
                "--http-host=127.0.0.1",
                "--http-port=" + ports.keycloak(),
                "--http-management-port=" + ports.keycloakManagement(),
                "--health-enabled=true",
                "--hostname=" + publicUrl(ports),
                "--import-realm",
                "--db=postgres",
                "--db-url=" + Postgres.jdbcUrl(ports.postgres(), Databases.KEYCLOAK),
                "--db-username=" + Databases.KEYCLOAK,
                "--db-password=" + Databases.KEYCLOAK);
    }

    /** Runs on this JVM's Java, with the bootstrap administrator, and ignores Keycloak settings of the shell. */
    private void environment(Map<String, String> environment) {
        environment
                .keySet()
                .removeIf(name -> name.startsWith("KC_") || name.startsWith("JAVA_OPTS") || name.equals("JAVA"));
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USERNAME);
        environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
    }

    @Override
    public boolean isReady() {
        return Http.isOk(URI.create("http://127.0.0.1:" + ports.keycloakManagement() + "/health/ready"));
    }

    /**
     * Ten minutes: a first start builds Keycloak, creates its schema and imports the realm, which on a busy two-core
     * machine (load average 25, six other JVMs starting beside it) took more than five.
     */
    @Override
    public Duration startupTimeout() {
        return Duration.ofMinutes(10);
    }

    static boolean isUnpacked(Path home) {
        return Files.isExecutable(script(home));
    }
}
