package com.covalue.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Binds snapshot JSON of either contract version to {@link Snapshot}, reading version 1 as
 * version 2: {@code perceptions.<side>} becomes {@code views.<side>.ratings} and
 * {@code perspective}, which nothing reads, is dropped. It checks nothing: validation is
 * {@code SnapshotReader}'s; this is for JSON already validated (and for stored snapshots).
 */
public final class SnapshotJson {

    private SnapshotJson() {
    }

    public static Snapshot bind(JsonNode json) throws JsonProcessingException {
        return Json.MAPPER.treeToValue(isVersion1(json) ? asVersion2(json) : json, Snapshot.class);
    }

    /**
     * The same facts written as a version 2 snapshot ({@code schemaVersion} 2); a copy of a
     * version 2 snapshot as it is. A deep copy: the caller may change it.
     */
    public static ObjectNode toVersion2(JsonNode json) {
        ObjectNode v2 = (isVersion1(json) ? asVersion2(json) : (ObjectNode) json).deepCopy();
        v2.put("schemaVersion", 2);
        return v2;
    }

    public static Snapshot bind(String json) throws JsonProcessingException {
        return bind(Json.MAPPER.readTree(json));
    }

    private static boolean isVersion1(JsonNode json) {
        return json.path("schemaVersion").asInt() == 1;
    }

    /**
     * Version 2's shape over version 1's values: a new top object (fields in their order,
     * {@code views} last) that shares the nested values with {@code v1} rather than copying
     * them; neither is changed here. Binding every v1 request used to deep-copy the whole tree.
     */
    private static ObjectNode asVersion2(JsonNode v1) {
        ObjectNode v2 = Json.MAPPER.createObjectNode();
        v1.fields().forEachRemaining(field -> {
            if (!field.getKey().equals("perspective") && !field.getKey().equals("perceptions")) {
                v2.set(field.getKey(), field.getValue());
            }
        });
        JsonNode perceptions = v1.get("perceptions");
        if (perceptions != null) {
            ObjectNode views = v2.putObject("views");
            for (String side : List.of("client", "supplier")) {
                if (perceptions.has(side)) {
                    views.putObject(side).set("ratings", perceptions.get(side));
                }
            }
        }
        return v2;
    }
}
