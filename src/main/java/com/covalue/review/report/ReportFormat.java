package com.covalue.review.report;

import com.covalue.model.Json;
import com.covalue.review.Impact;
import com.covalue.review.Review;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;

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

    /** A renewal review; JSON is Review v1. */
    public String render(Review review) {
        return switch (this) {
            case text -> TextReview.render(review);
            case md -> MarkdownReview.render(review);
            case html -> HtmlReview.render(review);
            case json -> prettyJson(review);
        };
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
