package se.samlyft.deploy.kubernetes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * One Kubernetes object as the build reads it, with where it came from: the overlay it was rendered from, or the file
 * (and document) it was written in.
 *
 * @param source where the object came from, for messages
 * @param object the object
 * @param partial whether it is a patch (only the fields it changes), not a whole object
 */
record Manifest(String source, JsonNode object, boolean partial) {

    String apiVersion() {
        return object.path("apiVersion").asString("");
    }

    String kind() {
        return object.path("kind").asString("");
    }

    String name() {
        return object.path("metadata").path("name").asString("");
    }

    /** The field at a path of names (array indexes as numbers), if it is there. */
    Optional<JsonNode> at(String... path) {
        JsonNode node = object;
        for (String step : path) {
            node = node.isArray() && step.chars().allMatch(Character::isDigit)
                    ? node.path(Integer.parseInt(step))
                    : node.path(step);
        }
        return node.isMissingNode() || node.isNull() ? Optional.empty() : Optional.of(node);
    }

    /** The label of the pod template, of the object itself when it has none. */
    String label(String key) {
        JsonNode template =
                object.path("spec").path("template").path("metadata").path("labels");
        JsonNode own = object.path("metadata").path("labels");
        return template.path(key).asString(own.path(key).asString(""));
    }

    /** The containers of a workload's pod template (a Deployment's). */
    List<JsonNode> containers() {
        List<JsonNode> containers = new ArrayList<>();
        object.path("spec").path("template").path("spec").path("containers").forEach(containers::add);
        return containers;
    }

    @Override
    public String toString() {
        return kind() + " " + name() + " (" + source + ")";
    }
}
