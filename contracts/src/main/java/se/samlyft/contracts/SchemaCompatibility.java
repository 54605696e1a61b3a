package se.samlyft.contracts;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Finds the changes to an event schema that would break a consumer of the released version or the events already
 * published under it: every event valid under the new schema must still be valid under the released one, and every
 * event published under the released one, which the topics keep and consumers replay, must still be valid under the
 * new one. Adding an optional property is compatible; requiring a property the released schema did not, removing a
 * property or a requirement, changing a type, a constant, an enum's values, a bound or a format, or adding a property
 * where the released schema forbade others, is not.
 */
public final class SchemaCompatibility {

    private SchemaCompatibility() {}

    /** The breaking changes from {@code released} to {@code current}, each naming its place; empty when compatible. */
    public static List<String> breakingChanges(JsonNode released, JsonNode current) {
        List<String> changes = new ArrayList<>();
        compare("$", released, current, changes);
        return changes;
    }

    private static void compare(String path, JsonNode released, JsonNode current, List<String> changes) {
        if (!released.path("type").equals(current.path("type"))) {
            changes.add(path + ": type changed from " + released.path("type") + " to " + current.path("type"));
        }
        if (released.has("const") && !released.get("const").equals(current.get("const"))) {
            changes.add(path + ": constant changed from " + released.get("const") + " to " + current.get("const"));
        }
        if (released.has("enum")) {
            Set<JsonNode> allowed =
                    new HashSet<>(released.get("enum").valueStream().toList());
            for (JsonNode value : current.path("enum")) {
                if (!allowed.contains(value)) {
                    changes.add(path + ": enum value " + value + " added");
                }
            }
            if (!current.has("enum")) {
                changes.add(path + ": enum removed");
            }
            Set<JsonNode> still =
                    new HashSet<>(current.path("enum").valueStream().toList());
            for (JsonNode value : released.get("enum")) {
                if (current.has("enum") && !still.contains(value)) {
                    changes.add(path + ": enum value " + value + " removed");
                }
            }
        }
        for (String bound : List.of("pattern", "format", "minimum", "maximum", "minLength", "maxLength", "minItems")) {
            if (released.has(bound) && !released.get(bound).equals(current.get(bound))) {
                changes.add(path + ": " + bound + " changed from " + released.get(bound) + " to " + current.get(bound));
            }
        }
        for (JsonNode required : released.path("required")) {
            if (!containsText(current.path("required"), required.asString())) {
                changes.add(path + ": property '" + required.asString() + "' is no longer required");
            }
        }
        for (JsonNode required : current.path("required")) {
            if (!containsText(released.path("required"), required.asString())) {
                changes.add(path + ": property '" + required.asString()
                        + "' is newly required; events published before lack it");
            }
        }
        JsonNode releasedProperties = released.path("properties");
        JsonNode currentProperties = current.path("properties");
        for (String name : releasedProperties.propertyNames()) {
            if (!currentProperties.has(name)) {
                changes.add(path + ": property '" + name + "' removed");
            } else {
                compare(path + "." + name, releasedProperties.get(name), currentProperties.get(name), changes);
            }
        }
        if (released.path("additionalProperties").isBoolean()
                && !released.get("additionalProperties").asBoolean()) {
            for (String name : currentProperties.propertyNames()) {
                if (!releasedProperties.has(name)) {
                    changes.add(path + ": property '" + name + "' added where no other properties were allowed");
                }
            }
        }
        if (released.has("items")) {
            compare(path + "[]", released.get("items"), current.path("items"), changes);
        }
    }

    private static boolean containsText(JsonNode array, String text) {
        for (JsonNode element : array) {
            if (element.asString().equals(text)) {
                return true;
            }
        }
        return false;
    }
}
