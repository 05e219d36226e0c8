package com.covalue.advice;

import com.covalue.model.SnapshotField.Better;
import com.covalue.facts.Change;
import com.covalue.facts.PerceptionTrend;
import com.covalue.model.Advice;
import com.covalue.model.Factor;
import com.covalue.model.Snapshot;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import com.covalue.model.SnapshotFields;
import com.covalue.model.SnapshotField;

/**
 * Compares a snapshot with the previous one of the same relationship: the trend facts the rules
 * see, and the advice's {@code trend} section. Which way is better comes from {@link SnapshotFields}.
 */
final class Trends {

    private Trends() {
    }

    /**
     * Every fact with a better direction that is known in both snapshots, in contract order;
     * promises kept are compared as the share of those due, where the count would stand.
     */
    static List<Change> changes(Snapshot previous, Snapshot now) {
        List<Change> out = new ArrayList<>();
        for (SnapshotField field : SnapshotFields.all()) {
            if (field.better() == Better.NEITHER) {
                continue;
            }
            SnapshotField compared = field == SnapshotField.DELIVERY_PROMISES_KEPT_12M
                    ? SnapshotField.DELIVERY_PROMISES_KEPT_RATIO : field;
            Object before = comparable(compared, previous);
            Object after = comparable(compared, now);
            if (before != null && after != null) {
                out.add(change(compared, before, after));
            }
        }
        return out;
    }

    /** The field's value as compared: shares to three decimals, so the trend section shows 0.927 rather than 0.926829268292683. */
    private static Object comparable(SnapshotField field, Snapshot snapshot) {
        Object value = field.value().apply(snapshot);
        return field == SnapshotField.DELIVERY_PROMISES_KEPT_RATIO && value != null ? round3((Double) value) : value;
    }

    static List<PerceptionTrend> perceptions(Snapshot previous, Snapshot now) {
        List<PerceptionTrend> out = new ArrayList<>();
        for (Factor f : Factor.values()) {
            out.add(new PerceptionTrend(f, previous.views().client().ratings().of(f), now.views().client().ratings().of(f),
                    previous.views().supplier().ratings().of(f), now.views().supplier().ratings().of(f)));
        }
        return out;
    }

    /** The advice's trend section: what moved, worse first, each in contract order. */
    static Advice.Trend section(Snapshot previous, Snapshot now, List<Change> changes) {
        List<Advice.Moved> worsened = changes.stream().filter(Change::worsened)
                .map(c -> new Advice.Moved(c.field().path(), c.before(), c.after())).toList();
        List<Advice.Moved> improved = changes.stream().filter(Change::improved)
                .map(c -> new Advice.Moved(c.field().path(), c.before(), c.after())).toList();
        return new Advice.Trend(previous.assessedOn(), ChronoUnit.DAYS.between(previous.assessedOn(), now.assessedOn()),
                worsened, improved);
    }

    private static double round3(double share) {
        return Math.round(share * 1000) / 1000.0;
    }

    private static Change change(SnapshotField field, Object before, Object after) {
        double move = asNumber(after) - asNumber(before);
        double worse = field.better() == Better.HIGHER ? -move : move;
        return new Change(field, field.factor(), before, after, worse > 0, worse < 0, Math.max(0.0, worse));
    }

    /** A value on a scale where larger is more: yes = 1, frequencies and sharing by rank, dates by day. */
    private static double asNumber(Object value) {
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof Enum<?> e) {
            return e.ordinal(); // Cadence and InformationSharing are declared from least to most
        }
        if (value instanceof LocalDate d) {
            return d.toEpochDay();
        }
        throw new IllegalArgumentException("cannot compare " + value.getClass().getSimpleName());
    }
}
