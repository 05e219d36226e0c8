package com.covalue.review.report;

import com.covalue.model.Owner;
import com.covalue.model.Verdict;
import com.covalue.review.PortfolioItem;
import com.covalue.review.Review;
import com.covalue.review.Review.Direction;
import com.covalue.review.Review.Reviewed;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/** The words every review format shares, so text, Markdown and HTML say the same thing. */
final class Words {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private Words() {
    }

    static String verdict(Verdict v) {
        return switch (v) {
            case RENEW -> "Renew";
            case RENEW_WITH_CONDITIONS -> "Renew with conditions";
            case REMEDIATE_BEFORE_RENEWAL -> "Remediate before renewal";
            case REVIEW_EXIT_OPTIONS -> "Review exit options";
        };
    }

    /** What each verdict asks of the people reading the report. */
    static String meaning(Verdict v) {
        return switch (v) {
            case RENEW -> "the relationship is in good shape; renew on current terms";
            case RENEW_WITH_CONDITIONS -> "renew once the listed conditions are in place";
            case REMEDIATE_BEFORE_RENEWAL -> "fix the listed problems first; do not sign as things stand";
            case REVIEW_EXIT_OPTIONS -> "the relationship looks past its strategic use; weigh intervention against a managed exit";
        };
    }

    static String days(long days) {
        if (days == 0) {
            return "today";
        }
        if (days < 0) {
            return -days + (days == -1 ? " day" : " days") + " overdue";
        }
        return "in " + days + (days == 1 ? " day" : " days");
    }

    static String date(LocalDate d) {
        return d == null ? "unknown" : DATE.format(d);
    }

    static String owner(Owner o) {
        return switch (o) {
            case CLIENT -> "Client";
            case SUPPLIER -> "Supplier";
            case JOINT -> "Joint";
        };
    }

    static String score(Integer score) {
        return score == null ? "n/a" : score.toString();
    }

    static String arrow(Direction d) {
        return switch (d) {
            case BETTER -> "▲";
            case STEADY -> "▶";
            case WORSE -> "▼";
        };
    }

    /** "health 48 → 41, verdict Renew → Remediate before renewal, since 1 May 2026". */
    static String travel(Review.Travel t) {
        StringBuilder s = new StringBuilder(t.direction().name().toLowerCase(Locale.ROOT)).append(": health ")
                .append(score(t.healthBefore())).append(" → ").append(score(t.healthNow()));
        if (t.verdictBefore() != null && t.verdictBefore() != t.verdictNow()) {
            s.append(", verdict ").append(verdict(t.verdictBefore())).append(" → ").append(verdict(t.verdictNow()));
        }
        return s.append(" since ").append(date(t.since())).toString();
    }

    static String name(Reviewed r) {
        return r.name() == null ? r.id() : r.name();
    }

    static String parties(Reviewed r) {
        if (r.client() == null && r.supplier() == null) {
            return null;
        }
        return (r.client() == null ? "client not named" : r.client()) + " ↔ "
                + (r.supplier() == null ? "supplier not named" : r.supplier());
    }

    static String money(BigDecimal value, String currency) {
        if (value == null) {
            return null;
        }
        NumberFormat f = NumberFormat.getIntegerInstance(Locale.ENGLISH);
        return (currency == null ? "" : currency + " ") + f.format(value) + " a year";
    }

    static String source(PortfolioItem item) {
        return item == null ? "" : item.describe();
    }

    static String plural(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /** "12 snapshots read · 9 relationships · 6 reviewed · 3 not due · 1 unreadable". */
    static String counts(Review.Summary s) {
        return String.join(" · ", List.of(
                plural(s.snapshotsRead(), "snapshot read", "snapshots read"),
                plural(s.relationships(), "relationship", "relationships"),
                s.reviewed() + " due for renewal",
                s.notDue() + " not due",
                plural(s.invalid(), "unreadable snapshot", "unreadable snapshots")));
    }

    /**
     * The gate in one sentence for people, naming who failed it: "Gate failed: 2 of 5 due
     * relationships are at Remediate before renewal or worse: A, B."
     */
    static String gateSentence(Review review) {
        Review.Gate g = review.summary().gate();
        Map<String, String> names = new HashMap<>();
        review.reviewed().forEach(r -> names.put(r.id(), name(r)));
        StringBuilder s = new StringBuilder(g.passed() ? "Gate passed: " : "Gate failed: ");
        int due = review.summary().reviewed();
        if (g.failing().isEmpty()) {
            s.append(due == 0 ? "no relationship is due for renewal" : "none of the " + plural(due, "due relationship", "due relationships")
                    + (due == 1 ? " is" : " are") + " at " + verdict(g.failOn()) + " or worse");
        } else {
            s.append(g.failing().size()).append(" of ").append(plural(due, "due relationship", "due relationships"))
                    .append(g.failing().size() == 1 ? " is" : " are").append(" at ").append(verdict(g.failOn()))
                    .append(" or worse: ").append(String.join(", ", g.failing().stream().map(names::get).toList()));
        }
        int invalid = review.summary().invalid();
        if (invalid > 0) {
            s.append(g.strict() ? "; and " : "; ").append(plural(invalid, "snapshot", "snapshots")).append(" could not be read")
                    .append(g.strict() ? ", which fails the gate in a strict review" : " (not counted: the review is not strict)");
        }
        return s.append('.').toString();
    }
}
