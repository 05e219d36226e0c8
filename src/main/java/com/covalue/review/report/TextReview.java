package com.covalue.review.report;

import static com.covalue.review.report.Words.*;

import com.covalue.model.Advice.Alignment;
import com.covalue.model.Advice.FactorHealth;
import com.covalue.model.Problem;
import com.covalue.model.Verdict;
import com.covalue.review.Review;
import com.covalue.review.Review.Action;
import com.covalue.review.Review.NotDue;
import com.covalue.review.Review.Reviewed;
import com.covalue.review.Review.Unreadable;
import java.util.List;

/** The review for a terminal: summary and urgency table first, then one block per relationship. */
public final class TextReview {

    private TextReview() {
    }

    public static String render(Review review) {
        StringBuilder s = new StringBuilder();
        var sum = review.summary();
        s.append("RENEWAL REVIEW as of ").append(date(review.asOf())).append(", renewals within ")
                .append(review.withinDays()).append(" days\n");
        s.append("Rules revision ").append(review.rules().revision()).append(" (").append(review.rules().count()).append(" rules)\n");
        s.append(counts(sum)).append('\n');
        s.append(gateSentence(review)).append("\n\n");

        s.append("VERDICTS\n");
        for (Verdict v : Verdict.values()) {
            s.append(String.format("  %-26s %5d%n", verdict(v), sum.verdicts().get(v)));
        }

        if (!review.reviewed().isEmpty()) {
            s.append("\nDUE FOR RENEWAL, most urgent first\n");
            s.append(String.format("  %-28s %-11s %-14s %-26s %6s  %s%n", "Relationship", "Renewal", "", "Verdict", "Health", "Trend"));
            for (Reviewed r : review.reviewed()) {
                s.append(String.format("  %-28s %-11s %-14s %-26s %6s  %s%n", cut(name(r), 28), r.renewalDate(),
                        days(r.daysToRenewal()), verdict(r.verdict()), score(r.health().overall()),
                        r.travel() == null ? "" : arrow(r.travel().direction()) + " " + r.travel().direction().name().toLowerCase()));
            }
        }

        for (Reviewed r : review.reviewed()) {
            relationship(s, r);
        }

        if (!review.notDue().isEmpty()) {
            s.append("\nNOT DUE\n");
            for (NotDue n : review.notDue()) {
                s.append(String.format("  %-28s %s%n", cut(n.name() == null ? n.id() : n.name(), 28), n.reason()));
            }
        }
        if (!review.invalid().isEmpty()) {
            s.append("\nCOULD NOT READ\n");
            for (Unreadable u : review.invalid()) {
                s.append("  ").append(u.source().describe()).append(": ").append(u.error().message()).append('\n');
                for (Problem p : u.error().errors()) {
                    s.append("    ").append(p.describe()).append('\n');
                }
            }
        }
        if (!review.warnings().isEmpty()) {
            s.append("\nWARNINGS\n");
            review.warnings().forEach(w -> s.append("  ").append(w).append('\n'));
        }
        return s.toString();
    }

    private static void relationship(StringBuilder s, Reviewed r) {
        s.append("\n").append("=".repeat(96)).append('\n');
        s.append(name(r)).append(r.name() == null ? "" : " (" + r.id() + ")").append('\n');
        String parties = parties(r);
        if (parties != null) {
            s.append(parties).append('\n');
        }
        s.append("Renewal ").append(date(r.renewalDate())).append(", ").append(days(r.daysToRenewal()))
                .append(" · assessed ").append(date(r.assessedOn())).append(" · ").append(source(r.source()));
        String money = money(r.annualValue(), r.currency());
        s.append(money == null ? "" : " · " + money).append('\n');
        s.append("VERDICT ").append(verdict(r.verdict()).toUpperCase()).append(": ").append(meaning(r.verdict())).append('\n');
        r.reasons().forEach(reason -> s.append("  - ").append(reason).append('\n'));
        if (r.travel() != null) {
            s.append("Direction of travel ").append(arrow(r.travel().direction())).append(' ').append(travel(r.travel())).append('\n');
        }

        s.append("\nHealth overall ").append(score(r.health().overall())).append('\n');
        for (FactorHealth f : r.health().factors()) {
            s.append(String.format("  %-13s %4s  %s%n", f.factor().label(), score(f.score()), bar(f.score())));
        }
        if (!r.alignment().isEmpty()) {
            s.append("\nPerceptions (1-5)    client  supplier\n");
            for (Alignment a : r.alignment()) {
                s.append(String.format("  %-18s %6d  %8d%s%n", a.factor().label(), a.client(), a.supplier(),
                        a.gap() >= 2 ? "   gap " + a.gap() : ""));
            }
        }
        actions(s, "Conditions before signing", r.conditions());
        actions(s, "Top recommendations", r.topRecommendations());
    }

    private static void actions(StringBuilder s, String heading, List<Action> actions) {
        if (actions.isEmpty()) {
            return;
        }
        s.append('\n').append(heading).append('\n');
        int n = 1;
        for (Action a : actions) {
            s.append(String.format("  %d. [%s %d] %s (owner: %s)%n", n++, a.level(), a.priority(), a.title(), owner(a.owner())));
        }
    }

    private static String bar(Integer score) {
        if (score == null) {
            return "(no facts)";
        }
        int filled = (int) Math.round(score / 5.0);
        return "#".repeat(filled) + ".".repeat(20 - filled);
    }

    private static String cut(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }
}
