package se.samlyft.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * The objects of an overlay as a cluster would get them: rendered by {@code kubectl kustomize}, or, without kubectl,
 * the whole objects of the plain files and the ConfigMaps their generators make (the overlays' patches change sizes,
 * their replacements host names, not what the policy checks), with a loud message.
 */
final class Rendered {

    private static final Map<String, List<Manifest>> CACHE = new ConcurrentHashMap<>();

    private static final boolean KUBECTL = Kustomize.kubectlAvailable();

    private Rendered() {}

    static List<Manifest> objects(String overlay) {
        return CACHE.computeIfAbsent(overlay, Rendered::load);
    }

    /** Whether the objects are kustomize's rendering (with kubectl), not the plain files. */
    static boolean byKustomize() {
        return KUBECTL;
    }

    private static List<Manifest> load(String overlay) {
        if (KUBECTL) {
            return Kustomize.render(Kustomize.overlay(overlay));
        }
        System.err.println("*** kubectl is not installed: the policy is checked on the plain files of " + overlay
                + ", not on what kustomize renders from them ***");
        return Kustomize.plainFiles(Kustomize.overlay(overlay)).stream()
                .filter(manifest -> !manifest.partial())
                .toList();
    }

    static List<Manifest> ofKind(String overlay, String kind) {
        return objects(overlay).stream()
                .filter(manifest -> manifest.kind().equals(kind))
                .toList();
    }

    /** What a variable from a Secret reads as in {@link #environment}: the Secret's name and key, never a value. */
    static final String FROM_SECRET = "<Secret ";

    /**
     * The environment of a Deployment's (first) container as the overlay gives it: its ConfigMaps' entries, then its
     * own variables, a ConfigMap's key resolved, a Secret's key as {@code <Secret name key>}.
     */
    static Map<String, String> environment(String overlay, Manifest deployment) {
        Map<String, Map<String, String>> configMaps = new TreeMap<>();
        for (Manifest map : ofKind(overlay, "ConfigMap")) {
            Map<String, String> data = new TreeMap<>();
            map.object()
                    .path("data")
                    .properties()
                    .forEach(entry -> data.put(entry.getKey(), entry.getValue().asString()));
            configMaps.put(map.name(), data);
        }
        JsonNode container = deployment.containers().getFirst();
        Map<String, String> variables = new LinkedHashMap<>();
        for (JsonNode from : container.path("envFrom")) {
            String name = from.path("configMapRef").path("name").asString();
            assertThat(configMaps).as(deployment + " reads ConfigMap " + name).containsKey(name);
            variables.putAll(configMaps.get(name));
        }
        for (JsonNode variable : container.path("env")) {
            String name = variable.path("name").asString();
            JsonNode secret = variable.path("valueFrom").path("secretKeyRef");
            JsonNode configMap = variable.path("valueFrom").path("configMapKeyRef");
            if (!secret.isMissingNode()) {
                variables.put(
                        name,
                        FROM_SECRET + secret.path("name").asString() + " "
                                + secret.path("key").asString() + ">");
            } else if (!configMap.isMissingNode()) {
                String value = configMaps
                        .getOrDefault(configMap.path("name").asString(), Map.of())
                        .get(configMap.path("key").asString());
                assertThat(value).as(deployment + "'s " + name).isNotNull();
                variables.put(name, value);
            } else {
                variables.put(name, variable.path("value").asString());
            }
        }
        return variables;
    }
}
