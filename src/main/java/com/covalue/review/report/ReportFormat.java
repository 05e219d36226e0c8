package com.covalue.review.report;

import com.covalue.model.Json;
import com.covalue.review.Impact;
import com.covalue.review.Review;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * The formats a portfolio report is written in, by the names {@code --format} and the stored
 * review's {@code ?format=} take, each with the media type an HTTP answer declares for it.
 */
public enum ReportFormat {
    text("text/plain; charset=utf-8"),
    md("text/markdown; charset=utf-8"),
    html("text/html; charset=utf-8"),
    json("application/json");

    private final String mediaType;

    ReportFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /** A renewal review; JSON is Review v1. Written by {@link #write(Review, Writer)}, as the command line writes it. */
    public String render(Review review) {
        StringWriter report = new StringWriter();
        try {
            write(review, report);
        } catch (IOException e) { // a StringWriter does not fail
            throw new UncheckedIOException(e);
        }
        return report.toString();
    }

    /**
     * A renewal review written onto {@code out} as it is rendered, never held whole: the report of a
     * large portfolio is several times the size of the heap a review runs in (about 18 KB per
     * relationship due). {@code out} is left open.
     */
    public void write(Review review, Writer out) throws IOException {
        switch (this) {
            case text -> TextReview.render(review, out);
            case md -> MarkdownReview.render(review, out);
            case html -> HtmlReview.render(review, out);
            case json -> {
                Json.MAPPER.writerWithDefaultPrettyPrinter().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, review);
                out.write('\n');
            }
        }
    }

    /** What a draft rule folder would change. */
    public String render(Impact impact) {
        return switch (this) {
            case text -> ImpactReport.text(impact);
            case md -> ImpactReport.markdown(impact);
            case html -> ImpactReport.html(impact);
            case json -> prettyJson(impact);
        };
    }

    /** Pretty-printed, with a final newline, as the command line writes it. */
    private static String prettyJson(Object value) {
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
