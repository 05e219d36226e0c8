package com.covalue.review.report;

import static com.covalue.review.report.Words.*;

import com.covalue.model.Problem;
import com.covalue.model.Verdict;
import com.covalue.review.Review;
import com.covalue.review.Review.Action;
import com.covalue.review.Review.NotDue;
import com.covalue.review.Review.Reviewed;
import com.covalue.review.Review.Unreadable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The review as one self-contained HTML file: styles inline, charts drawn as inline SVG, no
 * scripts, fonts or images fetched, so it opens offline and prints cleanly. The portfolio comes
 * first (gate, verdict counts, a table by urgency with a factor-health strip per relationship),
 * then one section per relationship with its verdict, reasons, charts and actions.
 */
public final class HtmlReview {

    private static final String STYLE = loadStyle();

    private HtmlReview() {
    }

    public static String render(Review review) {
        StringBuilder h = new StringBuilder(8192 + review.reviewed().size() * 6144);
        var sum = review.summary();
        h.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Renewal review, ").append(date(review.asOf())).append("</title>\n<style>\n")
                .append(STYLE).append("</style>\n</head>\n<body>\n<main>\n");

        h.append("<header>\n<h1>Renewal review</h1>\n<p class=\"meta\">As of ").append(date(review.asOf()))
                .append(" · renewals within ").append(review.withinDays()).append(" days · rules revision <code>")
                .append(esc(review.rules().revision())).append("</code> (").append(review.rules().count())
                .append(" rules)</p>\n</header>\n");

        h.append("<section class=\"portfolio\">\n<div class=\"gate ").append(sum.gate().passed() ? "pass" : "fail")
                .append("\">").append(esc(gateSentence(review))).append("</div>\n");
        h.append("<div class=\"tiles\">\n");
        for (Verdict v : Verdict.values()) {
            h.append("<div class=\"tile ").append(css(v)).append("\"><span class=\"count\">").append(sum.verdicts().get(v))
                    .append("</span><span class=\"label\">").append(verdict(v)).append("</span></div>\n");
        }
        h.append("</div>\n<p class=\"counts\">").append(esc(counts(sum))).append("</p>\n");

        if (!review.reviewed().isEmpty()) {
            h.append("<h2>Due for renewal, most urgent first</h2>\n<table class=\"urgency\">\n<thead><tr><th>Relationship</th>")
                    .append("<th>Renewal</th><th>Verdict</th><th class=\"num\">Health</th><th>Factors</th><th>Trend</th>")
                    .append("<th class=\"num\">Conditions</th></tr></thead>\n<tbody>\n");
            for (Reviewed r : review.reviewed()) {
                h.append("<tr><td><a href=\"#").append(anchor(r)).append("\">").append(esc(name(r))).append("</a></td><td class=\"date\">")
                        .append(date(r.renewalDate())).append("<br><small>").append(days(r.daysToRenewal())).append("</small></td><td>")
                        .append(badge(r.verdict())).append("</td><td class=\"num\">").append(score(r.health().overall()))
                        .append("</td><td>").append(Charts.healthStrip(r.health())).append("</td><td>").append(trend(r))
                        .append("</td><td class=\"num\">").append(r.conditions().size()).append("</td></tr>\n");
            }
            h.append("</tbody>\n</table>\n").append(Charts.stripLegend());
        }
        h.append("</section>\n");

        for (Reviewed r : review.reviewed()) {
            relationship(h, r);
        }

        if (!review.notDue().isEmpty()) {
            h.append("<section class=\"appendix\">\n<h2>Not due</h2>\n<table>\n<thead><tr><th>Relationship</th><th>Renewal</th>")
                    .append("<th>Why not reviewed</th></tr></thead>\n<tbody>\n");
            for (NotDue n : review.notDue()) {
                h.append("<tr><td>").append(esc(n.name() == null ? n.id() : n.name())).append("</td><td>")
                        .append(n.renewalDate() == null ? "unknown" : n.renewalDate()).append("</td><td>")
                        .append(esc(n.reason())).append("</td></tr>\n");
            }
            h.append("</tbody>\n</table>\n</section>\n");
        }
        if (!review.invalid().isEmpty()) {
            h.append("<section class=\"appendix\">\n<h2>Could not read</h2>\n<table>\n<thead><tr><th>Where</th><th>Problems</th>")
                    .append("</tr></thead>\n<tbody>\n");
            for (Unreadable u : review.invalid()) {
                h.append("<tr><td><code>").append(esc(u.source().describe())).append("</code></td><td>").append(esc(u.error().message()))
                        .append("<ul>");
                for (Problem p : u.error().errors()) {
                    h.append("<li>").append(esc(p.describe())).append("</li>");
                }
                h.append("</ul></td></tr>\n");
            }
            h.append("</tbody>\n</table>\n</section>\n");
        }
        if (!review.warnings().isEmpty()) {
            h.append("<section class=\"appendix\">\n<h2>Warnings</h2>\n<ul>\n");
            review.warnings().forEach(w -> h.append("<li>").append(esc(w)).append("</li>\n"));
            h.append("</ul>\n</section>\n");
        }
        h.append("<footer>\n<h2>How to read this review</h2>\n<dl>\n");
        for (Verdict v : Verdict.values()) {
            h.append("<dt>").append(badge(v)).append("</dt><dd>").append(esc(meaning(v))).append(".</dd>\n");
        }
        h.append("</dl>\n<p>Health is 0–100 per success factor, from the facts the snapshot gives; n/a means none of that ")
                .append("factor's facts were given. Perceptions are each side's own rating, 1–5. Verdicts, conditions and ")
                .append("recommendations come from the governance rules of the revision named at the top.</p>\n")
                .append("</footer>\n</main>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void relationship(StringBuilder h, Reviewed r) {
        h.append("<section class=\"relationship\" id=\"").append(anchor(r)).append("\">\n<h2>").append(esc(name(r)))
                .append(' ').append(badge(r.verdict())).append("</h2>\n<p class=\"meta\">");
        String parties = parties(r);
        if (parties != null) {
            h.append(esc(parties)).append(" · ");
        }
        h.append("renewal ").append(date(r.renewalDate())).append(" (<strong>").append(days(r.daysToRenewal()))
                .append("</strong>) · assessed ").append(date(r.assessedOn()));
        String money = money(r.annualValue(), r.currency());
        h.append(money == null ? "" : " · " + esc(money)).append(" · <code>").append(esc(r.id())).append("</code> from <code>")
                .append(esc(source(r.source()))).append("</code></p>\n");

        h.append("<div class=\"verdict ").append(css(r.verdict())).append("\"><p><strong>").append(verdict(r.verdict()))
                .append("</strong>: ").append(esc(meaning(r.verdict()))).append(".</p>\n<ul>");
        r.reasons().forEach(reason -> h.append("<li>").append(esc(reason)).append("</li>"));
        h.append("</ul>");
        if (r.travel() != null) {
            h.append("<p class=\"travel ").append(r.travel().direction().name().toLowerCase(Locale.ROOT)).append("\">")
                    .append("Direction of travel ").append(arrow(r.travel().direction())).append(' ')
                    .append(esc(travel(r.travel()))).append("</p>");
        }
        h.append("</div>\n");

        h.append("<div class=\"charts\">\n<figure>\n<figcaption>Factor health (0–100), overall <strong>")
                .append(score(r.health().overall())).append("</strong></figcaption>\n").append(Charts.healthBars(r.health()))
                .append("</figure>\n<figure>\n<figcaption>How each side rates the relationship (1–5)</figcaption>\n")
                .append(r.alignment().isEmpty() ? "<p class=\"none\">Neither side's ratings were given.</p>" : Charts.perceptions(r.alignment()))
                .append("</figure>\n</div>\n");

        actions(h, "Conditions before signing", r.conditions(), "No conditions: the rules set none for this verdict.");
        actions(h, r.conditions().isEmpty() ? "Top recommendations" : "Other top recommendations", r.topRecommendations(),
                r.recommendationCount() == 0 ? "No recommendations: no rule found a missing or weak practice." : null);
        if (r.recommendationCount() > r.conditions().size() + r.topRecommendations().size()) {
            h.append("<p class=\"more\">").append(r.recommendationCount() - r.conditions().size() - r.topRecommendations().size())
                    .append(" more in the full advice: <code>covalue advise ").append(esc(source(r.source()))).append("</code></p>\n");
        }
        h.append("</section>\n");
    }

    private static void actions(StringBuilder h, String heading, List<Action> actions, String whenNone) {
        if (actions.isEmpty()) {
            if (whenNone != null) {
                h.append("<h3>").append(heading).append("</h3>\n<p class=\"none\">").append(esc(whenNone)).append("</p>\n");
            }
            return;
        }
        h.append("<h3>").append(heading).append("</h3>\n<table class=\"actions\">\n<thead><tr><th>Priority</th><th>Action</th>")
                .append("<th>Owner</th><th>Factor</th></tr></thead>\n<tbody>\n");
        for (Action a : actions) {
            h.append("<tr><td><span class=\"level ").append(a.level().name().toLowerCase(Locale.ROOT)).append("\">")
                    .append(a.level()).append("</span> ").append(a.priority()).append("</td><td><strong>").append(esc(a.title()))
                    .append("</strong>");
            if (!a.because().isEmpty()) {
                h.append("<br><small>Because ").append(esc(String.join("; ", a.because()))).append("</small>");
            }
            h.append("</td><td>").append(owner(a.owner())).append("</td><td>").append(a.factor().label()).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }

    private static String trend(Reviewed r) {
        if (r.travel() == null) {
            return "<small>first snapshot</small>";
        }
        String d = r.travel().direction().name().toLowerCase(Locale.ROOT);
        return "<span class=\"travel " + d + "\" title=\"" + esc(travel(r.travel())) + "\">" + arrow(r.travel().direction())
                + " " + d + "</span>";
    }

    private static String badge(Verdict v) {
        return "<span class=\"badge " + css(v) + "\">" + verdict(v) + "</span>";
    }

    private static String css(Verdict v) {
        return v.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String anchor(Reviewed r) {
        return "rel-" + r.id();
    }

    /** Escapes text for HTML element content and double-quoted attributes. */
    static String esc(String text) {
        StringBuilder s = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> s.append("&amp;");
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '"' -> s.append("&quot;");
                case '\'' -> s.append("&#39;");
                default -> s.append(c);
            }
        }
        return s.toString();
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
