package se.samlyft.deploy.kubernetes;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The strict JSON Schemas of {@code schemas/} (see its README), one per kind the manifests use: a field the kind does
 * not have, a value of the wrong type, or a required field left out is a problem; a kind without a schema is one too.
 */
final class StrictSchemas {

    private static final Path SCHEMAS = Kustomize.HOME.resolve("schemas");

    /** Where the schema of each kind is, by {@code apiVersion} and {@code kind}. */
    private static final Map<String, String> FILES = Map.ofEntries(
            Map.entry("v1/Namespace", "kubernetes-1.34/namespace-v1.json"),
            Map.entry("v1/ConfigMap", "kubernetes-1.34/configmap-v1.json"),
            Map.entry("v1/Secret", "kubernetes-1.34/secret-v1.json"),
            Map.entry("v1/Service", "kubernetes-1.34/service-v1.json"),
            Map.entry("v1/ServiceAccount", "kubernetes-1.34/serviceaccount-v1.json"),
            Map.entry("apps/v1/Deployment", "kubernetes-1.34/deployment-apps-v1.json"),
            Map.entry(
                    "autoscaling/v2/HorizontalPodAutoscaler",
                    "kubernetes-1.34/horizontalpodautoscaler-autoscaling-v2.json"),
            Map.entry("policy/v1/PodDisruptionBudget", "kubernetes-1.34/poddisruptionbudget-policy-v1.json"),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", "kubernetes-1.34/networkpolicy-networking-v1.json"),
            Map.entry("networking.k8s.io/v1/Ingress", "kubernetes-1.34/ingress-networking-v1.json"),
            Map.entry("kafka.strimzi.io/v1/Kafka", "custom-resources/kafka.strimzi.io/kafka_v1.json"),
            Map.entry("kafka.strimzi.io/v1/KafkaNodePool", "custom-resources/kafka.strimzi.io/kafkanodepool_v1.json"),
            Map.entry("kafka.strimzi.io/v1/KafkaTopic", "custom-resources/kafka.strimzi.io/kafkatopic_v1.json"),
            Map.entry("kafka.strimzi.io/v1/KafkaUser", "custom-resources/kafka.strimzi.io/kafkauser_v1.json"),
            Map.entry("postgresql.cnpg.io/v1/Cluster", "custom-resources/postgresql.cnpg.io/cluster_v1.json"),
            Map.entry("postgresql.cnpg.io/v1/Database", "custom-resources/postgresql.cnpg.io/database_v1.json"),
            Map.entry("postgresql.cnpg.io/v1/Pooler", "custom-resources/postgresql.cnpg.io/pooler_v1.json"),
            Map.entry(
                    "postgresql.cnpg.io/v1/ScheduledBackup",
                    "custom-resources/postgresql.cnpg.io/scheduledbackup_v1.json"),
            Map.entry("k8s.keycloak.org/v2alpha1/Keycloak", "custom-resources/k8s.keycloak.org/keycloak_v2alpha1.json"),
            Map.entry(
                    "k8s.keycloak.org/v2alpha1/KeycloakRealmImport",
                    "custom-resources/k8s.keycloak.org/keycloakrealmimport_v2alpha1.json"));

    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
    private final Map<String, Schema> loaded = new ConcurrentHashMap<>();

    /**
     * What is wrong with an object, each a sentence naming where it came from and the path of the field; empty when it
     * is valid. A patch ({@link Manifest#partial()}) may leave out required fields, and nothing else.
     */
    List<String> problems(Manifest manifest) {
        String key = manifest.apiVersion() + "/" + manifest.kind();
        String file = FILES.get(key);
        if (file == null) {
            return List.of(manifest + ": no schema for " + key + "; add it to schemas/ (see its README)");
        }
        Schema schema = loaded.computeIfAbsent(key, any -> load(file));
        List<String> problems = new ArrayList<>();
        for (Error error : schema.validate(manifest.object().toString(), InputFormat.JSON)) {
            if (manifest.partial() && "required".equals(error.getKeyword())) {
                continue;
            }
            problems.add(manifest + ": " + error.getInstanceLocation() + " " + error.getMessage());
        }
        return problems;
    }

    private Schema load(String file) {
        try {
            return registry.getSchema(Files.readString(SCHEMAS.resolve(file)), InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the schema " + file, e);
        }
    }
}
