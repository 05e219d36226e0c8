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
        return Json.MAPPER.treeToValue(json.path("schemaVersion").asInt() == 1 ? asVersion2(json) : json, Snapshot.class);
    }

    /**
     * The same facts written as a version 2 snapshot ({@code schemaVersion} 2); a copy of a
     * version 2 snapshot as it is.
     */
    public static ObjectNode toVersion2(JsonNode json) {
        ObjectNode v2 = json.path("schemaVersion").asInt() == 1 ? (ObjectNode) asVersion2(json) : ((ObjectNode) json).deepCopy();
        v2.put("schemaVersion", 2);
        return v2;
    }

    public static Snapshot bind(String json) throws JsonProcessingException {
        return bind(Json.MAPPER.readTree(json));
    }

    private static JsonNode asVersion2(JsonNode v1) {
        ObjectNode v2 = ((ObjectNode) v1).deepCopy();
        v2.remove("perspective");
        JsonNode perceptions = v2.remove("perceptions");
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
