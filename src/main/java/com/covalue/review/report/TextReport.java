package com.covalue.review.report;

import com.covalue.model.Advice;
import com.covalue.model.Advice.DataGap;
import com.covalue.model.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.List;

/**
 * One relationship's advice as a report for a person reading a terminal, the most important
 * first ({@code covalue advise --format text}). The page is
 * {@code src/main/jte/plain/advice/text.jte}; this class holds its layout helpers.
 */
public final class TextReport {

    private static final int WIDTH = 96;
    private static final char NO_BREAK = '\u00a0';

    private TextReport() {
    }

    public static String render(Advice advice) {
        return Templates.plain("advice/text.jte", advice);
    }

    public static String days(long d) {
        return d >= 0 ? d + " days away" : -d + " days overdue";
    }

    public static String score(Integer score) {
        return score == null ? "  ?" : String.valueOf(score);
    }

    public static String bar(Integer score) {
        return Words.bar(score, "(no facts)          ");
    }

    /** A recommendation's title, by id (for the focus list). */
    public static String titleOf(Advice a, String id) {
        return a.recommendations().stream().filter(r -> r.id().equals(id)).map(r -> r.title() + " (" + id + ")")
                .findFirst().orElse(id);
    }

    /** The data gaps as one list to wrap, each field kept on one line with its count. */
    public static String gaps(Advice a) {
        List<String> gaps = new ArrayList<>();
        for (DataGap g : a.dataGaps()) {
            gaps.add(g.field() + NO_BREAK + "(" + g.asked() + ")");
        }
        return String.join(", ", gaps);
    }

    /**
     * With {@code --explain}: each rule that fired for the recommendation, at its file and line, and
     * each fact it matched as compact JSON.
     */
    public static List<String> explanation(Advice.Recommendation r) {
        List<String> lines = new ArrayList<>();
        for (Advice.Explanation e : r.explain()) {
            lines.addAll(wrap("    Rule: ", e.rule() + (e.file() == null ? "" : " (" + e.file() + ")")));
            for (Object fact : e.matched()) {
                lines.addAll(wrap("      matched ", compactJson(fact)));
            }
        }
        return lines;
    }

    private static String compactJson(Object fact) {
        try {
            return Json.MAPPER.writeValueAsString(fact);
        } catch (JsonProcessingException e) {
            return String.valueOf(fact);
        }
    }

    /** {@code text} wrapped at the report's width, the first line after {@code prefix}, the rest indented under it. */
    public static List<String> wrap(String prefix, String text) {
        List<String> lines = new ArrayList<>();
        String indent = " ".repeat(prefix.length());
        StringBuilder line = new StringBuilder(prefix);
        for (String word : text.split("\\s+")) {
            if (line.length() + word.length() + 1 > WIDTH && line.length() > prefix.length()) {
                lines.add(line.toString().stripTrailing());
                line = new StringBuilder(indent);
            }
            line.append(word.replace(NO_BREAK, ' ')).append(' ');
        }
        lines.add(line.toString().stripTrailing());
        return lines;
    }
}
