package com.covalue.cli;

import com.covalue.model.Advice;
import com.covalue.model.Advice.Alignment;
import com.covalue.model.Advice.DataGap;
import com.covalue.model.Advice.FactorHealth;
import com.covalue.model.Advice.Recommendation;
import java.util.ArrayList;
import java.util.List;

/** Renders advice as a report for a person reading a terminal: the most important first. */
final class TextReport {

    private static final int WIDTH = 96;
    private static final char NO_BREAK = '\u00a0';

    private TextReport() {
    }

    static String render(Advice a) {
        StringBuilder s = new StringBuilder();
        s.append("Covalue advice for ").append(a.relationshipId()).append(", as of ").append(a.assessedOn()).append('\n');
        s.append("Rules revision ").append(a.rules().revision()).append(" (").append(a.rules().count()).append(" rules)\n\n");

        if (a.renewal() != null) {
            var r = a.renewal();
            s.append("RENEWAL  ").append(r.verdict().name().replace('_', ' ')).append("  (renewal ").append(r.renewalDate())
                    .append(", ").append(days(r.daysToRenewal())).append(")\n");
            r.reasons().forEach(reason -> s.append("  - ").append(reason).append('\n'));
            if (!r.conditions().isEmpty()) {
                wrap(s, "  Conditions before signing: ", String.join(", ", r.conditions()));
            }
            s.append('\n');
        }

        s.append("HEALTH   overall ").append(score(a.health().overall())).append('\n');
        for (FactorHealth f : a.health().factors()) {
            s.append(String.format("  %-12s %4s  %s  %3d%% of facts known%n", f.factor().key(), score(f.score()),
                    bar(f.score()), Math.round(f.answered() * 100)));
        }
        s.append('\n');

        if (!a.alignment().isEmpty()) {
            s.append("PERCEPTIONS  client vs supplier (1-5)\n");
            for (Alignment al : a.alignment()) {
                s.append(String.format("  %-12s client %d  supplier %d%s%n", al.factor().key(), al.client(), al.supplier(),
                        al.gap() >= 2 ? "   gap " + al.gap() + " <- the two sides see this differently" : ""));
            }
            s.append('\n');
        }

        if (a.trend() != null) {
            var t = a.trend();
            s.append("SINCE ").append(t.previousAssessedOn()).append("  (").append(t.daysBetween()).append(" days before)\n");
            if (t.worsened().isEmpty() && t.improved().isEmpty()) {
                s.append("  Nothing known both times has moved.\n");
            }
            t.worsened().forEach(m -> s.append("  worse   ").append(m.field()).append("  ").append(m.before()).append(" -> ")
                    .append(m.after()).append('\n'));
            t.improved().forEach(m -> s.append("  better  ").append(m.field()).append("  ").append(m.before()).append(" -> ")
                    .append(m.after()).append('\n'));
            s.append('\n');
        }

        List<Recommendation> recs = a.recommendations();
        s.append("RECOMMENDATIONS  ").append(recs.size()).append(recs.isEmpty() ? "" : ", most important first").append('\n');
        if (recs.isEmpty()) {
            s.append("  None: no rule found a missing or weak practice in the facts given.\n");
        }
        int n = 1;
        for (Recommendation r : recs) {
            s.append(String.format("%n%2d. [%s %d] %s%n", n++, r.priority().level(), r.priority().score(), r.title()));
            s.append("    ").append(r.factor().key()).append(" · ").append(r.kind().name().toLowerCase()).append(" · owner ")
                    .append(r.owner().name().toLowerCase()).append(" · source ").append(r.source()).append('\n');
            wrap(s, "    Why: ", String.join("; ", r.because()));
            wrap(s, "    Do:  ", r.action());
        }

        if (!a.dataGaps().isEmpty()) {
            s.append("\nDATA GAPS  unknown facts the rules asked about (answering them sharpens the advice)\n");
            List<String> gaps = new ArrayList<>();
            for (DataGap g : a.dataGaps()) {
                gaps.add(g.field() + NO_BREAK + "(" + g.asked() + ")"); // keep each field with its count
            }
            wrap(s, "  ", String.join(", ", gaps));
        }
        return s.toString();
    }

    private static String days(long d) {
        return d >= 0 ? d + " days away" : -d + " days overdue";
    }

    private static String score(Integer score) {
        return score == null ? "  ?" : String.valueOf(score);
    }

    private static String bar(Integer score) {
        if (score == null) {
            return "(no facts)          ";
        }
        int filled = (int) Math.round(score / 5.0);
        return "#".repeat(filled) + ".".repeat(20 - filled);
    }

    private static void wrap(StringBuilder s, String prefix, String text) {
        String indent = " ".repeat(prefix.length());
        StringBuilder line = new StringBuilder(prefix);
        for (String word : text.split("\\s+")) {
            if (line.length() + word.length() + 1 > WIDTH && line.length() > prefix.length()) {
                s.append(line.toString().stripTrailing()).append('\n');
                line = new StringBuilder(indent);
            }
            line.append(word.replace(NO_BREAK, ' ')).append(' ');
        }
        s.append(line.toString().stripTrailing()).append('\n');
    }
}
