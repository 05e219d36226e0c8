package com.covalue;

import com.covalue.model.SnapshotField;
import com.covalue.properties.Improvements;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;

/**
 * Test-side knowledge of snapshot values: a random valid value for any field (for generated
 * snapshots) and the next better value of a known field (for "better never looks worse").
 */
public final class SnapshotValues {


    private SnapshotValues() {
    }

    /** The next better value of the field in {@code snapshot}, if it is known and can improve (the checker's own rule). */
    public static Optional<JsonNode> better(SnapshotField field, ObjectNode snapshot) {
        return Improvements.better(field, snapshot);
    }

    /** A random valid value for the field; dates fall within three years before {@code assessedOn}. */
    public static JsonNode random(String path, LocalDate assessedOn, Random random) {
        JsonNode schema = schemaOf(path);
        if (schema.has("enum")) {
            JsonNode values = schema.get("enum");
            return values.get(random.nextInt(values.size()));
        }
        switch (schema.path("type").asText()) {
            case "boolean":
                return BooleanNode.valueOf(random.nextBoolean());
            case "integer": {
                int min = schema.path("minimum").asInt(0);
                int max = Math.min(schema.path("maximum").asInt(20), min + 30);
                return IntNode.valueOf(min + random.nextInt(max - min + 1));
            }
            case "number": {
                double max = Math.min(schema.path("maximum").asDouble(60), 60);
                return DoubleNode.valueOf(Math.round(random.nextDouble() * max * 100) / 100.0);
            }
            case "string":
                if ("date".equals(schema.path("format").asText())) {
                    return TextNode.valueOf(assessedOn.minusDays(random.nextInt(3 * 365)).toString());
                }
                return TextNode.valueOf("x");
            default:
                throw new IllegalArgumentException("no generator for " + path + ": " + schema);
        }
    }

    /** The schema node of a field, resolving the $refs the snapshot schema uses (the property checker's reading). */
    public static JsonNode schemaOf(String path) {
        return Improvements.schemaOf(path);
    }

    private static <E extends Enum<E>> boolean isEnum(Class<E> type, String value) {
        return Arrays.stream(type.getEnumConstants()).anyMatch(e -> e.name().equals(value));
    }
}
