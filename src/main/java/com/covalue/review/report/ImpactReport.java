package com.covalue.review.report;

import com.covalue.review.Impact;
import com.covalue.review.Impact.Change;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code covalue diff}'s report as text, Markdown and HTML: the summary, then one block per
 * relationship whose advice changes. The pages are {@code src/main/jte/plain/impact/} and
 * {@code src/main/jte/html/impact/page.jte}; this class holds the sentences they share.
 */
public final class ImpactReport {

    private ImpactReport() {
    }

    public static String text(Impact impact) {
        return Templates.plain("impact/text.jte", impact);
    }

    public static String markdown(Impact impact) {
        return Templates.plain("impact/markdown.jte", impact);
    }

    public static String html(Impact impact) {
        return Templates.html("impact/page.jte", impact);
    }

    /** "rules-draft (revision 1a2b..., 191 rules)". */
    public static String rules(Impact.Rules r) {
        return r.folder() + " (revision " + r.revision() + ", " + r.count() + " rules)";
    }

    /** "26 relationships compared: 3 change, 1 gets a worse verdict, none a better one." */
    public static String headline(Impact.Summary s) {
        return Words.plural(s.relationships(), "relationship", "relationships") + " compared: "
                + (s.changed() == 0 ? "the draft changes no advice." : s.changed() + (s.changed() == 1 ? " changes, " : " change, ")
                + (s.worseVerdict() == 0 ? "none" : String.valueOf(s.worseVerdict()))
                + (s.worseVerdict() == 1 ? " gets" : " get") + " a worse verdict, "
                + (s.betterVerdict() == 0 ? "none" : String.valueOf(s.betterVerdict())) + " a better one.");
    }

    /** "2 recommendations new, 1 dropped, 5 priorities moved". */
    public static String moves(Impact.Summary s) {
        return Words.plural(s.recommendationsAdded(), "recommendation", "recommendations") + " new, "
                + s.recommendationsDropped() + " dropped, " + Words.plural(s.priorityMoves(), "priority", "priorities") + " moved";
    }

    /** "Northwind helpdesk (northwind-helpdesk)", or the id alone. */
    public static String title(Change c) {
        return c.name() == null || c.name().isBlank() ? c.id() : Words.printable(c.name()) + " (" + c.id() + ")";
    }

    /** "Renew with conditions → Remediate before renewal (worse)". */
    public static String verdict(Impact.VerdictChange v) {
        return Words.verdict(v.before()) + " → " + Words.verdict(v.after()) + (v.worse() ? " (worse)" : " (better)");
    }

    /** "overall 61 → 58; trust 40 → 35". */
    public static String health(Impact.HealthChange h) {
        List<String> parts = new ArrayList<>();
        if (!java.util.Objects.equals(h.before(), h.after())) {
            parts.add("overall " + Words.score(h.before()) + " → " + Words.score(h.after()));
        }
        h.factors().forEach(f -> parts.add(f.factor().key() + " " + Words.score(f.before()) + " → " + Words.score(f.after())));
        return String.join("; ", parts);
    }

    /** "[HIGH 70] OPENNESS-ESCALATION-PATH: Agree a clear escalation path". */
    public static String recommendation(Impact.Recommendation r) {
        return "[" + r.level() + " " + r.priority() + "] " + r.id() + ": " + Words.printable(r.title());
    }

    /** "OPENNESS-ESCALATION-PATH: 55 → 62 (MEDIUM)" or "... (MEDIUM → HIGH)". */
    public static String move(Impact.Move m) {
        return m.id() + ": " + m.before() + " → " + m.after() + " ("
                + (m.levelBefore() == m.levelAfter() ? m.levelBefore() : m.levelBefore() + " → " + m.levelAfter()) + ")";
    }

    /** Each unreadable snapshot's problems, one line. */
    public static String problems(com.covalue.review.Review.Unreadable u) {
        List<com.covalue.model.Problem> problems = Words.problems(u);
        return problems.isEmpty() ? u.error().message()
                : problems.stream().map(com.covalue.model.Problem::describe).collect(Collectors.joining("; "));
    }
}
