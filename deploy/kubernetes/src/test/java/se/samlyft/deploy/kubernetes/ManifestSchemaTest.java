package se.samlyft.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Every manifest is valid against the strict schemas of Kubernetes 1.34 and of the operators' custom resources: each
 * overlay as {@code kubectl kustomize} renders it, and the plain files as written (which is all that is checked where
 * no {@code kubectl} is installed).
 */
class ManifestSchemaTest {

    static final List<String> OVERLAYS = Kustomize.OVERLAYS;

    private final StrictSchemas schemas = new StrictSchemas();

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyRenderedObjectOfTheOverlayIsValid(String overlay) {
        boolean kubectl = Kustomize.kubectlAvailable();
        if (!kubectl) {
            System.err.println(
                    "*** kubectl is not installed: the overlay " + overlay + " is NOT rendered and validated;"
                            + " only its plain files are (everyRenderedObjectOfThePlainFilesIsValid). Install kubectl to check"
                            + " what kustomize makes of them. ***");
        }
        assumeTrue(kubectl, "kubectl is not installed");

        List<Manifest> objects = Kustomize.render(Kustomize.overlay(overlay));

        assertThat(objects.stream().flatMap(object -> schemas.problems(object).stream()))
                .isEmpty();
        assertThat(kinds(objects))
                .containsEntry("Deployment", 7L)
                .containsEntry("Kafka", 1L)
                .containsEntry("KafkaNodePool", 1L)
                .containsEntry("KafkaTopic", 7L)
                .containsEntry("KafkaUser", 5L)
                .containsEntry("Cluster", 6L)
                .containsEntry("Keycloak", 1L)
                .containsEntry("KeycloakRealmImport", 1L);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyObjectAndPatchOfThePlainFilesIsValid(String overlay) {
        List<Manifest> files = Kustomize.plainFiles(Kustomize.overlay(overlay));

        assertThat(files.stream().flatMap(file -> schemas.problems(file).stream()))
                .isEmpty();
        assertThat(files.stream().filter(Manifest::partial)).isNotEmpty();
        assertThat(files.stream().filter(file -> !file.partial()).map(Manifest::kind))
                .contains("Deployment", "Kafka", "Cluster", "Keycloak");
    }

    @Test
    void aKindWithoutASchemaIsAProblem() {
        Manifest job = Kustomize.documents("""
                        apiVersion: batch/v1
                        kind: Job
                        metadata:
                          name: migrate
                        spec:
                          template:
                            spec:
                              restartPolicy: Never
                              containers: [{name: migrate, image: example/migrate}]
                        """, "job.yaml", false).getFirst();

        assertThat(schemas.problems(job)).singleElement().asString().contains("no schema for batch/v1/Job");
    }

    private static Map<String, Long> kinds(List<Manifest> objects) {
        return objects.stream().collect(Collectors.groupingBy(Manifest::kind, TreeMap::new, Collectors.counting()));
    }
}
