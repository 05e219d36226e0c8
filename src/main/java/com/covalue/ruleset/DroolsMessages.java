package com.covalue.ruleset;

import com.covalue.model.Problem;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.compiler.compiler.DescrBuildError;
import org.kie.internal.builder.KnowledgeBuilderError;

/**
 * Turns Drools' build errors into messages a governance lead can act on, keeping the file and
 * line. Unrecognised messages pass through with Drools' own wording, trimmed.
 */
final class DroolsMessages {

    static final String FACT_TYPES = "Relationship, Timeline, Governance, Trust, Openness, Delivery, MutualGoals, "
            + "Measurement, Innovation, Context, Perception, PracticeAnswers, BelowGoodEnough; with history also Change, PerceptionTrend and Previous; in renewal rules "
            + "also HealthScore, OverallHealth, UnhappyClient and Recommended";

    private static final Pattern UNKNOWN_TYPE = Pattern.compile("Unable to resolve ObjectType '([^']+)'");
    private static final Pattern UNKNOWN_FIELD = Pattern.compile(
            "unable to resolve method using strict-mode: [\\w.]*?(\\w+)\\.(\\w+)\\(\\)");
    private static final Pattern SYNTAX = Pattern.compile("\\[ERR \\d+\\] Line (\\d+):(\\d+) (.*)", Pattern.DOTALL);

    private DroolsMessages() {
    }

    /** @param texts the rule files' text by name, to name the character a syntax error points at */
    static Problem translate(KnowledgeBuilderError error, java.util.Map<String, String> texts) {
        String file = error.getResource() == null ? "(rules)" : error.getResource().getSourcePath();
        int line = error.getLines() != null && error.getLines().length > 0 ? error.getLines()[0] : 0;
        if (line <= 0 && error instanceof DescrBuildError built && built.getParentDescr() != null) {
            line = built.getParentDescr().getLine(); // e.g. a misspelt Factor.X: Drools knows only its rule
        }
        String raw = error.getMessage() == null ? "unknown error" : error.getMessage().strip();
        return Problem.atLine(file, line, explain(raw, texts.get(file), line));
    }

    static String explain(String raw) {
        return explain(raw, null, 0);
    }

    private static String explain(String raw, String text, int line) {
        Matcher type = UNKNOWN_TYPE.matcher(raw);
        if (type.find()) {
            return "'" + type.group(1) + "' is not a fact type; the fact types are " + FACT_TYPES;
        }
        Matcher field = UNKNOWN_FIELD.matcher(raw);
        if (field.find()) {
            if (field.group(2).matches("[A-Z][A-Z0-9_]*")) {
                return "'" + field.group(1) + "." + field.group(2) + "' is not one of the values of " + field.group(1)
                        + "; check the spelling (values are in capitals, e.g. Factor.MUTUAL_GOALS)";
            }
            return "'" + field.group(2) + "' is not a fact of " + field.group(1)
                    + "; check the spelling against the snapshot contract (the field names are case-sensitive)";
        }
        Matcher syntax = SYNTAX.matcher(raw);
        if (syntax.find()) {
            int column = Integer.parseInt(syntax.group(2)) + 1; // Drools counts from 0, editors from 1
            String character = text == null ? "" : BadCharacter.at(text, Integer.parseInt(syntax.group(1)), column);
            return "syntax error at column " + column + (character.isEmpty() ? "" : ", at " + character) + ": "
                    + firstLine(syntax.group(3)) + " (check for a missing bracket, comma, quote or 'end')";
        }
        if (raw.contains("Rule Compilation error")) {
            return "the 'then' part does not compile: " + firstLine(raw.replaceFirst("(?s).*?Rule Compilation error", "").strip());
        }
        return firstLine(raw);
    }

    private static String firstLine(String s) {
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl).strip();
    }
}
