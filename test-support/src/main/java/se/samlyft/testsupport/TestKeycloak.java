package se.samlyft.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real Keycloak server for tests: the {@code keycloak-quarkus-dist} distribution that the module's build unpacks
 * (system property {@value #HOME_PROPERTY}), started once per test JVM in development mode on free ports, with an
 * in-memory database and the realm file named by {@value #REALM_PROPERTY} imported. Its bootstrap administrator is
 * {@code admin}/{@code admin}. The server stops when the JVM exits; its log is {@code keycloak-test.log} beside the
 * distribution.
 */
public final class TestKeycloak {

    public static final String HOME_PROPERTY = "samlyft.test.keycloak.home";
    public static final String REALM_PROPERTY = "samlyft.test.keycloak.realm";
    public static final String ADMIN_USERNAME = "admin";
    public static final String ADMIN_PASSWORD = "admin";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static @Nullable TestKeycloak instance;

    private final String url;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestKeycloak(String url) {
        this.url = url;
    }

    /** The server of this JVM, started on first use (the first start on a machine also builds it, about a minute). */
    public static synchronized TestKeycloak get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    /** The server's base URL, for example {@code http://127.0.0.1:41234}. */
    public String url() {
        return url;
    }

    /** The issuer of a realm's tokens. */
    public String issuer(String realm) {
        return url + "/realms/" + realm;
    }

    /**
     * A token of the OAuth2 password grant for a user of {@code realm}, or the error Keycloak answered, as JSON
     * ({@code access_token}, or {@code error} and {@code error_description}).
     */
    public JsonNode passwordGrant(String realm, String clientId, String username, String password, String scope) {
        return tokenRequest(
                realm,
                Map.of(
                        "grant_type", "password",
                        "client_id", clientId,
                        "username", username,
                        "password", password,
                        "scope", scope));
    }

    /** An access token of the bootstrap administrator in the master realm. */
    public String adminToken() {
        return tokenRequest(
                        "master",
                        Map.of(
                                "grant_type",
                                "password",
                                "client_id",
                                "admin-cli",
                                "username",
                                ADMIN_USERNAME,
                                "password",
                                ADMIN_PASSWORD))
                .path("access_token")
                .asString();
    }

    /** The claims of a JWT, read without checking its signature (the test obtained it from this server). */
    public static JsonNode claimsOf(String jwt) {
        String payload = jwt.split("\\.")[1];
        return JSON.readTree(new String(java.util.Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }

    private JsonNode tokenRequest(String realm, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(url + "/realms/" + realm + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return JSON.readTree(
                    http.send(request, HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking Keycloak for a token", e);
        }
    }

    private static TestKeycloak start() {
        String home = System.getProperty(HOME_PROPERTY);
        String realm = System.getProperty(REALM_PROPERTY);
        if (home == null || realm == null) {
            throw new IllegalStateException("The Keycloak distribution (" + HOME_PROPERTY + ") and the realm file ("
                    + REALM_PROPERTY + ") must be given as system properties; the module's pom sets both");
        }
        Path keycloakHome = Path.of(home);
        Path script = keycloakHome.resolve("bin").resolve("kc.sh");
        try {
            Path imports = Files.createDirectories(keycloakHome.resolve("data").resolve("import"));
            try (var old = Files.list(imports)) {
                for (Path file : old.toList()) {
                    Files.delete(file);
                }
            }
            Files.copy(
                    Path.of(realm), imports.resolve(Path.of(realm).getFileName()), StandardCopyOption.REPLACE_EXISTING);
            script.toFile().setExecutable(true);
            int port = freePort();
            int management = freePort();
            List<String> command = new ArrayList<>(List.of(
                    script.toString(),
                    "start-dev",
                    "--db=dev-mem",
                    "--http-host=127.0.0.1",
                    "--http-port=" + port,
                    "--http-management-port=" + management,
                    "--health-enabled=true",
                    "--import-realm"));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(keycloakHome.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(
                            keycloakHome.resolveSibling("keycloak-test.log").toFile());
            Map<String, String> environment = builder.environment();
            environment.keySet().removeIf(name -> name.startsWith("KC_") || name.startsWith("JAVA_OPTS"));
            environment.put("JAVA_HOME", System.getProperty("java.home"));
            environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USERNAME);
            environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
            Process process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process), "test-keycloak-stop"));
            awaitReady(process, URI.create("http://127.0.0.1:" + management + "/health/ready"));
            return new TestKeycloak("http://127.0.0.1:" + port);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start Keycloak from " + keycloakHome, e);
        }
    }

    private static void awaitReady(Process process, URI readiness) {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue()
                        + " while starting; see keycloak-test.log beside its distribution");
            }
            try {
                HttpResponse<Void> response = client.send(
                        HttpRequest.newBuilder(readiness)
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
            }
            sleep(Duration.ofMillis(500));
        }
        stop(process);
        throw new IllegalStateException("Keycloak was not ready within 5 minutes");
    }

    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
        }
    }
}
