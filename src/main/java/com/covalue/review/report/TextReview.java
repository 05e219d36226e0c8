package com.covalue.review.report;

import com.covalue.review.Review;
import com.covalue.review.Review.Action;
import com.covalue.review.Review.Reviewed;
import java.util.ArrayList;
import java.util.List;
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

    public static String render(Review review) {
        return Templates.plain("review/text.jte", review);
    }

    /** A list of actions under its heading; the reasons are shown for conditions only. */
    public record Actions(String heading, List<Action> actions, boolean withReasons) {
    }

    /** The conditions, then the other top recommendations, each only when there are some. */
    public static List<Actions> actionGroups(Reviewed r) {
        List<Actions> groups = new ArrayList<>(2);
        if (!r.conditions().isEmpty()) {
            groups.add(new Actions("Conditions before signing", r.conditions(), true));
        }
        if (!r.topRecommendations().isEmpty()) {
            groups.add(new Actions(r.conditions().isEmpty() ? "Top recommendations" : "Other top recommendations",
                    r.topRecommendations(), false));
        }
        return groups;
    }

    /** How many recommendations the review leaves to the full advice. */
    public static int more(Reviewed r) {
        return r.recommendationCount() - r.conditions().size() - r.topRecommendations().size();
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
