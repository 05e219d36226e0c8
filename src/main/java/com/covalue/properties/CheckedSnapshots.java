package com.covalue.properties;

import com.covalue.model.CovalueException;
import com.covalue.model.Snapshot;
import com.covalue.ruleset.PracticeList;
import com.covalue.validation.SnapshotReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The snapshots a property check advises on, read once: each case's own snapshot, its one-fact
 * improvements and its renewal moved nearer, each built from the case's JSON, validated and bound.
 * None of this depends on the rules, only on the cases, the practice list (which answers are
 * known, which improvements exist) and the reader's day (what counts as the future), so the
 * service's property gate keeps one and reuses it on every reload while those stay the same
 * ({@link #fits}); a snapshot is read the first time a check asks for it.
 *
 * <p>Safe for use by several threads; the snapshots it hands out are immutable.
 */
public final class CheckedSnapshots {

    /** One renewal date in {@link PropertyChecker#DAYS_NEARER}'s walk, and the snapshot with it. */
    record Step(Variant variant, Snapshot snapshot) {
    }

    private final List<Prepared> cases;
    private final PracticeList practices;
    private final List<String> practiceKey;
    private final SnapshotReader reader;
    private final LocalDate today;

    public CheckedSnapshots(List<PropertyChecker.Case> cases, PracticeList practices, SnapshotReader reader) {
        this.practices = Objects.requireNonNull(practices, "practices == null");
        this.practiceKey = keyOf(practices);
        this.reader = Objects.requireNonNull(reader, "reader == null");
        this.today = reader.today();
        this.cases = cases.stream().map(Prepared::new).toList();
    }

    /**
     * Whether these snapshots are the ones a check with {@code practices} and {@code reader} would
     * read (the cases themselves are the caller's to compare): the same practices, each with the
     * same factor, in the same order, and the same day.
     */
    public boolean fits(PracticeList practices, SnapshotReader reader) {
        return practiceKey.equals(keyOf(practices)) && today.equals(reader.today());
    }

    /** The cases, as given. */
    public List<PropertyChecker.Case> sources() {
        return cases.stream().map(Prepared::source).toList();
    }

    List<Prepared> cases() {
        return cases;
    }

    /** What {@link Improvements#of} and the practice-id check read of a practice list. */
    private static List<String> keyOf(PracticeList practices) {
        return practices.all().stream().map(p -> p.id() + ":" + p.factor()).toList();
    }

    /** One case and what has been read of it so far. */
    final class Prepared {
        private final PropertyChecker.Case c;
        /** By variant: the changed snapshot, or empty when it is not a valid snapshot. */
        private final Map<Variant, Optional<Snapshot>> variants = new ConcurrentHashMap<>();
        private Optional<Snapshot> base;
        private List<Variant> improvements;
        private List<Step> nearer;

        private Prepared(PropertyChecker.Case c) {
            this.c = c;
        }

        PropertyChecker.Case source() {
            return c;
        }

        /** The case's own snapshot, or null when it cannot be read (the scenario run reports why). */
        synchronized Snapshot base() {
            if (base == null) {
                base = read(c.snapshot());
            }
            return base.orElse(null);
        }

        /** Every one-fact improvement, in {@link Improvements#of}'s order. */
        synchronized List<Variant> improvements() {
            if (improvements == null) {
                improvements = Improvements.of(c.snapshot(), practices);
            }
            return improvements;
        }

        /** The snapshot with {@code variant}'s change, or null when that is not a valid snapshot. */
        Snapshot with(Variant variant) {
            return variants.computeIfAbsent(variant, v -> read(JsonPaths.with(c.snapshot(), v.path(), v.to()))).orElse(null);
        }

        /** The renewal moved nearer step by step, up to the first date that makes no valid snapshot. */
        synchronized List<Step> nearerRenewal() {
            if (nearer == null) {
                nearer = walkNearer();
            }
            return nearer;
        }

        private List<Step> walkNearer() {
            JsonNode renewal = JsonPaths.at(c.snapshot(), "relationship.renewalDate");
            if (renewal == null || !renewal.isTextual()) {
                return List.of();
            }
            List<Step> steps = new ArrayList<>();
            JsonNode from = renewal;
            LocalDate date = LocalDate.parse(renewal.asText());
            for (int days : PropertyChecker.DAYS_NEARER) {
                date = date.minusDays(days);
                JsonNode to = TextNode.valueOf(date.toString());
                Optional<Snapshot> nearer = read(JsonPaths.with(c.snapshot(), "relationship.renewalDate", to));
                if (nearer.isEmpty()) {
                    break; // e.g. now before the contract's start
                }
                steps.add(new Step(new Variant("relationship.renewalDate", null, from, to), nearer.get()));
                from = to;
            }
            return List.copyOf(steps);
        }

        private Optional<Snapshot> read(JsonNode json) {
            try {
                return Optional.of(reader.read(json, practices.ids()));
            } catch (CovalueException e) {
                return Optional.empty();
            }
        }
    }
}
