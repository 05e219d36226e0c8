package com.covalue.review.report;

import static java.util.Objects.requireNonNull;

import com.covalue.model.Advice.Alignment;
import com.covalue.model.Advice.FactorHealth;
import com.covalue.model.Advice.Health;
import java.util.ArrayList;
import java.util.List;

/**
 * The review's pictures as geometry and words. The templates under {@code src/main/jte/html/chart/}
 * draw them as inline SVG, one template a chart taking its record, so a page needs nothing from
 * the network and every text is escaped by the page's output. Colours always come with words or
 * numbers beside them, so nothing depends on seeing colour.
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

    /** The {@code svg} element: its CSS class, its size and what it says to a screen reader. */
    public record Frame(String css, int width, int height, String label) {
        public Frame {
            requireNonNull(css, "css == null");
            requireNonNull(label, "label == null");
        }
    }

    /** A text with its start and baseline. */
    public record Text(int x, int y, String text) {
        public Text {
            requireNonNull(text, "text == null");
        }
    }

    /** A grid line down the plot at one value of its scale, from {@code top} to {@code bottom}, labelled below. */
    public record Tick(int x, int top, int bottom, Text label) {
    }

    /** {@code chart/strip.jte}: seven small squares, one per factor in order of dominance, for the portfolio table. */
    public record Strip(Frame frame, List<Cell> cells) {
        public Strip {
            cells = List.copyOf(cells);
        }
    }

    /** One square of a strip, its colour named by its health band, its title the factor and score. */
    public record Cell(int x, int size, String band, String title) {
    }

    /** {@code chart/bars.jte}: one horizontal bar per factor on a 0–100 scale, with the two thresholds marked. */
    public record Bars(Frame frame, List<Tick> ticks, List<Bar> bars) {
        public Bars {
            ticks = List.copyOf(ticks);
            bars = List.copyOf(bars);
        }
    }

    /** One factor's row: its name, its bar (band "unknown" across the plot when no facts were given) and the value after it. */
    public record Bar(Text label, String band, int x, int y, int width, int height, Text value) {
    }

    /** {@code chart/perceptions.jte}: client and supplier ratings on one 1–5 scale per factor, joined by the gap. */
    public record Perceptions(Frame frame, Key key, List<Tick> ticks, List<Pair> pairs) {
        public Perceptions {
            ticks = List.copyOf(ticks);
            pairs = List.copyOf(pairs);
        }
    }

    /** The key above the plot: the client's dot (its centre) and the supplier's square (its corner), each named. */
    public record Key(int clientX, int clientY, Text client, int supplierX, int supplierY, Text supplier) {
    }

    /**
     * One factor's two ratings: its name, the line between the two marks (CSS "gap", or "gap wide"
     * from two points apart), the client's dot and the supplier's square, and a note of the gap when
     * it is wide ({@code null} otherwise).
     */
    public record Pair(Text label, String line, int x1, int y1, int x2, int y2, Mark client, Mark supplier, Text gap) {
    }

    /** Where a rating's mark is drawn (a dot's centre, a square's corner) and its title. */
    public record Mark(int x, int y, String title) {
    }

    /** The strip for a relationship's health. */
    public static Strip healthStrip(Health health) {
        int cell = 14;
        int gap = 3;
        List<Cell> cells = new ArrayList<>();
        int x = 0;
        for (FactorHealth f : health.factors()) {
            cells.add(new Cell(x, cell, band(f.score()), f.factor().label() + " " + Words.score(f.score())));
            x += cell + gap;
        }
        return new Strip(new Frame("strip", 7 * (cell + gap), cell, describe(health.factors())), cells);
    }

    /** The bars for a relationship's health. */
    public static Bars healthBars(Health health) {
        List<FactorHealth> factors = health.factors();
        int width = LABEL_WIDTH + PLOT_WIDTH + 40;
        int height = factors.size() * ROW + 18;
        List<Tick> ticks = new ArrayList<>();
        for (int t : new int[] {0, WEAK, GOOD, 100}) {
            ticks.add(tick(LABEL_WIDTH + t * PLOT_WIDTH / 100, 0, factors.size() * ROW, height, t));
        }
        List<Bar> bars = new ArrayList<>();
        int y = 0;
        for (FactorHealth f : factors) {
            int mid = y + ROW / 2;
            Text label = new Text(LABEL_WIDTH - 8, mid + 4, f.factor().label());
            if (f.score() == null) {
                bars.add(new Bar(label, "unknown", LABEL_WIDTH, mid - 7, PLOT_WIDTH, 14,
                        new Text(LABEL_WIDTH + 6, mid + 4, "no facts given")));
            } else {
                int w = Math.max(1, f.score() * PLOT_WIDTH / 100);
                bars.add(new Bar(label, band(f.score()), LABEL_WIDTH, mid - 7, w, 14,
                        new Text(LABEL_WIDTH + w + 5, mid + 4, f.score().toString())));
            }
            y += ROW;
        }
        return new Bars(new Frame("bars", width, height, "Factor health: " + describe(factors)), ticks, bars);
    }

    /** The perceptions chart for the factors both sides rated. */
    public static Perceptions perceptions(List<Alignment> ratings) {
        int width = LABEL_WIDTH + PLOT_WIDTH + 60;
        int top = 22;
        int height = top + ratings.size() * ROW + 18;
        Key key = new Key(LABEL_WIDTH + 6, 8, new Text(LABEL_WIDTH + 15, 12, "client"),
                LABEL_WIDTH + 66, 3, new Text(LABEL_WIDTH + 81, 12, "supplier"));
        List<Tick> ticks = new ArrayList<>();
        for (int rating = 1; rating <= 5; rating++) {
            ticks.add(tick(xOfRating(rating), top, top + ratings.size() * ROW, height, rating));
        }
        List<Pair> pairs = new ArrayList<>();
        int y = top;
        for (Alignment a : ratings) {
            int mid = y + ROW / 2;
            int xc = xOfRating(a.client());
            int xs = xOfRating(a.supplier());
            // client a little above the line and supplier a little below, so equal ratings stay visible
            int yc = mid - 4;
            int ys = mid + 4;
            String factor = a.factor().label();
            boolean wide = a.gap() >= 2;
            pairs.add(new Pair(new Text(LABEL_WIDTH - 8, mid + 4, factor), wide ? "gap wide" : "gap", xc, yc, xs, ys,
                    new Mark(xc, yc, "client rates " + factor + " " + a.client() + "/5"),
                    // the supplier's square is 9 wide, centred on its rating
                    new Mark(xs - 4, ys - 4, "supplier rates " + factor + " " + a.supplier() + "/5"),
                    wide ? new Text(LABEL_WIDTH + PLOT_WIDTH + 14, mid + 4, "gap " + a.gap()) : null));
            y += ROW;
        }
        return new Perceptions(new Frame("dumbbell", width, height, "Ratings, client versus supplier: " + describe(ratings)),
                key, ticks, pairs);
    }

    private static Tick tick(int x, int top, int bottom, int height, int value) {
        return new Tick(x, top, bottom, new Text(x, height - 4, Integer.toString(value)));
    }

    private static int xOfRating(int rating) {
        return LABEL_WIDTH + 6 + (rating - 1) * (PLOT_WIDTH - 12) / 4;
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
