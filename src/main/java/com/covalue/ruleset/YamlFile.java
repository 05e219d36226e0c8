package com.covalue.ruleset;

import com.covalue.model.Json;
import com.covalue.model.Problem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A YAML file from the rules folder, read as a tree, with help to report a problem at the line
 * of the key it is about (Jackson's trees do not keep locations).
 */
record YamlFile(String name, List<String> strippedLines, JsonNode root) {

    /** Parses the text; a syntax error becomes a problem with its line and null is returned. */
    static YamlFile parse(String name, String text, List<Problem> problems) {
        try {
            JsonNode root = Json.YAML.readTree(text);
            if (root == null || !root.isObject()) {
                problems.add(Problem.atLine(name, 1, "expected a list of 'key: value' entries"));
                return null;
            }
            return new YamlFile(name, text.lines().map(String::strip).toList(), root);
        } catch (JsonProcessingException e) {
            problems.add(syntaxProblem(name, text, e));
            return null;
        }
    }

    /**
     * A YAML syntax error as one problem: its line, its column counted from 1, the character
     * named, and for the commonest mistake (a colon in a text) what to write instead.
     */
    static Problem syntaxProblem(String name, String text, JsonProcessingException e) {
        int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
        String reason = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage().lines().findFirst().orElse("").strip();
        java.util.regex.Matcher mark = java.util.regex.Pattern.compile("line (\\d+), column (\\d+)").matcher(e.getOriginalMessage() == null ? "" : e.getOriginalMessage());
        if (mark.find()) { // SnakeYAML's own mark points at the character itself (1-based)
            line = Integer.parseInt(mark.group(1));
            column = Integer.parseInt(mark.group(2));
        }
        String character = BadCharacter.at(text, line, column);
        StringBuilder message = new StringBuilder("not valid YAML");
        if (column > 0) {
            message.append(" at column ").append(column);
        }
        message.append(": ").append(reason);
        if (!character.isEmpty()) {
            message.append(", at ").append(character);
        }
        if (reason.startsWith("mapping values are not allowed")) {
            message.append("; a text containing ': ' must be in quotes, e.g. title: \"Agree: ...\"");
        }
        return Problem.atLine(name, line, message.toString());
    }

    /** Whether the text is YAML at all (a syntax error makes every check that depends on the file moot). */
    static boolean readable(String text) {
        try {
            Json.YAML.readTree(text);
            return true;
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /** The 1-based line where {@code key:} first appears at or after {@code fromLine}; 0 if not found. */
    int lineOf(String key, int fromLine) {
        // the lines are split and stripped once per file: a catalogue looks up hundreds of keys
        for (int i = Math.max(0, fromLine - 1); i < strippedLines.size(); i++) {
            String l = strippedLines.get(i);
            if (l.startsWith(key + ":") || l.startsWith("\"" + key + "\":") || l.startsWith("'" + key + "':")) {
                return i + 1;
            }
        }
        return 0;
    }

    static void eachField(JsonNode node, Consumer<Map.Entry<String, JsonNode>> action) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            action.accept(it.next());
        }
    }
}
