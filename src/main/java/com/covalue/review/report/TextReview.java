package com.covalue.review.report;

import com.covalue.review.Review;
import com.covalue.review.Review.Reviewed;
import java.io.StringWriter;
import java.io.Writer;
import java.util.Locale;

/**
 * The review for a terminal: summary and urgency table first, then one block per relationship.
 * The page is {@code src/main/jte/plain/review/text.jte}; this class holds what it computes.
 */
public final class TextReview {

    /** One row of the urgency table: relationship, renewal, days, verdict, health, trend. */
    public static final String URGENCY_ROW = "  %-28s %-11s %-14s %-26s %6s  %s";

    private TextReview() {
    }

    /** The whole page, through {@link #render(Review, Writer)} so the goldens check what the command line writes. */
    public static String render(Review review) {
        StringWriter page = new StringWriter();
        render(review, page);
        return page.toString();
    }

    /** Writes the page onto {@code out} as it is rendered. */
    public static void render(Review review, Writer out) {
        Templates.plain("review/text.jte", review, out);
    }

    /** "▼ worse", or "first snapshot" when there is no history. */
    public static String trend(Reviewed r) {
        return r.travel() == null ? "first snapshot"
                : Words.arrow(r.travel().direction()) + " " + r.travel().direction().name().toLowerCase(Locale.ROOT);
    }

    public static String bar(Integer score) {
        return Words.bar(score, "(no facts)");
    }

    public static String cut(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }
}
