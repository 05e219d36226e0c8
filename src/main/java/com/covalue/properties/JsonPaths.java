package com.covalue.properties;

import com.covalue.model.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Reading and setting a snapshot's values by their dotted contract path. */
final class JsonPaths {

    private JsonPaths() {
    }

    /** The value at {@code path}, or null when it is absent. */
    static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (String step : path.split("\\.")) {
            node = node == null ? null : node.get(step);
        }
        return node;
    }

    /** A copy of {@code root} with {@code value} at {@code path}, creating sections as needed. */
    static ObjectNode with(ObjectNode root, String path, JsonNode value) {
        ObjectNode copy = root.deepCopy();
        String[] steps = path.split("\\.");
        ObjectNode node = copy;
        for (int i = 0; i < steps.length - 1; i++) {
            node = node.get(steps[i]) instanceof ObjectNode o ? o : node.putObject(steps[i]);
        }
        node.set(steps[steps.length - 1], value == null ? Json.MAPPER.nullNode() : value);
        return copy;
    }
}
