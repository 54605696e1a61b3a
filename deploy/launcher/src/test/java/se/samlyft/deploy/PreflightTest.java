package se.samlyft.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreflightTest {

    private static final Set<String> MODULES = Set.of(
            "identity-service",
            "catalog-service",
            "enrolment-service",
            "reporting-service",
            "integration-service",
            "gateway",
            "web");

    @TempDir
    Path home;

    private Settings settings;

    @BeforeEach
    void aBuiltRepository() throws IOException {
        settings = Settings.from(Map.of(
                Settings.HOME, home.toString(),
                Settings.VERSION, "0.1.0-SNAPSHOT",
                Settings.KEYCLOAK_HOME, home.resolve("keycloak").toString(),
                Settings.KAFKA_LIB, home.resolve("kafka-lib").toString(),
                Ports.ENROLMENT, "18083")::get);
        for (String module : MODULES) {
            Files.createDirectories(settings.jar(module).getParent());
            Files.createFile(settings.jar(module));
        }
        Path script = Keycloak.script(settings.keycloakHome());
        Files.createDirectories(script.getParent());
        Files.createFile(script, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.createDirectories(settings.kafkaLib());
    }

    @Test
    void findsNothingWrongWhenAllIsBuiltAndThePortsAreFree() {
        assertThat(Preflight.problems(settings, port -> true)).isEmpty();
    }

    @Test
    void namesThePortTheComponentAndTheSettingThatChangesItWhenAPortIsTaken() {
        assertThat(Preflight.problems(settings, port -> port != 18083))
                .containsExactly("Port 18083 is already in use, and enrolment-service needs it. Stop what listens"
                        + " there, or choose another port: ./mvnw -Pstart -Dsamlyft.enrolment.port=<port>");
    }

    @Test
    void refusesToGiveOnePortToTwoComponents() {
        Settings clashing = Settings.from(Map.of(
                Settings.HOME,
                home.toString(),
                Settings.VERSION,
                "0.1.0-SNAPSHOT",
                Settings.KEYCLOAK_HOME,
                settings.keycloakHome().toString(),
                Settings.KAFKA_LIB,
                settings.kafkaLib().toString(),
                Ports.GATEWAY,
                "8081",
                Ports.GATEWAY_MANAGEMENT,
                "9080")::get);

        assertThat(Preflight.problems(clashing, port -> true))
                .singleElement()
                .asString()
                .contains("Port 8081 is given to both gateway (samlyft.gateway.port)")
                .contains("identity-service (samlyft.identity.port)");
    }

    @Test
    void saysWhichModuleToBuildWhenItsJarIsMissing() throws IOException {
        Files.delete(settings.jar("reporting-service"));

        assertThat(Preflight.problems(settings, port -> true))
                .singleElement()
                .asString()
                .startsWith("reporting-service/target/reporting-service-0.1.0-SNAPSHOT-exec.jar is missing")
                .contains("./mvnw -pl reporting-service -am package -DskipTests");
    }

    @Test
    void stopsAtAPlatformThatIsStillRunning() throws IOException {
        Path waiting = Files.writeString(
                home.resolve("Waiting.java"),
                "class Waiting { public static void main(String[] a) throws"
                        + " Exception { Thread.sleep(60_000); } }");
        Process launcher = new ProcessBuilder(Settings.java().toString(), waiting.toString()).start();
        try {
            Files.createDirectories(settings.stateDirectory());
            Files.writeString(settings.stateDirectory().resolve(LocalPlatform.PID_FILE), Long.toString(launcher.pid()));

            assertThat(Preflight.problems(settings, port -> false))
                    .singleElement()
                    .asString()
                    .contains("already running (process " + launcher.pid() + ")")
                    .contains("deploy/stop.sh");
        } finally {
            launcher.destroyForcibly();
        }
    }

    @Test
    void ignoresTheProcessFileOfAPlatformThatHasEnded() throws IOException {
        Process ended = new ProcessBuilder(Settings.java().toString(), "-version").start();
        ended.onExit().join();
        Files.createDirectories(settings.stateDirectory());
        Files.writeString(settings.stateDirectory().resolve(LocalPlatform.PID_FILE), Long.toString(ended.pid()));

        assertThat(Preflight.problems(settings, port -> true)).isEmpty();
    }
}
