package com.covalue.app;

import com.covalue.model.CovalueException;
import com.covalue.model.ErrorCode;
import com.covalue.model.Json;
import com.covalue.model.Problem;
import com.covalue.validation.SnapshotReader;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The objective facts of a snapshot as a form, generated from the published JSON Schema (contract
 * v2): one section per object of the snapshot, one field per property, with the schema's
 * description as help text. Views are not here (the respondents give them), nor the three fields
 * an assessment sets itself (schema version, relationship id, assessment day). A new fact in the
 * schema appears in the form without code changes.
 */
public final class FactsForm {

    /** How a field is entered. */
    public enum Kind { YES_NO, WHOLE_NUMBER, NUMBER, DATE, CHOICE, TEXT }

    /** One fact: its dotted path (the form field's name), label, help text, kind and allowed range or choices. */
    public record Field(String path, String label, String help, Kind kind, List<String> choices, BigDecimal min, BigDecimal max) {
        /** The form control's id, safe in HTML ids. */
        public String id() {
            return "f-" + path.replace('.', '-');
        }
    }

    /** A section of the form: one object of the snapshot. */
    public record Section(String key, String title, String help, List<Field> fields) {
    }

    /** Snapshot parts the form leaves out: set by the assessment itself, or given by the respondents. */
    private static final Set<String> NOT_FACTS = Set.of("schemaVersion", "assessedOn", "views", "relationship.id");

    private static final FactsForm INSTANCE = new FactsForm(readSchema());

    private final List<Section> sections;

    private FactsForm(JsonNode schema) {
        List<Section> out = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> parts = schema.path("properties").fields();
        while (parts.hasNext()) {
            Map.Entry<String, JsonNode> part = parts.next();
            if (NOT_FACTS.contains(part.getKey()) || !"object".equals(part.getValue().path("type").asText())) {
                continue;
            }
            List<Field> fields = new ArrayList<>();
            Iterator<Map.Entry<String, JsonNode>> props = part.getValue().path("properties").fields();
            while (props.hasNext()) {
                Map.Entry<String, JsonNode> prop = props.next();
                String path = part.getKey() + "." + prop.getKey();
                if (!NOT_FACTS.contains(path)) {
                    fields.add(field(schema, path, prop.getKey(), prop.getValue()));
                }
            }
            out.add(new Section(part.getKey(), words(part.getKey()), part.getValue().path("description").asText(""), fields));
        }
        this.sections = List.copyOf(out);
    }

    /** The form of the snapshot schema bundled with this build. */
    public static FactsForm get() {
        return INSTANCE;
    }

    public List<Section> sections() {
        return sections;
    }

    /**
     * The facts as snapshot JSON sections from form values keyed by dotted path; a blank value
     * means unknown and is left out.
     *
     * @throws CovalueException {@code invalid_snapshot} naming every value that is not of its field's kind
     */
    public ObjectNode facts(Function<String, String> values) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        List<Problem> problems = new ArrayList<>();
        for (Section section : sections) {
            for (Field field : section.fields()) {
                String raw = values.apply(field.path());
                if (raw == null || raw.isBlank()) {
                    continue;
                }
                String value = raw.strip();
                ObjectNode parent = root.has(section.key()) ? (ObjectNode) root.get(section.key()) : root.putObject(section.key());
                String name = field.path().substring(section.key().length() + 1);
                try {
                    switch (field.kind()) {
                        case YES_NO -> parent.put(name, yesNo(value));
                        case WHOLE_NUMBER -> parent.put(name, Long.parseLong(value));
                        case NUMBER -> parent.put(name, new BigDecimal(value));
                        case DATE -> parent.put(name, LocalDate.parse(value).toString());
                        case CHOICE, TEXT -> parent.put(name, value);
                    }
                } catch (NumberFormatException | DateTimeParseException e) {
                    problems.add(Problem.atField(field.path(), "'" + shorten(value) + "' is not " + expected(field.kind())));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new CovalueException(ErrorCode.INVALID_SNAPSHOT, "Some facts could not be read.", problems);
        }
        return root;
    }

    /** The value a snapshot holds for a field as the form shows it, or "" when unknown. */
    public static String valueOf(JsonNode snapshot, Field field) {
        JsonNode node = snapshot;
        for (String step : field.path().split("\\.")) {
            node = node == null ? null : node.get(step);
        }
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "";
        }
        return node.isBoolean() ? (node.asBoolean() ? "true" : "false") : node.asText();
    }

    private static Field field(JsonNode schema, String path, String name, JsonNode prop) {
        JsonNode def = prop.has("$ref") ? schema.at(prop.get("$ref").asText().substring(1)) : prop;
        String help = prop.path("description").asText(def.path("description").asText(""));
        List<String> choices = new ArrayList<>();
        def.path("enum").forEach(n -> choices.add(n.asText()));
        String type = def.path("type").asText();
        Kind kind = !choices.isEmpty() ? Kind.CHOICE
                : switch (type) {
                    case "boolean" -> Kind.YES_NO;
                    case "integer" -> Kind.WHOLE_NUMBER;
                    case "number" -> Kind.NUMBER;
                    default -> "date".equals(def.path("format").asText()) ? Kind.DATE : Kind.TEXT;
                };
        return new Field(path, words(name), help, kind, List.copyOf(choices), decimal(def.get("minimum")), decimal(def.get("maximum")));
    }

    private static boolean yesNo(String value) {
        return switch (value) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> throw new NumberFormatException(value);
        };
    }

    private static String expected(Kind kind) {
        return switch (kind) {
            case YES_NO -> "yes or no";
            case WHOLE_NUMBER -> "a whole number";
            case NUMBER -> "a number";
            case DATE -> "a date YYYY-MM-DD";
            case CHOICE, TEXT -> "text";
        };
    }

    private static BigDecimal decimal(JsonNode n) {
        return n == null ? null : n.decimalValue();
    }

    /** "medianEscalationDays" as "Median escalation days", "slaCount" as "SLA count", "kpiCount" as "KPI count". */
    static String words(String camel) {
        String spaced = camel.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("([A-Za-z])(\\d)", "$1 $2").toLowerCase();
        spaced = (" " + spaced + " ").replace(" sla ", " SLA ").replace(" kpi ", " KPI ").replace(" 12m ", " (12 months) ").strip();
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }

    private static JsonNode readSchema() {
        try (InputStream in = FactsForm.class.getResourceAsStream(SnapshotReader.SCHEMA_V2_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + SnapshotReader.SCHEMA_V2_RESOURCE);
            }
            return Json.MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the bundled snapshot schema is not JSON", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
