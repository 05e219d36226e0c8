package com.covalue.review.report;

import com.covalue.model.Advice.Alignment;
import com.covalue.model.Advice.FactorHealth;
import com.covalue.review.Review;
import com.covalue.review.Review.Reviewed;
import java.io.StringWriter;
import java.io.Writer;

/**
 * The review in GitHub-flavoured Markdown, for wikis and pull requests. The page is
 * {@code src/main/jte/plain/review/markdown.jte}; this class holds its escaping and lookups.
 */
public final class MarkdownReview {

    /** A Markdown line break: two spaces before the newline (written so editors do not trim it). */
    public static final String BREAK = "  ";

    private MarkdownReview() {
    }

    /** The whole page, through {@link #render(Review, Writer)} so the goldens check what the command line writes. */
    public static String render(Review review) {
        StringWriter page = new StringWriter();
        render(review, page);
        return page.toString();
    }

    /** Writes the page onto {@code out} as it is rendered. */
    public static void render(Review review, Writer out) {
        Templates.plain("review/markdown.jte", review, out);
    }

    /** Both sides' ratings of the factor, or null when not both rated it. */
    public static Alignment rated(Reviewed r, FactorHealth f) {
        return r.alignment().stream().filter(a -> a.factor() == f.factor()).findFirst().orElse(null);
    }

    /** Keeps names and reasons from breaking tables or turning into markup. */
    public static String esc(String text) {
        return Words.printable(text).replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")
                .replace("*", "\\*").replace("_", "\\_").replace("[", "\\[").replace("]", "\\]")
                .replace("\r", " ").replace("\n", " ");
    }

    /** Relationship ids are letters, digits, dots, underscores and hyphens, so they make unique anchors as they are. */
    public static String anchor(String id) {
        return "rel-" + id;
    }
}
