package com.covalue.properties;

import com.covalue.model.Cadence;
import com.covalue.model.InformationSharing;
import com.covalue.model.Json;
import com.covalue.model.PracticeAnswer;
import com.covalue.model.SnapshotField;
import com.covalue.model.SnapshotFields;
import com.covalue.ruleset.Practice;
import com.covalue.ruleset.PracticeList;
import com.covalue.validation.SnapshotReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The changes the contract calls "better" (property 2), one known fact at a time: a practice now
 * in place, a count of problems lower, a count of good things higher, a meeting rhythm one step
 * more frequent, a rating one point higher, a date more recent, and for the two sides' practice
 * answers the lower (or lone) answer one step up. Read from the contract's table of fields
 * ({@link SnapshotField#better()}) and the snapshot schema's ranges, so a new field is covered
 * when it is added there.
 */
public final class Improvements {

    /** How much more recent a date becomes. */
    static final int DAYS_MORE_RECENT = 75;

    private static final JsonNode SCHEMA = loadSchema();

    private Improvements() {
    }

    /** Every one-fact improvement of a version 2 snapshot, in contract order, then practice order. */
    public static List<Variant> of(ObjectNode snapshot, PracticeList practices) {
        List<Variant> out = new ArrayList<>();
        for (SnapshotField field : SnapshotFields.all()) {
            JsonNode now = JsonPaths.at(snapshot, field.path());
            better(field, now, snapshot).ifPresent(v -> out.add(new Variant(field.path(), field.factor(), now, v)));
        }
        for (Practice practice : practices.all()) {
            String clientPath = "views.client.practices." + practice.id();
            String supplierPath = "views.supplier.practices." + practice.id();
            PracticeAnswer client = answer(snapshot, clientPath);
            PracticeAnswer supplier = answer(snapshot, supplierPath);
            String lowerSide = client == null ? (supplier == null ? null : supplierPath)
                    : supplier == null ? clientPath
                    : client.compareTo(supplier) < 0 ? clientPath
                    : supplier.compareTo(client) < 0 ? supplierPath : null;
            if (lowerSide != null) {
                PracticeAnswer lower = answer(snapshot, lowerSide);
                if (lower != PracticeAnswer.YES) {
                    out.add(new Variant(lowerSide, practice.factor(), TextNode.valueOf(lower.name()),
                            TextNode.valueOf(PracticeAnswer.values()[lower.ordinal() + 1].name())));
                }
            }
        }
        return out;
    }

    /** The next better value of the field in {@code snapshot}, if it is known and can improve. */
    public static Optional<JsonNode> better(SnapshotField field, ObjectNode snapshot) {
        return better(field, JsonPaths.at(snapshot, field.path()), snapshot);
    }

    private static Optional<JsonNode> better(SnapshotField field, JsonNode value, ObjectNode snapshot) {
        if (value == null || value.isNull() || field.better() == SnapshotField.Better.NEITHER) {
            return Optional.empty();
        }
        boolean higher = field.better() == SnapshotField.Better.HIGHER;
        if (value.isBoolean()) {
            return value.asBoolean() == higher ? Optional.empty() : Optional.of(BooleanNode.valueOf(higher));
        }
        if (value.isTextual()) {
            return betterText(value.asText(), snapshot);
        }
        JsonNode schema = schemaOf(field.path());
        double max = schema.path("maximum").asDouble(Double.MAX_VALUE);
        double min = schema.path("minimum").asDouble(0);
        if (value.isIntegralNumber()) {
            long next = value.asLong() + (higher ? 1 : -1);
            return next < min || next > max ? Optional.empty() : Optional.of(IntNode.valueOf((int) next));
        }
        double step = max <= 1 ? 0.1 : 3; // a ratio by ten points, a number of days by three
        double next = Math.round((value.asDouble() + (higher ? step : -step)) * 1000) / 1000.0;
        next = Math.max(min, Math.min(max, next));
        return next == value.asDouble() ? Optional.empty() : Optional.of(DoubleNode.valueOf(next));
    }

    private static Optional<JsonNode> betterText(String text, ObjectNode snapshot) {
        if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            LocalDate later = LocalDate.parse(text).plusDays(DAYS_MORE_RECENT);
            LocalDate assessed = LocalDate.parse(snapshot.path("assessedOn").asText());
            return later.isAfter(assessed) ? Optional.empty() : Optional.of(TextNode.valueOf(later.toString()));
        }
        for (Cadence c : Cadence.values()) {
            if (c.name().equals(text)) {
                return c.ordinal() == Cadence.values().length - 1 ? Optional.empty()
                        : Optional.of(TextNode.valueOf(Cadence.values()[c.ordinal() + 1].name()));
            }
        }
        for (InformationSharing i : InformationSharing.values()) {
            if (i.name().equals(text)) {
                return i == InformationSharing.FULL ? Optional.empty()
                        : Optional.of(TextNode.valueOf(InformationSharing.values()[i.ordinal() + 1].name()));
            }
        }
        return Optional.empty();
    }

    private static PracticeAnswer answer(JsonNode snapshot, String path) {
        JsonNode node = JsonPaths.at(snapshot, path);
        return node == null || !node.isTextual() ? null : PracticeAnswer.valueOf(node.asText());
    }

    /** The schema node of a field (its type and range), resolving the schema's $refs. */
    public static JsonNode schemaOf(String path) {
        JsonNode s = SCHEMA;
        for (String step : path.split("\\.")) {
            JsonNode object = resolve(s);
            // a map (a side's practice answers) describes its values under additionalProperties
            s = resolve(object.path("properties").has(step) || !object.path("additionalProperties").isObject()
                    ? object.path("properties").path(step) : object.path("additionalProperties"));
        }
        return s;
    }

    private static JsonNode resolve(JsonNode s) {
        JsonNode ref = s.get("$ref");
        return ref == null ? s : SCHEMA.path("$defs").path(ref.asText().substring("#/$defs/".length()));
    }

    private static JsonNode loadSchema() {
        try (InputStream in = Improvements.class.getResourceAsStream(SnapshotReader.SCHEMA_V2_RESOURCE)) {
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
