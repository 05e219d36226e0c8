package com.covalue.review.report;

import static com.covalue.review.report.HtmlOutput.escape;

import com.covalue.model.Advice.Alignment;
import com.covalue.model.Advice.FactorHealth;
import com.covalue.model.Advice.Health;
import java.util.List;

/**
 * The review's pictures, drawn as inline SVG so the report needs nothing from the network.
 * Colours always come with words or numbers beside them, so nothing depends on seeing colour.
 */
public final class Charts {

    /** Health at or above this reads as good, below {@link #WEAK} as weak; between is worth watching. */
    public static final int GOOD = 70;
    public static final int WEAK = 45;

    private static final int LABEL_WIDTH = 104;
    private static final int PLOT_WIDTH = 200;
    private static final int ROW = 24;

    private Charts() {
    }

    /** Seven small squares, one per factor in order of dominance, for the portfolio table. */
    public static String healthStrip(Health health) {
        int cell = 14;
        int gap = 3;
        StringBuilder s = new StringBuilder();
        s.append("<svg class=\"strip\" width=\"").append(7 * (cell + gap)).append("\" height=\"").append(cell)
                .append("\" viewBox=\"0 0 ").append(7 * (cell + gap)).append(' ').append(cell)
                .append("\" role=\"img\" aria-label=\"").append(escape(describe(health.factors()))).append("\">");
        int x = 0;
        for (FactorHealth f : health.factors()) {
            s.append("<rect x=\"").append(x).append("\" y=\"0\" width=\"").append(cell).append("\" height=\"").append(cell)
                    .append("\" rx=\"2\" class=\"").append(band(f.score())).append("\"><title>").append(f.factor().label())
                    .append(' ').append(Words.score(f.score())).append("</title></rect>");
            x += cell + gap;
        }
        return s.append("</svg>").toString();
    }


    /** One horizontal bar per factor on a 0–100 scale, with the two thresholds marked. */
    public static String healthBars(Health health) {
        List<FactorHealth> factors = health.factors();
        int width = LABEL_WIDTH + PLOT_WIDTH + 40;
        int height = factors.size() * ROW + 18;
        StringBuilder s = svg("bars", width, height, "Factor health: " + describe(factors));
        for (int t : new int[] {0, WEAK, GOOD, 100}) {
            int x = LABEL_WIDTH + t * PLOT_WIDTH / 100;
            s.append("<line class=\"grid\" x1=\"").append(x).append("\" y1=\"0\" x2=\"").append(x).append("\" y2=\"")
                    .append(factors.size() * ROW).append("\"/><text class=\"tick\" x=\"").append(x).append("\" y=\"")
                    .append(height - 4).append("\">").append(t).append("</text>");
        }
        int y = 0;
        for (FactorHealth f : factors) {
            int mid = y + ROW / 2;
            s.append("<text class=\"label\" x=\"").append(LABEL_WIDTH - 8).append("\" y=\"").append(mid + 4).append("\">")
                    .append(f.factor().label()).append("</text>");
            if (f.score() == null) {
                s.append("<rect class=\"unknown\" x=\"").append(LABEL_WIDTH).append("\" y=\"").append(mid - 7)
                        .append("\" width=\"").append(PLOT_WIDTH).append("\" height=\"14\" rx=\"2\"/>")
                        .append("<text class=\"value\" x=\"").append(LABEL_WIDTH + 6).append("\" y=\"").append(mid + 4)
                        .append("\">no facts given</text>");
            } else {
                int w = Math.max(1, f.score() * PLOT_WIDTH / 100);
                s.append("<rect class=\"").append(band(f.score())).append("\" x=\"").append(LABEL_WIDTH).append("\" y=\"")
                        .append(mid - 7).append("\" width=\"").append(w).append("\" height=\"14\" rx=\"2\"/>")
                        .append("<text class=\"value\" x=\"").append(LABEL_WIDTH + w + 5).append("\" y=\"").append(mid + 4)
                        .append("\">").append(f.score()).append("</text>");
            }
            y += ROW;
        }
        return s.append("</svg>\n").toString();
    }

    /** Client and supplier ratings side by side on one 1–5 scale per factor, joined by the gap. */
    public static String perceptions(List<Alignment> ratings) {
        int width = LABEL_WIDTH + PLOT_WIDTH + 60;
        int top = 22;
        int height = top + ratings.size() * ROW + 18;
        StringBuilder s = svg("dumbbell", width, height, "Ratings, client versus supplier: " + describe(ratings));
        s.append("<circle class=\"client\" cx=\"").append(LABEL_WIDTH + 6).append("\" cy=\"8\" r=\"5\"/>")
                .append("<text class=\"key\" x=\"").append(LABEL_WIDTH + 15).append("\" y=\"12\">client</text>")
                .append("<rect class=\"supplier\" x=\"").append(LABEL_WIDTH + 66).append("\" y=\"3\" width=\"10\" height=\"10\"/>")
                .append("<text class=\"key\" x=\"").append(LABEL_WIDTH + 81).append("\" y=\"12\">supplier</text>");
        for (int rating = 1; rating <= 5; rating++) {
            int x = xOfRating(rating);
            s.append("<line class=\"grid\" x1=\"").append(x).append("\" y1=\"").append(top).append("\" x2=\"").append(x)
                    .append("\" y2=\"").append(top + ratings.size() * ROW).append("\"/><text class=\"tick\" x=\"").append(x)
                    .append("\" y=\"").append(height - 4).append("\">").append(rating).append("</text>");
        }
        int y = top;
        for (Alignment a : ratings) {
            int mid = y + ROW / 2;
            int xc = xOfRating(a.client());
            int xs = xOfRating(a.supplier());
            // client a little above the line and supplier a little below, so equal ratings stay visible
            int yc = mid - 4;
            int ys = mid + 4;
            s.append("<text class=\"label\" x=\"").append(LABEL_WIDTH - 8).append("\" y=\"").append(mid + 4).append("\">")
                    .append(a.factor().label()).append("</text>")
                    .append("<line class=\"").append(a.gap() >= 2 ? "gap wide" : "gap").append("\" x1=\"").append(xc)
                    .append("\" y1=\"").append(yc).append("\" x2=\"").append(xs).append("\" y2=\"").append(ys).append("\"/>")
                    .append("<circle class=\"client\" cx=\"").append(xc).append("\" cy=\"").append(yc).append("\" r=\"5\"><title>client rates ")
                    .append(a.factor().label()).append(' ').append(a.client()).append("/5</title></circle>")
                    .append("<rect class=\"supplier\" x=\"").append(xs - 4).append("\" y=\"").append(ys - 4)
                    .append("\" width=\"9\" height=\"9\"><title>supplier rates ").append(a.factor().label()).append(' ')
                    .append(a.supplier()).append("/5</title></rect>");
            if (a.gap() >= 2) {
                s.append("<text class=\"gap-note\" x=\"").append(LABEL_WIDTH + PLOT_WIDTH + 14).append("\" y=\"").append(mid + 4)
                        .append("\">gap ").append(a.gap()).append("</text>");
            }
            y += ROW;
        }
        return s.append("</svg>\n").toString();
    }

    private static int xOfRating(int rating) {
        return LABEL_WIDTH + 6 + (rating - 1) * (PLOT_WIDTH - 12) / 4;
    }

    private static StringBuilder svg(String css, int width, int height, String label) {
        return new StringBuilder(2048).append("<svg class=\"").append(css).append("\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"").append(escape(label)).append("\">");
    }

    public static String band(Integer score) {
        if (score == null) {
            return "unknown";
        }
        return score >= GOOD ? "good" : score >= WEAK ? "watch" : "weak";
    }


    private static String describe(List<?> items) {
        StringBuilder s = new StringBuilder();
        for (Object o : items) {
            if (s.length() > 0) {
                s.append(", ");
            }
            if (o instanceof FactorHealth f) {
                s.append(f.factor().label()).append(' ').append(Words.score(f.score()));
            } else if (o instanceof Alignment a) {
                s.append(a.factor().label()).append(" client ").append(a.client()).append(" supplier ").append(a.supplier());
            }
        }
        return s.toString();
    }
}
