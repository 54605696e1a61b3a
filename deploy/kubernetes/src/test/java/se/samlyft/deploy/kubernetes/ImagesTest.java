package se.samlyft.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Each service's image, as {@code ./mvnw -Pimages} (or {@code verify}) writes it to {@code
 * <module>/target/image/<module>.tar}: one for every Deployment, an OCI image whose configuration runs its service as
 * the non-root user the Deployment names, with Jib's entry point ({@code java ... -cp @/app/jib-classpath-file} and
 * the module's main class), and exposes exactly the ports the Deployment's container declares.
 */
class ImagesTest {

    private static final Path HOME =
            Path.of(System.getProperty("samlyft.home", "../..")).toAbsolutePath();

    @Test
    void everyServiceHasAnImageThatRunsItAsItsDeploymentSays() throws IOException {
        List<Manifest> deployments = Kustomize.plainFiles(Kustomize.BASE).stream()
                .filter(manifest -> manifest.kind().equals("Deployment"))
                .toList();
        assertThat(deployments.stream().map(Manifest::name))
                .as("one image per Deployment: the five services, the gateway and the web application")
                .containsExactlyInAnyOrderElementsOf(PolicyTest.DEPLOYMENTS);
        List<String> problems = new ArrayList<>();
        for (Manifest deployment : deployments) {
            String module = deployment.name();
            Path tarball = HOME.resolve(module).resolve("target/image").resolve(module + ".tar");
            if (!Files.isRegularFile(tarball)) {
                problems.add("No image of " + module + " at " + tarball + ": build it with ./mvnw -Pimages");
                continue;
            }
            ImageTarball image = ImageTarball.read(tarball);
            JsonNode pod = deployment.object().path("spec").path("template").path("spec");
            JsonNode container = deployment.containers().getFirst();
            JsonNode configuration = image.configuration();

            String user = configuration.path("User").asString("");
            String expectedUser = pod.path("securityContext").path("runAsUser").asLong() + ":"
                    + pod.path("securityContext").path("runAsGroup").asLong();
            if (!user.equals(expectedUser) || user.startsWith("0") || user.startsWith("root")) {
                problems.add(module + "'s image runs as '" + user + "', its Deployment as " + expectedUser);
            }

            List<String> entrypoint = new ArrayList<>();
            configuration.path("Entrypoint").forEach(part -> entrypoint.add(part.asString()));
            String mainClass = entrypoint.isEmpty() ? "" : entrypoint.getLast();
            Path compiled =
                    HOME.resolve(module).resolve("target/classes").resolve(mainClass.replace('.', '/') + ".class");
            if (entrypoint.isEmpty()
                    || !entrypoint.getFirst().equals("java")
                    || !entrypoint.contains("-cp")
                    || !entrypoint.contains("@/app/jib-classpath-file")
                    || !mainClass.startsWith("se.samlyft.")
                    || !Files.isRegularFile(compiled)) {
                problems.add(module + "'s image starts " + entrypoint + ", not java -cp ... <its main class>");
            }

            Set<String> exposed = new TreeSet<>();
            configuration.path("ExposedPorts").propertyNames().forEach(exposed::add);
            Set<String> declared = new TreeSet<>();
            container
                    .path("ports")
                    .forEach(port -> declared.add(port.path("containerPort").asInt() + "/tcp"));
            if (!exposed.equals(declared)) {
                problems.add(module + "'s image exposes " + exposed + ", its Deployment declares " + declared);
            }

            List<String> environment = new ArrayList<>();
            configuration.path("Env").forEach(variable -> environment.add(variable.asString()));
            if (environment.stream().noneMatch(variable -> variable.startsWith("PATH=/opt/java/openjdk/bin"))) {
                problems.add(module + "'s image finds no java on its PATH: " + environment);
            }
            for (JsonNode layer : image.manifest().path("layers")) {
                if (!image.hasBlob(
                        layer.path("digest").asString(), layer.path("size").asLong())) {
                    problems.add(module + "'s image lacks its layer "
                            + layer.path("digest").asString());
                }
            }
            if (!image.index()
                    .path("manifests")
                    .path(0)
                    .path("mediaType")
                    .asString("")
                    .contains("oci")) {
                problems.add(module + "'s image is not an OCI image");
            }
        }
        assertThat(problems).isEmpty();
    }
}
