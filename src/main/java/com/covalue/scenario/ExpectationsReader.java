package com.covalue.scenario;

import com.covalue.model.Factor;
import com.covalue.model.Json;
import com.covalue.model.Level;
import com.covalue.model.SnapshotField;
import com.covalue.model.SnapshotFields;
import com.covalue.model.Verdict;
import com.covalue.ruleset.Catalogue;
import com.covalue.validation.Levenshtein;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads a scenario's {@code expect.yaml} and checks it before it is used, so that a mistake in it
 * reads like a rule file's: {@code expect.yaml:LINE: what is wrong; did you mean ...} rather than
 * a parser's stack of class names. Every key, value and id is checked: an unknown key, a level
 * or verdict that does not exist, an id the catalogue does not have, a field path that is not in
 * the snapshot contract.
 */
final class ExpectationsReader {

    static final String FILE = ScenarioRunner.EXPECT;

    private static final List<String> KEYS = List.of("description", "recommends", "doesNotRecommend", "noRecommendations",
            "verdict", "conditions", "health", "dataGaps");
    private static final List<String> RECOMMENDATION_KEYS = List.of("id", "level", "atLeast");
    private static final List<String> BOUNDS_KEYS = List.of("min", "max");

    private final Map<String, Integer> lines;
    private final Catalogue catalogue;
    private final List<String> problems = new ArrayList<>();

    private ExpectationsReader(Map<String, Integer> lines, Catalogue catalogue) {
        this.lines = lines;
        this.catalogue = catalogue;
    }

    /** Thrown with every problem of the file, each a line {@code expect.yaml:LINE: message}. */
    static final class Invalid extends Exception {
        final List<String> problems;

        Invalid(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }
    }

    /**
     * @param catalogue the catalogue of the rules being verified, for the ids (null: ids unchecked)
     */
    static Expectations read(String text, Catalogue catalogue) throws Invalid {
        JsonNode root;
        Map<String, Integer> lines;
        try {
            root = Json.YAML.readTree(text);
            lines = lines(text);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            String reason = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage().lines().findFirst().orElse("");
            throw new Invalid(List.of(FILE + ":" + line + ": not valid YAML: " + reason
                    + (reason.startsWith("mapping values are not allowed") ? "; a text containing ': ' must be in quotes" : "")));
        } catch (IOException e) {
            throw new Invalid(List.of(FILE + ": cannot be read: " + e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new Invalid(List.of(FILE + ":1: expected 'key: value' lines, such as 'verdict: RENEW'; see scenarios/README.md"));
        }
        ExpectationsReader reader = new ExpectationsReader(lines, catalogue);
        reader.check(root);
        if (!reader.problems.isEmpty()) {
            throw new Invalid(reader.problems);
        }
        try {
            return Json.YAML.treeToValue(root, Expectations.class);
        } catch (JsonProcessingException e) { // checked above; kept as a plain problem should they ever disagree
            throw new Invalid(List.of(FILE + ": " + e.getOriginalMessage()));
        }
    }

    private void check(JsonNode root) {
        fields(root, "", KEYS, (key, value) -> {
            String at = "/" + key;
            switch (key) {
                case "description" -> text(value, at, "a description in words");
                case "recommends" -> eachItem(value, at, (item, itemAt) -> recommendation(item, itemAt));
                case "doesNotRecommend", "conditions" -> eachItem(value, at, (item, itemAt) -> catalogueId(item, itemAt));
                case "noRecommendations" -> {
                    if (!value.isBoolean()) {
                        problem(at, "noRecommendations is true or false");
                    }
                }
                case "verdict" -> oneOf(value, at, "verdict", names(Verdict.values(), "none"));
                case "health" -> health(value, at);
                case "dataGaps" -> eachItem(value, at, (item, itemAt) -> {
                    List<String> paths = SnapshotFields.all().stream().map(SnapshotField::path).toList();
                    oneOf(item, itemAt, "data gap", paths);
                });
                default -> throw new IllegalStateException(key);
            }
        });
    }

    private void recommendation(JsonNode item, String at) {
        if (!item.isObject()) {
            problem(at, "each entry under recommends is a mapping such as '- id: GOVERNANCE-ESCALATION-PATH' with an optional"
                    + " 'level:' or 'atLeast:' (CRITICAL, HIGH, MEDIUM or LOW)");
            return;
        }
        if (!item.has("id")) {
            problem(at, "this entry under recommends has no 'id:'");
        }
        fields(item, at, RECOMMENDATION_KEYS, (key, value) -> {
            if (key.equals("id")) {
                catalogueId(value, at + "/id");
            } else {
                oneOf(value, at + "/" + key, "level", names(Level.values()));
            }
        });
    }

    private void health(JsonNode value, String at) {
        if (!value.isObject()) {
            problem(at, "health holds 'overall:' and factor names, each with 'min:' and/or 'max:', e.g. 'overall: {min: 60}'");
            return;
        }
        List<String> keys = new ArrayList<>(List.of("overall"));
        Arrays.stream(Factor.values()).map(Factor::key).forEach(keys::add);
        fields(value, at, keys, (key, bounds) -> {
            if (!bounds.isObject()) {
                problem(at + "/" + key, key + " takes 'min:' and/or 'max:', e.g. '" + key + ": {min: 60}'");
                return;
            }
            fields(bounds, at + "/" + key, BOUNDS_KEYS, (bound, number) -> {
                if (!number.isInt() || number.asInt() < 0 || number.asInt() > 100) {
                    problem(at + "/" + key + "/" + bound, key + "'s " + bound + " is a whole number from 0 to 100, not '"
                            + number.asText() + "'");
                }
            });
        });
    }

    private void catalogueId(JsonNode value, String at) {
        if (!value.isTextual()) {
            problem(at, "expected a recommendation id, such as GOVERNANCE-ESCALATION-PATH");
            return;
        }
        if (catalogue != null && !catalogue.contains(value.asText())) {
            problem(at, "'" + value.asText() + "' is not in catalogue.yaml"
                    + Levenshtein.closest(value.asText(), catalogue.entries().keySet()).map(c -> "; did you mean '" + c + "'?").orElse(""));
        }
    }

    private void oneOf(JsonNode value, String at, String what, List<String> allowed) {
        if (!value.isTextual() || !allowed.contains(value.asText())) {
            String text = value.asText();
            problem(at, "'" + text + "' is not a " + what + Levenshtein.closest(text, allowed).map(c -> "; did you mean '" + c + "'?")
                    .orElse(allowed.size() <= 8 ? "; write one of " + String.join(", ", allowed) : ""));
        }
    }

    private void text(JsonNode value, String at, String what) {
        if (!value.isTextual()) {
            problem(at, "expected " + what);
        }
    }

    private void eachItem(JsonNode value, String at, java.util.function.BiConsumer<JsonNode, String> check) {
        if (!value.isArray()) {
            problem(at, at.substring(1) + " is a list: one '- ' line per entry, or [A, B]");
            return;
        }
        for (int i = 0; i < value.size(); i++) {
            check.accept(value.get(i), at + "/" + i);
        }
    }

    private void fields(JsonNode node, String at, List<String> allowed, java.util.function.BiConsumer<String, JsonNode> check) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!allowed.contains(e.getKey())) {
                problem(at + "/" + e.getKey(), "'" + e.getKey() + "' is not a key " + (at.isEmpty() ? "of " + FILE : "here")
                        + Levenshtein.closest(e.getKey(), allowed).map(c -> "; did you mean '" + c + "'?")
                                .orElse("; the keys are " + String.join(", ", allowed)));
            } else {
                check.accept(e.getKey(), e.getValue());
            }
        }
    }

    private void problem(String pointer, String message) {
        problems.add(FILE + ":" + lineOf(pointer) + ": " + message);
    }

    /** The line of a JSON pointer, or of its nearest parent that has one. */
    private int lineOf(String pointer) {
        String p = pointer;
        while (!p.isEmpty()) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
        return 1;
    }

    private static List<String> names(Enum<?>[] values, String... more) {
        List<String> names = new ArrayList<>(Arrays.stream(values).map(Enum::name).toList());
        names.addAll(List.of(more));
        return names;
    }

    /** The line of every key and list item, by JSON pointer ({@code /recommends/0/id}), from the parser's locations. */
    private static Map<String, Integer> lines(String text) throws IOException {
        Map<String, Integer> lines = new HashMap<>();
        Deque<String> path = new ArrayDeque<>();
        Deque<Integer> index = new ArrayDeque<>(); // -1 inside an object, else the next item's index
        try (JsonParser parser = Json.YAML.getFactory().createParser(text)) {
            JsonToken token;
            String field = null;
            while ((token = parser.nextToken()) != null) {
                int line = parser.currentTokenLocation().getLineNr();
                if (token == JsonToken.FIELD_NAME) {
                    field = parser.currentName();
                    lines.putIfAbsent(pointer(path) + "/" + field, line);
                    continue;
                }
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    index.pop();
                    path.removeLast();
                    continue;
                }
                String self = null;
                if (!index.isEmpty() && index.peek() >= 0) {
                    int i = index.pop();
                    index.push(i + 1);
                    self = String.valueOf(i);
                    lines.putIfAbsent(pointer(path) + "/" + self, line);
                } else if (!index.isEmpty()) {
                    self = field;
                }
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    if (self != null) {
                        path.addLast(self);
                    } else {
                        path.addLast("");
                    }
                    index.push(token == JsonToken.START_ARRAY ? 0 : -1);
                }
            }
        }
        return lines;
    }

    private static String pointer(Deque<String> path) {
        StringBuilder b = new StringBuilder();
        boolean first = true;
        for (String part : path) {
            if (first) { // the root
                first = false;
                continue;
            }
            b.append('/').append(part);
        }
        return b.toString();
    }
}
