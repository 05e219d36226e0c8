package com.covalue.validation;

import com.covalue.model.Json;
import com.covalue.model.Problem;
import com.covalue.model.Snapshot;
import com.covalue.model.SnapshotJson;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import com.covalue.model.ErrorCode;

/**
 * Reads a Snapshot v1 from JSON and checks it completely: against the published JSON Schema
 * ({@code schema/snapshot-v1.schema.json}) and then the checks a schema cannot express (real
 * dates, nothing after the assessment day, kept &lt;= due). Every problem is reported at once.
 */
public final class SnapshotReader {

    /** The published JSON Schema of each snapshot version, as resources of the jar. */
    public static final String SCHEMA_V1_RESOURCE = "/schema/snapshot-v1.schema.json";
    public static final String SCHEMA_V2_RESOURCE = "/schema/snapshot-v2.schema.json";

    private static final SnapshotSchema SCHEMA_V1 = SnapshotSchema.load(SCHEMA_V1_RESOURCE);
    private static final SnapshotSchema SCHEMA_V2 = SnapshotSchema.load(SCHEMA_V2_RESOURCE);
    private static final Pattern PRACTICE_ID = Pattern.compile("[A-Z][A-Z0-9]{1,9}-[0-9]{2,3}");
    private static final Pattern DATE_SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final Clock clock;

    public SnapshotReader(Clock clock) {
        this.clock = clock;
    }

    /** The clock that says what "today" is for this reader's date checks. */
    public Clock clock() {
        return clock;
    }

    /**
     * "Today" for the date checks: the day anywhere on Earth, i.e. in the latest time zone (UTC+14),
     * the last to allow a date. What this reader accepts depends on nothing else that changes.
     */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.ofHours(14)));
    }

    /** Parses and validates one snapshot; throws {@link InvalidInputException} listing every problem. */
    public Snapshot read(String json) {
        return read(parse(json));
    }

    /**
     * Validates an already parsed JSON value as a snapshot, version 1 or 2, without checking its
     * practice ids against a practice list (see {@link #read(JsonNode, Set)}).
     */
    public Snapshot read(JsonNode node) {
        return read(node, null);
    }

    /**
     * Validates an already parsed JSON value as a snapshot, version 1 or 2; a version 1 snapshot is
     * read as version 2 (its perceptions become the views' ratings).
     *
     * @param practiceIds the practice ids the rule set knows; an answer for any other id is a field
     *                    error with "did you mean". Null: not checked.
     */
    public Snapshot read(JsonNode node, Set<String> practiceIds) {
        List<Problem> problems = new ArrayList<>(validate(node));
        if (practiceIds != null && node.isObject()) {
            problems.addAll(checkPracticeIds(node, practiceIds));
            problems.sort(Comparator.comparing(Problem::field).thenComparing(Problem::message));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(ErrorCode.INVALID_SNAPSHOT,
                    problems.size() == 1 ? "The snapshot has 1 problem." : "The snapshot has " + problems.size() + " problems.",
                    problems);
        }
        try {
            return SnapshotJson.bind(node);
        } catch (JsonProcessingException e) {
            // The schema accepted it, so this is our bug rather than the caller's.
            throw new IllegalStateException("valid snapshot could not be bound: " + e.getOriginalMessage(), e);
        }
    }

    /** Parses JSON text, reporting malformed input with its line and column. */
    public static JsonNode parse(String json) {
        try {
            // A byte-order mark (common in files saved by Windows tools) is not part of the JSON.
            JsonNode node = Json.MAPPER.readTree(json.startsWith("\uFEFF") ? json.substring(1) : json);
            if (node == null || node.isMissingNode()) {
                throw new InvalidInputException(ErrorCode.MALFORMED_JSON, "The input is empty; expected a JSON object.", List.of());
            }
            return node;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new InvalidInputException(ErrorCode.MALFORMED_JSON, "The input is not valid JSON" + where + ": " + e.getOriginalMessage(),
                    List.of(Problem.atField("", "not valid JSON" + where + ": " + e.getOriginalMessage())));
        }
    }

    /** An answer for a practice the rule set does not list, or an id of the wrong shape. */
    private static List<Problem> checkPracticeIds(JsonNode root, Set<String> known) {
        List<Problem> problems = new ArrayList<>();
        for (String side : List.of("client", "supplier")) {
            JsonNode practices = at(root, "views." + side + ".practices");
            if (practices == null || !practices.isObject()) {
                continue;
            }
            practices.fieldNames().forEachRemaining(id -> {
                if (!known.contains(id)) {
                    String hint = Levenshtein.closest(id, known).map(c -> "; did you mean '" + c + "'?")
                            .orElse(PRACTICE_ID.matcher(id).matches() ? "" : " (ids look like GOV-05)");
                    problems.add(Problem.atField("views." + side + ".practices." + id,
                            "is not a practice of the rule set's practice list" + hint));
                }
            });
        }
        return problems;
    }

    /** Every problem in the given value, in field order; empty when it is a valid snapshot. */
    public List<Problem> validate(JsonNode node) {
        if (!node.isObject()) {
            return List.of(Problem.atField("", "a snapshot must be a JSON object, not " + node.getNodeType().name().toLowerCase()));
        }
        List<Problem> problems = new ArrayList<>();
        List<String> nonFinite = new ArrayList<>();
        if (hasNonFinite(node)) { // rare: only then are the paths of every field built
            findNonFinite(node, "", nonFinite);
        }
        nonFinite.forEach(path -> problems.add(Problem.atField(path, "is too large a number")));
        // the schema library cannot handle infinite numbers, so it checks a copy without them
        JsonNode checkable = nonFinite.isEmpty() ? node : withoutFields(node, nonFinite);
        schemaFor(node).check(checkable).stream().filter(p -> !nonFinite.contains(p.field())).forEach(problems::add);
        problems.addAll(checkDates((ObjectNode) checkable));
        problems.addAll(checkCounts(checkable));
        problems.sort(Comparator.comparing(Problem::field).thenComparing(Problem::message));
        return problems.stream().distinct().toList();
    }

    /** Version 1's schema for a snapshot that says it is version 1; version 2's for anything else. */
    private static SnapshotSchema schemaFor(JsonNode node) {
        JsonNode version = node.get("schemaVersion");
        return version != null && version.isIntegralNumber() && version.asInt() == 1 ? SCHEMA_V1 : SCHEMA_V2;
    }

    private static boolean hasNonFinite(JsonNode node) {
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                if (hasNonFinite(child)) {
                    return true;
                }
            }
            return false;
        }
        return isNonFinite(node);
    }

    /** NaN or an infinity: a floating-point number that is not finite (a big decimal always is). */
    private static boolean isNonFinite(JsonNode node) {
        return node.isNumber() && node.isFloatingPointNumber() && !Double.isFinite(node.asDouble()) && !node.isBigDecimal();
    }

    private static void findNonFinite(JsonNode node, String path, List<String> out) {
        if (isNonFinite(node)) {
            out.add(path);
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> findNonFinite(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                findNonFinite(node.get(i), path + "[" + i + "]", out);
            }
        }
    }

    private static JsonNode withoutFields(JsonNode root, List<String> paths) {
        JsonNode copy = root.deepCopy();
        for (String path : paths) {
            int dot = path.lastIndexOf('.');
            JsonNode parent = dot < 0 ? copy : at(copy, path.substring(0, dot));
            if (parent instanceof ObjectNode o) {
                o.remove(path.substring(dot + 1));
            }
        }
        return copy;
    }

    private List<Problem> checkDates(ObjectNode root) {
        List<Problem> problems = new ArrayList<>();
        LocalDate assessedOn = date(root, "assessedOn", problems);
        LocalDate today = today();
        if (assessedOn != null && assessedOn.isAfter(today)) {
            problems.add(Problem.atField("assessedOn", "must not be after today (" + today + ")"));
        }
        LocalDate contractStart = date(root, "relationship.contractStart", problems);
        LocalDate renewalDate = date(root, "relationship.renewalDate", problems);
        if (contractStart != null && renewalDate != null && renewalDate.isBefore(contractStart)) {
            problems.add(Problem.atField("relationship.renewalDate", "must not be before relationship.contractStart (" + contractStart + ")"));
        }
        for (String past : List.of("measurement.lastKpiReview", "measurement.satisfactionSurveyLast", "mutualGoals.planUpdated",
                "relationship.contractStart", "views.client.answeredOn", "views.supplier.answeredOn")) {
            LocalDate when = past.equals("relationship.contractStart") ? contractStart : date(root, past, problems);
            if (when != null && assessedOn != null && when.isAfter(assessedOn)) {
                problems.add(Problem.atField(past, "must not be after assessedOn (" + assessedOn + ")"));
            }
        }
        return problems;
    }

    /** Reads a date field that passed the schema's shape check; adds a problem if it is not a real day. */
    private static LocalDate date(JsonNode root, String path, List<Problem> problems) {
        JsonNode value = at(root, path);
        if (value == null || !value.isTextual() || !DATE_SHAPE.matcher(value.asText()).matches()) {
            return null; // absent, or already reported by the schema
        }
        try {
            return LocalDate.parse(value.asText());
        } catch (DateTimeParseException e) {
            problems.add(Problem.atField(path, "'" + value.asText() + "' is not a real date"));
            return null;
        }
    }

    private static List<Problem> checkCounts(JsonNode root) {
        List<Problem> problems = new ArrayList<>();
        notMore(root, "delivery.promisesKept12m", "delivery.promisesDue12m", problems);
        notMore(root, "innovation.ideasAdopted12m", "innovation.ideasProposed12m", problems);
        return problems;
    }

    private static void notMore(JsonNode root, String part, String whole, List<Problem> problems) {
        JsonNode p = at(root, part);
        JsonNode w = at(root, whole);
        // compare exact values: the schema accepts 3.0 as a whole number too
        if (p != null && w != null && p.isNumber() && w.isNumber() && p.decimalValue().compareTo(w.decimalValue()) > 0) {
            String wholeName = whole.substring(whole.indexOf('.') + 1);
            problems.add(Problem.atField(part, "must not exceed " + wholeName + " (" + p.numberValue() + " > " + w.numberValue() + ")"));
        }
    }

    /** The value at a dotted path, or null when any step is absent or not an object. */
    static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (String step : path.split("\\.")) {
            if (node == null || !node.isObject()) {
                return null;
            }
            node = node.get(step);
        }
        return node;
    }

    /** The compiled JSON Schema plus the allowed field names per object, for "did you mean" hints. */
    private record SnapshotSchema(JsonSchema schema, JsonNode raw) {

        static SnapshotSchema load(String resource) {
            try (InputStream in = SnapshotReader.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + resource);
                }
                JsonNode raw = Json.MAPPER.readTree(in);
                // Format assertions off: check() dropped every "format" message anyway (dates are
                // checkDates' job, with a clearer message), and asserting them parsed each date twice.
                SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(false).build();
                JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(raw.toString(), config);
                return new SnapshotSchema(schema, raw);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        List<Problem> check(JsonNode node) {
            List<Problem> problems = new ArrayList<>();
            for (ValidationMessage m : schema.validate(node)) {
                if ("format".equals(m.getType())) {
                    continue; // not asserted (see load); kept in case a library default changes
                }
                problems.add(describe(m));
            }
            return problems;
        }

        private Problem describe(ValidationMessage m) {
            String at = path(m.getInstanceLocation().toString());
            String type = m.getType();
            JsonNode fieldSchema = schemaFor(at);
            return switch (type) {
                case "additionalProperties" -> {
                    String field = join(at, m.getProperty());
                    yield Problem.atField(field, "unknown field" + suggestion(at, m.getProperty()));
                }
                case "required" -> Problem.atField(join(at, m.getProperty()), "is required");
                case "type" -> Problem.atField(at, "must be " + expected(fieldSchema) + ", not " + actual(m.getInstanceNode())
                        + (m.getInstanceNode() != null && m.getInstanceNode().isNull() ? " (leave the field out when it is unknown)" : ""));
                case "enum" -> Problem.atField(at, "must be one of " + fieldSchema.get("enum") + ", not " + m.getInstanceNode());
                case "const" -> Problem.atField(at, at.equals("schemaVersion") ? "must be 1 or 2, not " + m.getInstanceNode()
                        : "must be " + fieldSchema.get("const") + ", not " + m.getInstanceNode());
                case "minimum", "exclusiveMinimum" -> Problem.atField(at, "must be at least " + fieldSchema.get("minimum") + ", not " + m.getInstanceNode());
                case "maximum", "exclusiveMaximum" -> Problem.atField(at, "must be at most " + fieldSchema.get("maximum") + ", not " + m.getInstanceNode());
                case "pattern" -> Problem.atField(at, patternMessage(at, fieldSchema) + ", not " + m.getInstanceNode());
                case "maxLength", "minLength" -> Problem.atField(at, "must be " + lengthRange(fieldSchema) + " characters long");
                default -> Problem.atField(at, stripPath(m.getMessage()));
            };
        }

        private static String patternMessage(String at, JsonNode fieldSchema) {
            return switch (at) {
                case "relationship.id" -> "must be 1-64 characters of A-Z a-z 0-9 . _ -";
                case "relationship.currency" -> "must be a three-letter ISO 4217 code such as GBP";
                default -> fieldSchema.path("format").asText().equals("date")
                        ? "must be a date written YYYY-MM-DD"
                        : "must match " + fieldSchema.path("pattern").asText();
            };
        }

        private static String lengthRange(JsonNode fieldSchema) {
            int min = fieldSchema.path("minLength").asInt(0);
            int max = fieldSchema.path("maxLength").asInt(Integer.MAX_VALUE);
            return min > 0 ? min + " to " + max : "at most " + max;
        }

        private static String expected(JsonNode fieldSchema) {
            if (fieldSchema.has("$ref") || fieldSchema.has("enum")) {
                return "one of the listed words (text)";
            }
            return switch (fieldSchema.path("type").asText()) {
                case "boolean" -> "true or false";
                case "integer" -> "a whole number";
                case "number" -> "a number";
                case "string" -> "text";
                case "object" -> "an object";
                default -> fieldSchema.path("type").asText();
            };
        }

        private static String actual(JsonNode value) {
            if (value == null) {
                return "missing";
            }
            return switch (value.getNodeType()) {
                case BOOLEAN -> value.asText();
                case NUMBER -> value.isIntegralNumber() ? "the number " + value : "the number " + value;
                case STRING -> "the text " + value;
                case NULL -> "null";
                case ARRAY -> "a list";
                case OBJECT -> "an object";
                default -> value.getNodeType().name().toLowerCase();
            };
        }

        /** The schema node describing the instance at a dotted path (resolving local $refs). */
        private JsonNode schemaFor(String path) {
            JsonNode s = raw;
            if (!path.isEmpty()) {
                for (String step : path.split("\\.")) {
                    JsonNode object = resolve(s);
                    // a map such as views.client.practices describes its values under additionalProperties
                    s = object.path("properties").has(step) || !object.path("additionalProperties").isObject()
                            ? object.path("properties").path(step) : object.path("additionalProperties");
                }
            }
            return resolve(s);
        }

        private JsonNode resolve(JsonNode s) {
            JsonNode ref = s.get("$ref");
            if (ref != null && ref.asText().startsWith("#/$defs/")) {
                return raw.path("$defs").path(ref.asText().substring("#/$defs/".length()));
            }
            return s;
        }

        private String suggestion(String objectPath, String unknown) {
            List<String> known = new ArrayList<>();
            schemaFor(objectPath).path("properties").fieldNames().forEachRemaining(known::add);
            return Levenshtein.closest(unknown, known).map(best -> "; did you mean '" + best + "'?").orElse("");
        }

        private static String path(String pointer) {
            // JSON Pointer "/governance/escalationPath" -> "governance.escalationPath"; "" -> ""
            String p = pointer.startsWith("/") ? pointer.substring(1) : pointer;
            return p.replace("/", ".").replace("~1", "/").replace("~0", "~");
        }

        private static String join(String parent, String child) {
            return parent.isEmpty() ? child : parent + "." + child;
        }

        private static String stripPath(String message) {
            int colon = message.indexOf(": ");
            return (message.startsWith("/") || message.startsWith("$")) && colon >= 0 ? message.substring(colon + 2) : message;
        }
    }
}
