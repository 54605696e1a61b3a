package se.samlyft.deploy.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads the manifests: an overlay rendered as {@code kubectl kustomize} renders it, or, where no {@code kubectl} is
 * installed, the plain files a kustomization lists (its resources, whole objects, and its patches, partial ones),
 * followed through the bases and components it names.
 */
final class Kustomize {

    /** The directory of the manifests (this module's). */
    static final Path HOME = Path.of("").toAbsolutePath();

    static final Path BASE = HOME.resolve("base");

    /** The overlays, one per kind of installation. */
    static final List<String> OVERLAYS = List.of("region", "national");

    private static final YAMLMapper YAML = YAMLMapper.builder(new YAMLFactory()).build();
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private Kustomize() {}

    static Path overlay(String name) {
        return HOME.resolve("overlays").resolve(name);
    }

    /** Whether {@code kubectl} answers here; {@code kubectl kustomize} needs no cluster. */
    static boolean kubectlAvailable() {
        try {
            Process version = new ProcessBuilder("kubectl", "version", "--client")
                    .redirectErrorStream(true)
                    .start();
            version.getInputStream().readAllBytes();
            return version.waitFor(30, TimeUnit.SECONDS) && version.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The objects {@code kubectl kustomize} renders from a kustomization directory.
     *
     * @throws IllegalStateException if kustomize refuses it, with what it said
     */
    static List<Manifest> render(Path directory) {
        try {
            Process kustomize = new ProcessBuilder("kubectl", "kustomize", directory.toString())
                    .redirectError(ProcessBuilder.Redirect.PIPE)
                    .start();
            byte[] output = kustomize.getInputStream().readAllBytes();
            String errors = new String(kustomize.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!kustomize.waitFor(2, TimeUnit.MINUTES) || kustomize.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize " + directory + " failed: " + errors);
            }
            return documents(new String(output, StandardCharsets.UTF_8), "kubectl kustomize " + directory, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The plain files of a kustomization, without kustomize: every resource it lists (whole objects) and every patch
     * (partial objects), and those of the bases, overlays and components it names, recursively.
     */
    static List<Manifest> plainFiles(Path directory) {
        List<Manifest> manifests = new ArrayList<>();
        JsonNode kustomization = read(directory.resolve("kustomization.yaml")).getFirst();
        for (String list : List.of("resources", "components")) {
            for (JsonNode entry : kustomization.path(list)) {
                Path path = directory.resolve(entry.asString()).normalize();
                if (Files.isDirectory(path)) {
                    manifests.addAll(plainFiles(path));
                } else {
                    manifests.addAll(file(path, false));
                }
            }
        }
        for (JsonNode patch : kustomization.path("patches")) {
            if (patch.has("path")) {
                manifests.addAll(file(directory.resolve(patch.path("path").asString()), true));
            }
        }
        for (JsonNode generator : kustomization.path("configMapGenerator")) {
            generate(manifests, directory, generator);
        }
        return manifests;
    }

    /**
     * The ConfigMap a {@code configMapGenerator} entry makes from its literals, without kustomize's name suffix (nor
     * the suffix in references to it): a new one, or, with {@code behavior: replace} or {@code merge}, in place of the
     * one a base generated.
     */
    private static void generate(List<Manifest> manifests, Path directory, JsonNode generator) {
        String name = generator.path("name").asString();
        String behavior = generator.path("behavior").asString("create");
        ObjectNode data = JSON.createObjectNode();
        Manifest generated = null;
        for (Manifest manifest : manifests) {
            if (manifest.kind().equals("ConfigMap") && manifest.name().equals(name) && !manifest.partial()) {
                generated = manifest;
            }
        }
        if (generated != null && behavior.equals("merge")) {
            data.setAll((ObjectNode) generated.object().path("data"));
        }
        for (JsonNode literal : generator.path("literals")) {
            String text = literal.asString();
            int equals = text.indexOf('=');
            data.put(text.substring(0, equals), text.substring(equals + 1));
        }
        ObjectNode configMap = JSON.createObjectNode();
        configMap.put("apiVersion", "v1");
        configMap.put("kind", "ConfigMap");
        configMap.putObject("metadata").put("name", name);
        configMap.set("data", data);
        manifests.remove(generated);
        manifests.add(new Manifest(
                HOME.relativize(directory.resolve("kustomization.yaml")) + " configMapGenerator " + name,
                configMap,
                false));
    }

    private static List<Manifest> file(Path path, boolean partial) {
        try {
            return documents(Files.readString(path), HOME.relativize(path).toString(), partial);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
    }

    private static List<JsonNode> read(Path path) {
        return YAML.readValues(YAML.createParser(path.toFile()), JsonNode.class).readAll();
    }

    /** The YAML documents of a text, as JSON trees (a YAML document becomes the JSON a cluster would get). */
    static List<Manifest> documents(String yaml, String source, boolean partial) {
        List<Manifest> manifests = new ArrayList<>();
        List<JsonNode> nodes =
                YAML.readValues(YAML.createParser(yaml), JsonNode.class).readAll();
        int index = 0;
        for (JsonNode node : nodes) {
            index++;
            if (node != null && !node.isNull() && !node.isEmpty()) {
                JsonNode json = JSON.readTree(JSON.writeValueAsString(node));
                manifests.add(new Manifest(nodes.size() > 1 ? source + " #" + index : source, json, partial));
            }
        }
        return manifests;
    }
}
