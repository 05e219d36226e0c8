package com.covalue.web;

import com.covalue.model.Advice;
import com.covalue.model.Factor;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A relationship's health per factor over every stored snapshot, as geometry for
 * {@code web/history-chart.jte}: one line per factor (and overall, drawn heavier) on a 0-100
 * scale, time along the bottom by assessment day. Every point has a title with its numbers, and
 * the page shows the same numbers as a table, so nothing depends on telling colours apart.
 */
public record HistoryChart(int width, int height, String label, List<Series> series, List<Tick> xTicks, List<Tick> yTicks,
        int plotLeft, int plotTop, int plotRight, int plotBottom) {

    /**
     * One line: its name, CSS class, points, and its row in the key at the right (a sample of the
     * line, the name and the latest score), keys ordered by latest score like the line ends.
     */
    public record Series(String name, String css, List<Point> points, String path, int labelY, String latest) {
    }

    /** A point of a line, with the words a screen reader or a hover gives. */
    public record Point(int x, int y, String title) {
    }

    /** A tick on an axis: where, and its label. */
    public record Tick(int at, String text) {
    }

    private static final int LEFT = 40;
    private static final int TOP = 12;
    private static final int PLOT_WIDTH = 520;
    private static final int PLOT_HEIGHT = 200;
    private static final int LEGEND = 190;

    /** @param history every snapshot's day and advice, oldest first */
    static HistoryChart of(List<LocalDate> days, List<Advice> history) {
        LocalDate first = days.get(0);
        long span = Math.max(1, ChronoUnit.DAYS.between(first, days.get(days.size() - 1)));
        List<Integer> xs = new ArrayList<>();
        for (LocalDate d : days) {
            xs.add(days.size() == 1 ? LEFT + PLOT_WIDTH / 2 : LEFT + (int) (ChronoUnit.DAYS.between(first, d) * PLOT_WIDTH / span));
        }
        List<Series> series = new ArrayList<>();
        series.add(series("Overall", "overall", xs, days, history, a -> a.health().overall()));
        for (Factor f : Factor.values()) {
            series.add(series(f.label(), "f-" + f.key(), xs, days, history, a -> a.health().factors().stream()
                    .filter(h -> h.factor() == f).findFirst().map(Advice.FactorHealth::score).orElse(null)));
        }
        spreadLabels(series);
        List<Tick> xTicks = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            xTicks.add(new Tick(xs.get(i), days.get(i).toString()));
        }
        List<Tick> yTicks = new ArrayList<>();
        for (int v = 0; v <= 100; v += 25) {
            yTicks.add(new Tick(y(v), Integer.toString(v)));
        }
        String label = "Health per factor over " + days.size() + " snapshots, from " + first + " to " + days.get(days.size() - 1)
                + "; the table below gives the numbers.";
        return new HistoryChart(LEFT + PLOT_WIDTH + LEGEND, TOP + PLOT_HEIGHT + 40, label, series, thin(xTicks), yTicks, LEFT, TOP,
                LEFT + PLOT_WIDTH, TOP + PLOT_HEIGHT);
    }

    private interface Score {
        Integer of(Advice advice);
    }

    private static Series series(String name, String css, List<Integer> xs, List<LocalDate> days, List<Advice> history, Score score) {
        List<Point> points = new ArrayList<>();
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < history.size(); i++) {
            Integer s = score.of(history.get(i));
            if (s == null) {
                continue; // unknown that day: the line jumps the gap
            }
            points.add(new Point(xs.get(i), y(s), name + " " + s + " on " + days.get(i)));
            path.append(path.length() == 0 ? "M" : " L").append(xs.get(i)).append(' ').append(y(s));
        }
        Integer last = score.of(history.get(history.size() - 1));
        return new Series(name, css, points, path.toString(), last == null ? -1 : last, last == null ? "unknown" : last.toString());
    }

    /** Places the key's rows, highest latest score at the top, as the lines end. */
    private static void spreadLabels(List<Series> series) {
        List<Series> sorted = new ArrayList<>(series);
        sorted.sort((a, b) -> Integer.compare(b.labelY(), a.labelY())); // labelY holds the latest score until here
        for (int i = 0; i < sorted.size(); i++) {
            Series s = sorted.get(i);
            series.set(series.indexOf(s), new Series(s.name(), s.css(), s.points(), s.path(), TOP + 10 + i * 24, s.latest()));
        }
    }

    /** At most about eight day labels along the bottom, always the first and the last. */
    private static List<Tick> thin(List<Tick> ticks) {
        if (ticks.size() <= 8) {
            return ticks;
        }
        int step = (ticks.size() + 7) / 8;
        List<Tick> out = new ArrayList<>();
        for (int i = 0; i < ticks.size(); i++) {
            if (i % step == 0 || i == ticks.size() - 1) {
                out.add(ticks.get(i));
            }
        }
        return out;
    }

    private static int y(int score) {
        return TOP + PLOT_HEIGHT - score * PLOT_HEIGHT / 100;
    }
}
