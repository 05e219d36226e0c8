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
import java.util.Map;
import java.util.stream.Collectors;

/** The review in GitHub-flavoured Markdown, for wikis and pull requests. */
public final class MarkdownReview {

    private MarkdownReview() {
    }

    public static String render(Review review) {
        StringBuilder s = new StringBuilder();
        var sum = review.summary();
        s.append("# Renewal review, ").append(date(review.asOf())).append("\n\n");
        s.append("Renewals within ").append(review.withinDays()).append(" days · rules revision `")
                .append(review.rules().revision()).append("` (").append(review.rules().count()).append(" rules)  \n");
        s.append(counts(sum)).append("\n\n");
        s.append("> **").append(esc(gateSentence(review))).append("**\n\n");

        s.append("| Verdict | Relationships |\n|---|---:|\n");
        for (Verdict v : Verdict.values()) {
            s.append("| ").append(verdict(v)).append(" | ").append(sum.verdicts().get(v)).append(" |\n");
        }

        if (!review.reviewed().isEmpty()) {
            s.append("\n## Due for renewal, most urgent first\n\n");
            s.append("| Relationship | Renewal | Verdict | Health | Trend | Conditions |\n|---|---|---|---:|---|---:|\n");
            for (Reviewed r : review.reviewed()) {
                s.append("| [").append(esc(name(r))).append("](#").append(anchor(r.id())).append(") | ")
                        .append(r.renewalDate()).append(" (").append(days(r.daysToRenewal())).append(") | **")
                        .append(verdict(r.verdict())).append("** | ").append(score(r.health().overall())).append(" | ")
                        .append(r.travel() == null ? "" : arrow(r.travel().direction()) + " " + r.travel().direction().name().toLowerCase())
                        .append(" | ").append(r.conditions().size()).append(" |\n");
            }
            for (Reviewed r : review.reviewed()) {
                relationship(s, r);
            }
        }

        if (!review.notDue().isEmpty()) {
            s.append("\n## Not due\n\n| Relationship | Renewal | Why not reviewed |\n|---|---|---|\n");
            for (NotDue n : review.notDue()) {
                s.append("| ").append(esc(n.name() == null ? n.id() : n.name())).append(" | ")
                        .append(n.renewalDate() == null ? "unknown" : n.renewalDate().toString()).append(" | ")
                        .append(esc(n.reason())).append(" |\n");
            }
        }
        if (!review.invalid().isEmpty()) {
            s.append("\n## Could not read\n\n| Where | Problems |\n|---|---|\n");
            for (Unreadable u : review.invalid()) {
                s.append("| `").append(u.source().describe()).append("` | ").append(esc(u.error().message()));
                for (Problem p : u.error().errors()) {
                    s.append("<br>").append(esc(p.describe()));
                }
                s.append(" |\n");
            }
        }
        if (!review.warnings().isEmpty()) {
            s.append("\n## Warnings\n\n");
            review.warnings().forEach(w -> s.append("- ").append(esc(w)).append('\n'));
        }
        return s.toString();
    }

    private static void relationship(StringBuilder s, Reviewed r) {
        s.append("\n<a id=\"").append(anchor(r.id())).append("\"></a>\n\n### ").append(esc(name(r)))
                .append(": ").append(verdict(r.verdict())).append("\n\n");
        String parties = parties(r);
        s.append(parties == null ? "" : esc(parties) + "  \n");
        s.append("Renewal ").append(date(r.renewalDate())).append(" (").append(days(r.daysToRenewal())).append(") · assessed ")
                .append(date(r.assessedOn())).append(" · `").append(source(r.source())).append('`');
        String money = money(r.annualValue(), r.currency());
        s.append(money == null ? "" : " · " + money).append("\n\n");
        s.append("**").append(verdict(r.verdict())).append("**: ").append(meaning(r.verdict())).append(". Because:\n\n");
        r.reasons().forEach(reason -> s.append("- ").append(esc(reason)).append('\n'));
        if (r.travel() != null) {
            s.append("\nDirection of travel ").append(arrow(r.travel().direction())).append(' ').append(travel(r.travel())).append('\n');
        }

        Map<String, Alignment> rated = r.alignment().stream().collect(Collectors.toMap(a -> a.factor().key(), a -> a));
        s.append("\n| Factor | Health | Client rates | Supplier rates |\n|---|---:|---:|---:|\n");
        s.append("| **Overall** | **").append(score(r.health().overall())).append("** | | |\n");
        for (FactorHealth f : r.health().factors()) {
            Alignment a = rated.get(f.factor().key());
            s.append("| ").append(f.factor().label()).append(" | ").append(score(f.score())).append(" | ")
                    .append(a == null ? "" : a.client() + "/5").append(" | ")
                    .append(a == null ? "" : a.supplier() + "/5" + (a.gap() >= 2 ? " (gap " + a.gap() + ")" : "")).append(" |\n");
        }
        actions(s, "Conditions before signing", r.conditions());
        actions(s, "Top recommendations", r.topRecommendations());
    }

    private static void actions(StringBuilder s, String heading, List<Action> actions) {
        if (actions.isEmpty()) {
            return;
        }
        s.append("\n**").append(heading).append("**\n\n| Priority | Action | Owner | Factor |\n|---|---|---|---|\n");
        for (Action a : actions) {
            s.append("| ").append(a.level()).append(' ').append(a.priority()).append(" | ").append(esc(a.title())).append(" | ")
                    .append(owner(a.owner())).append(" | ").append(a.factor().label()).append(" |\n");
        }
    }

    /** Keeps names and reasons from breaking tables or turning into markup. */
    static String esc(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")
                .replace("*", "\\*").replace("_", "\\_").replace("[", "\\[").replace("]", "\\]")
                .replace("\r", " ").replace("\n", " ");
    }

    /** Relationship ids are letters, digits, dots, underscores and hyphens, so they make unique anchors as they are. */
    static String anchor(String id) {
        return "rel-" + id;
    }
}
