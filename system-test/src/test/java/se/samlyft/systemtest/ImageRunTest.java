package se.samlyft.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.samlyft.deploy.LocalPlatform;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * reporting-service started as its container image starts it, against the running platform's PostgreSQL, Kafka and
 * Keycloak: the image's layers unpacked into a directory, which becomes the process's read-only root (a mount
 * namespace and chroot, as a container runtime does it, with a writable /tmp as the Deployment gives it), its entry
 * point run as the image's user with the image's environment and the one the Deployment sets. It becomes ready,
 * runs as that user, and answers a token's request. Needs root (for the mount namespace), as CI has.
 */
@Order(3)
class ImageRunTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration READY_WITHIN = Duration.ofMinutes(4);

    private final RunningPlatform platform = RunningPlatform.get();

    @TempDir
    Path work;

    @Test
    void reportingServiceStartedFromItsImageBecomesReadyAsItsUserAndAnswers() throws Exception {
        boolean asRoot = "root".equals(System.getProperty("user.name"));
        if (!asRoot) {
            System.err.println("*** not root: the image run (ImageRunTest) needs a mount namespace and is NOT run ***");
        }
        assumeTrue(asRoot, "needs root for unshare --mount");
        Path tarball = Path.of(platform.settings().get("samlyft.home"))
                .resolve("reporting-service/target/image/reporting-service.tar");
        assertThat(tarball).as("the image, built by ./mvnw verify or -Pimages").isRegularFile();

        Path layout = Files.createDirectories(work.resolve("layout"));
        run(List.of("tar", "-xf", tarball.toString(), "-C", layout.toString()));
        JsonNode index = JSON.readTree(layout.resolve("index.json").toFile());
        JsonNode manifest =
                blob(layout, index.path("manifests").path(0).path("digest").asString());
        JsonNode configuration =
                blob(layout, manifest.path("config").path("digest").asString()).path("config");
        Path root = Files.createDirectories(work.resolve("root"));
        for (JsonNode layer : manifest.path("layers")) {
            run(List.of(
                    "tar",
                    "-xzf",
                    blobPath(layout, layer.path("digest").asString()).toString(),
                    "-C",
                    root.toString()));
        }
        for (String mountPoint : List.of("proc", "dev", "tmp")) {
            Files.createDirectories(root.resolve(mountPoint));
        }
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/hosts"), "");

        int port = Integer.parseInt(platform.settings().get("samlyft.reporting.port")) + 300;
        int managementPort = port + 1000;
        Map<String, String> environment = new LinkedHashMap<>();
        configuration.path("Env").forEach(variable -> {
            String[] pair = variable.asString().split("=", 2);
            environment.put(pair[0], pair[1]);
        });
        environment.putAll(deploymentEnvironment(port, managementPort));
        String user = configuration.path("User").asString();
        List<String> entrypoint = new ArrayList<>();
        configuration.path("Entrypoint").forEach(part -> entrypoint.add(part.asString()));

        // What a runtime does: its own mount namespace, the image's root read-only, /tmp, /proc and the devices the
        // JVM reads, the host's /etc/hosts for name resolution, then the entry point as the image's user.
        String script = String.join(
                " && ",
                "/bin/mount --bind \"$ROOT\" \"$ROOT\"",
                "/bin/mount -t tmpfs -o size=256m tmpfs \"$ROOT/tmp\"",
                "/bin/mount -t proc proc \"$ROOT/proc\"",
                "/bin/mount -t tmpfs tmpfs \"$ROOT/dev\"",
                "for device in null zero random urandom; do /usr/bin/touch \"$ROOT/dev/$device\""
                        + " && /bin/mount --bind \"/dev/$device\" \"$ROOT/dev/$device\"; done",
                "/bin/mount --bind /etc/hosts \"$ROOT/etc/hosts\"",
                "/bin/mount -o remount,bind,ro \"$ROOT\"",
                "exec /usr/sbin/chroot --userspec=\"$USERSPEC\" \"$ROOT\" \"$@\"");
        List<String> command = new ArrayList<>(List.of(
                "/usr/bin/unshare", "--mount", "--pid", "--fork", "--kill-child", "/bin/sh", "-c", script, "image"));
        command.addAll(entrypoint);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("reporting-service.log").toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        builder.environment().put("ROOT", root.toString());
        builder.environment().put("USERSPEC", user);
        Process container = builder.start();
        try {
            assertThat(awaitReady(container, managementPort))
                    .as("readiness of the image's reporting-service; its log:\n"
                            + tail(work.resolve("reporting-service.log")))
                    .isTrue();
            Optional<ProcessHandle> java = javaProcessOf(container);
            assertThat(java).as("the image's java process").isPresent();
            assertThat(uid(java.get().pid())).isEqualTo(user.split(":")[0]);
            assertThat(java.get().info().command().orElseThrow()).isEqualTo(root + "/opt/java/openjdk/bin/java");

            String token = new Keycloak(platform.keycloakUrl()).tokenOf("akademi-norr-projektledare");
            HttpResponse<String> programmes = get(
                    "http://127.0.0.1:" + port + "/api/reports/federation?from=" + Year.now(ZoneOffset.UTC)
                            + "-01-01&to=" + Year.now(ZoneOffset.UTC) + "-12-31",
                    token);
            assertThat(programmes.statusCode()).as(programmes.body()).isEqualTo(200);
            assertThat(get("http://127.0.0.1:" + port + "/api/reports/federation", null)
                            .statusCode())
                    .isEqualTo(401);
        } finally {
            // The JVM runs in a PID namespace of its own, below unshare: kill it too, so that it never outlives the
            // test.
            container.descendants().forEach(ProcessHandle::destroyForcibly);
            container.destroy();
            if (!container.waitFor(30, TimeUnit.SECONDS)) {
                container.destroyForcibly();
            }
        }
    }

    /**
     * The environment reporting-service's Deployment gives it, pointed at the local platform, but for the
     * {@code production} profile: that profile rightly refuses the local platform's development passwords and wants
     * Kafka over TLS (the manifests' own test checks the Deployment's production settings).
     */
    private Map<String, String> deploymentEnvironment(int port, int managementPort) {
        LocalPlatform.Database database = platform.platform().database("reporting");
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SERVER_PORT", Integer.toString(port));
        environment.put("SERVER_ADDRESS", "127.0.0.1");
        environment.put("MANAGEMENT_SERVER_PORT", Integer.toString(managementPort));
        environment.put("SPRING_DATASOURCE_URL", database.url());
        environment.put("SPRING_DATASOURCE_USERNAME", database.app());
        environment.put("SPRING_DATASOURCE_PASSWORD", database.app());
        environment.put("SPRING_FLYWAY_URL", database.url());
        environment.put("SPRING_FLYWAY_USER", database.owner());
        environment.put("SPRING_FLYWAY_PASSWORD", database.owner());
        environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", platform.kafkaBootstrapServers());
        environment.put("SAMLYFT_KAFKA_USERNAME", "reporting-service");
        environment.put("SAMLYFT_KAFKA_PASSWORD", "reporting-service-kafka-secret");
        String issuer = platform.keycloakUrl() + "/realms/samlyft";
        environment.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", issuer);
        environment.put(
                "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI", issuer + "/protocol/openid-connect/certs");
        environment.put("SAMLYFT_REPORTING_PSEUDONYM_KEY", "image-run-pseudonym-key-of-the-system-test");
        // No memory limit here as a Deployment has one: keep the JVM as small as the launcher's.
        environment.put("JAVA_TOOL_OPTIONS", "-Xmx384m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
        return environment;
    }

    private static boolean awaitReady(Process container, int managementPort) throws InterruptedException {
        Instant deadline = Instant.now().plus(READY_WITHIN);
        while (Instant.now().isBefore(deadline) && container.isAlive()) {
            try {
                if (get("http://127.0.0.1:" + managementPort + "/actuator/health/readiness", null)
                                .statusCode()
                        == 200) {
                    return true;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(1000);
        }
        return false;
    }

    private static HttpResponse<String> get(String url, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static String uid(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("Uid:")) {
                return line.split("\\s+")[1];
            }
        }
        return "";
    }

    private static JsonNode blob(Path layout, String digest) throws IOException {
        return JSON.readTree(blobPath(layout, digest).toFile());
    }

    private static Path blobPath(Path layout, String digest) {
        return layout.resolve("blobs").resolve(digest.replace(':', '/'));
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(command + ": " + output).isZero();
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /**
     * The JVM among the container's processes; asked again for a few seconds, as a process's command line may not be
     * readable yet in the instant after it started.
     */
    private static Optional<ProcessHandle> javaProcessOf(Process container) throws InterruptedException {
        Instant until = Instant.now().plusSeconds(10);
        while (true) {
            Optional<ProcessHandle> java = container
                    .descendants()
                    .filter(process -> process.info().command().orElse("").endsWith("/java"))
                    .findFirst();
            if (java.isPresent() || Instant.now().isAfter(until)) {
                return java;
            }
            Thread.sleep(200);
        }
    }
}
