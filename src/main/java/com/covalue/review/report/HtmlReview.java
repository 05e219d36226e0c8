package com.covalue.review.report;

import com.covalue.model.Verdict;
import com.covalue.review.Review;
import com.covalue.review.Review.Reviewed;
import java.io.StringWriter;
import java.io.Writer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The review as one self-contained HTML file: styles inline, charts drawn as inline SVG, no
 * scripts, fonts or images fetched, so it opens offline and prints cleanly. The portfolio comes
 * first (gate, verdict counts, a table by urgency with a factor-health strip per relationship),
 * then one section per relationship with its verdict, reasons, charts and actions. The page is
 * {@code src/main/jte/html/review/page.jte}; this class holds what it computes.
 */
public final class HtmlReview {

    /** The stylesheet, {@code src/main/resources/report/review.css}, inlined into every page. */
    public static final String STYLE = loadStyle();

    private HtmlReview() {
    }

    /** The whole page, through {@link #render(Review, Writer)} so the goldens check what the command line writes. */
    public static String render(Review review) {
        StringWriter page = new StringWriter();
        render(review, page);
        return page.toString();
    }

    /** Writes the page onto {@code out} as it is rendered. */
    public static void render(Review review, Writer out) {
        Templates.html("review/page.jte", review, out);
    }

    /** Whether the snapshot is a file of its own, so {@code covalue advise FILE} can show the full advice. */
    public static boolean isOneFile(Reviewed r) {
        return r.source().file() != null && r.source().line() == null && r.source().index() == null;
    }

    /** "better", "steady" or "worse"; the relationship must have a history. */
    public static String direction(Reviewed r) {
        return r.travel().direction().name().toLowerCase(Locale.ROOT);
    }

    public static String css(Verdict v) {
        return v.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static String anchor(Reviewed r) {
        return "rel-" + r.id();
    }

    private static String loadStyle() {
        try (InputStream in = HtmlReview.class.getResourceAsStream("/report/review.css")) {
            if (in == null) {
                throw new IllegalStateException("report/review.css is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
