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
import java.util.stream.Collectors;

/** The words every review format shares, so text, Markdown and HTML say the same thing. */
public final class Words {

    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private Words() {
    }

    public static String verdict(Verdict v) {
        return switch (v) {
            case RENEW -> "Renew";
            case RENEW_WITH_CONDITIONS -> "Renew with conditions";
            case REMEDIATE_BEFORE_RENEWAL -> "Remediate before renewal";
            case REVIEW_EXIT_OPTIONS -> "Review exit options";
        };
    }

    /** What each verdict asks of the people reading the report. */
    public static String meaning(Verdict v) {
        return switch (v) {
            case RENEW -> "the relationship is in good shape; renew on current terms";
            case RENEW_WITH_CONDITIONS -> "renew once the listed conditions are in place";
            case REMEDIATE_BEFORE_RENEWAL -> "fix the listed problems first; do not sign as things stand";
            case REVIEW_EXIT_OPTIONS -> "the relationship looks past its strategic use; weigh intervention against a managed exit";
        };
    }

    public static String days(long days) {
        if (days == 0) {
            return "today";
        }
        if (days < 0) {
            return -days + (days == -1 ? " day" : " days") + " overdue";
        }
        return "in " + days + (days == 1 ? " day" : " days");
    }

    public static String date(LocalDate d) {
        return d == null ? "unknown" : DATE.format(d);
    }

    public static String owner(Owner o) {
        return switch (o) {
            case CLIENT -> "Client";
            case SUPPLIER -> "Supplier";
            case JOINT -> "Joint";
        };
    }

    public static String score(Integer score) {
        return score == null ? "n/a" : score.toString();
    }

    public static String arrow(Direction d) {
        return switch (d) {
            case BETTER -> "▲";
            case STEADY -> "▶";
            case WORSE -> "▼";
        };
    }

    /** "health 48 → 41, verdict Renew → Remediate before renewal, since 1 May 2026". */
    public static String travel(Review.Travel t) {
        StringBuilder s = new StringBuilder(t.direction().name().toLowerCase(Locale.ROOT)).append(": health ")
                .append(score(t.healthBefore())).append(" → ").append(score(t.healthNow()));
        if (t.verdictBefore() != null && t.verdictBefore() != t.verdictNow()) {
            s.append(", verdict ").append(verdict(t.verdictBefore())).append(" → ").append(verdict(t.verdictNow()));
        }
        return s.append(", since ").append(date(t.since())).toString();
    }

    public static String name(Reviewed r) {
        return printable(r.name() == null ? r.id() : r.name());
    }

    /**
     * Text from a snapshot made safe to print: control characters (which could move a terminal's
     * cursor or break a table row) and bidirectional overrides (which can make text read
     * differently from what it is) become spaces.
     */
    public static String printable(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder s = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean unsafe = Character.isISOControl(c) || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
            if (unsafe && s == null) {
                s = new StringBuilder(text.substring(0, i));
            }
            if (s != null) {
                s.append(unsafe ? ' ' : c);
            }
        }
        return s == null ? text : s.toString();
    }

    public static String parties(Reviewed r) {
        if (r.client() == null && r.supplier() == null) {
            return null;
        }
        return printable((r.client() == null ? "client not named" : r.client()) + " ↔ "
                + (r.supplier() == null ? "supplier not named" : r.supplier()));
    }

    public static String money(BigDecimal value, String currency) {
        if (value == null) {
            return null;
        }
        NumberFormat f = NumberFormat.getIntegerInstance(Locale.ENGLISH);
        return (currency == null ? "" : currency + " ") + f.format(value) + " a year";
    }

    public static String source(PortfolioItem item) {
        return item == null ? "" : printable(item.describe());
    }

    /**
     * The problems worth listing under an unreadable snapshot: a malformed file's one problem
     * repeats its message, so it is left out.
     */
    public static List<com.covalue.model.Problem> problems(Review.Unreadable u) {
        var errors = u.error().errors();
        if (errors.size() == 1 && u.error().message().toLowerCase(Locale.ROOT).contains(errors.get(0).message().toLowerCase(Locale.ROOT))) {
            return List.of();
        }
        return errors;
    }

    /** How long before the review the snapshot was taken, and whether that is too long to trust. */
    public static String age(Reviewed r) {
        long days = r.assessmentAgeDays();
        String age = days == 0 ? "assessed on the review day" : "assessed " + days + (days == 1 ? " day" : " days") + " before the review";
        return days > STALE_AFTER_DAYS ? age + " (stale: reassess before deciding)" : age;
    }

    /** An assessment older than a quarter may no longer describe the relationship. */
    public static final long STALE_AFTER_DAYS = 90;

    public static String plural(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /** "12 snapshots given · 9 relationships · 6 due for renewal · 3 not due · 1 could not be read". */
    public static String counts(Review.Summary s) {
        return String.join(" · ", List.of(
                plural(s.snapshotsGiven(), "snapshot given", "snapshots given"),
                plural(s.relationships(), "relationship", "relationships"),
                s.reviewed() + " due for renewal",
                s.notDue() + " not due",
                s.invalid() + " could not be read"));
    }

    /**
     * The gate in one sentence for people, naming who failed it: "Gate failed: 2 of 5 due
     * relationships are at Remediate before renewal or worse: A, B."
     */
    public static String gateSentence(Review review) {
        Review.Gate g = review.summary().gate();
        Map<String, String> names = new HashMap<>();
        Map<String, Long> sameName = review.reviewed().stream()
                .collect(Collectors.groupingBy(Words::name, Collectors.counting()));
        review.reviewed().forEach(r -> names.put(r.id(), sameName.get(name(r)) > 1 ? name(r) + " (" + r.id() + ")" : name(r)));
        StringBuilder s = new StringBuilder(g.passed() ? "Gate passed: " : "Gate failed: ");
        int due = review.summary().reviewed();
        if (g.failing().isEmpty()) {
            s.append(due == 0 ? "no relationship is due for renewal"
                    : (due == 1 ? "the one due relationship is not" : "none of the " + due + " due relationships is")
                            + " at " + verdict(g.failOn()) + " or worse");
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

    /** A 0-100 score as a bar of twenty characters, one {@code #} per five points; {@code unknown} when there is none. */
    public static String bar(Integer score, String unknown) {
        if (score == null) {
            return unknown;
        }
        int filled = (int) Math.round(score / 5.0);
        return "#".repeat(filled) + ".".repeat(20 - filled);
    }
}
