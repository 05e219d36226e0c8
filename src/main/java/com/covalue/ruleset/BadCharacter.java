package com.covalue.ruleset;

import com.covalue.model.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Names the character a parser stopped at, so that an invisible or look-alike mistake can be
 * seen: curly quotes pasted from a word processor, a non-breaking space, a tab.
 */
final class BadCharacter {

    /** Look-alikes of the straight quotes, with the straight quote to use instead. */
    private static final Map<Character, String> CURLY_QUOTES = Map.of(
            '\u2018', "'", '\u2019', "'", '\u201A', "'", '\u201B', "'",
            '\u201C', "\"", '\u201D', "\"", '\u201E', "\"", '\u00AB', "\"", '\u00BB', "\"");

    private BadCharacter() {
    }

    /** The character at a 1-based line and column of the text, named; empty when out of range. */
    static String at(String text, int line, int column) {
        List<String> lines = text.lines().toList();
        if (line < 1 || line > lines.size() || column < 1 || column > lines.get(line - 1).length()) {
            return "";
        }
        return name(lines.get(line - 1).charAt(column - 1));
    }

    /** {@code ':'}, or {@code ’ (U+2019, a curly quote: type a straight ' instead)}. */
    static String name(char c) {
        String code = String.format("U+%04X", (int) c);
        if (CURLY_QUOTES.containsKey(c)) {
            return c + " (" + code + ", a curly quote from a word processor: type a straight " + CURLY_QUOTES.get(c) + " instead)";
        }
        if (c == '\u00A0') {
            return "a non-breaking space (U+00A0): type an ordinary space instead";
        }
        if (c == '\t') {
            return "a tab: indent with spaces instead";
        }
        if (c < 32 || c > 126) {
            return c + " (" + code + ")";
        }
        return "'" + c + "'";
    }

    /**
     * Curly quotes in a rule file that does not parse, outside straight-quoted text and comments
     * (inside a reason they are fine): one problem at the first on each line, with its column.
     */
    static List<Problem> curlyQuotesInDrl(String file, String text) {
        List<Problem> problems = new ArrayList<>();
        List<String> lines = text.lines().toList();
        boolean inBlockComment = false;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            boolean inString = false;
            for (int j = 0; j < l.length(); j++) {
                char c = l.charAt(j);
                if (inBlockComment) {
                    if (c == '*' && j + 1 < l.length() && l.charAt(j + 1) == '/') {
                        inBlockComment = false;
                        j++;
                    }
                } else if (inString) {
                    if (c == '\\') {
                        j++;
                    } else if (c == '"') {
                        inString = false;
                    }
                } else if (c == '"') {
                    inString = true;
                } else if (c == '/' && j + 1 < l.length() && l.charAt(j + 1) == '/') {
                    break;
                } else if (c == '/' && j + 1 < l.length() && l.charAt(j + 1) == '*') {
                    inBlockComment = true;
                    j++;
                } else if (CURLY_QUOTES.containsKey(c)) {
                    problems.add(Problem.atLine(file, i + 1, "syntax error at column " + (j + 1) + ": " + name(c)));
                    break;
                }
            }
        }
        return problems;
    }
}
