package com.covalue.properties;

import com.covalue.model.Factor;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One generated change to a scenario's snapshot: the field at {@code path} moved from
 * {@code from} to {@code to}.
 *
 * @param factor the factor the field informs, or null for a field of the contract itself (the renewal date)
 */
public record Variant(String path, Factor factor, JsonNode from, JsonNode to) {

    public Variant {
        Objects.requireNonNull(path, "path == null");
        Objects.requireNonNull(to, "to == null");
    }

    /** The change in words: {@code governance.escalationPath from false to true}. */
    public String describe() {
        return path + " from " + words(from) + " to " + words(to);
    }

    private static String words(JsonNode value) {
        return value == null || value.isMissingNode() ? "unknown" : value.isTextual() ? value.asText() : value.toString();
    }
}
