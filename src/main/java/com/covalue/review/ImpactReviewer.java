package com.covalue.review;

import com.covalue.advice.Advisor;
import com.covalue.model.Advice;
import com.covalue.model.CovalueException;
import com.covalue.model.Snapshot;
import com.covalue.ruleset.RuleSet;
import com.covalue.validation.SnapshotReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Works out an {@link Impact}: each relationship's latest snapshot is advised on with both rule
 * sets, compared with the snapshot before it as the service does for stored ones, and the two
 * pieces of advice are compared part by part.
 */
public final class ImpactReviewer {

    private final SnapshotReader reader;
    private final Advisor advisor = new Advisor();

    public ImpactReviewer(SnapshotReader reader) {
        this.reader = reader;
    }

    public Impact compare(List<PortfolioReviewer.Input> inputs, List<Review.Unreadable> unreadable, Impact.Rules againstFolder,
            RuleSet against, Impact.Rules draftFolder, RuleSet draft) {
        List<Review.Unreadable> invalid = new ArrayList<>(unreadable);
        Map<String, List<Snapshot>> byRelationship = new TreeMap<>();
        for (PortfolioReviewer.Input input : inputs) {
            try {
                Snapshot s = reader.read(input.json());
                byRelationship.computeIfAbsent(s.relationship().id(), k -> new ArrayList<>()).add(s);
            } catch (CovalueException e) {
                invalid.add(new Review.Unreadable(input.source(), e.error()));
            }
        }
        List<Impact.Change> changes = new ArrayList<>();
        for (List<Snapshot> history : byRelationship.values()) {
            history.sort(Comparator.comparing(Snapshot::assessedOn));
            Snapshot latest = history.get(history.size() - 1);
            Snapshot previous = history.size() < 2 ? null : history.get(history.size() - 2);
            if (previous != null && previous.assessedOn().equals(latest.assessedOn())) {
                previous = null; // two snapshots of one day: compare without history
            }
            Advisor.Options options = new Advisor.Options(false, previous);
            Advice before = advisor.evaluate(against, latest, options).advice();
            Advice after = advisor.evaluate(draft, latest, options).advice();
            Impact.Change change = change(latest, before, after);
            if (change != null) {
                changes.add(change);
            }
        }
        changes.sort(Comparator.comparing((Impact.Change c) -> !c.worse()).thenComparing(Impact.Change::id));
        Impact.Summary summary = new Impact.Summary(byRelationship.size(), changes.size(),
                (int) changes.stream().filter(Impact.Change::worse).count(),
                (int) changes.stream().filter(c -> c.verdict() != null && !c.worse()).count(),
                changes.stream().mapToInt(c -> c.added().size()).sum(),
                changes.stream().mapToInt(c -> c.dropped().size()).sum(),
                changes.stream().mapToInt(c -> c.moved().size()).sum());
        return new Impact(Impact.VERSION, againstFolder, draftFolder, summary, changes, invalid);
    }

    /** What changes between two pieces of advice on one snapshot, or null when nothing the report shows does. */
    static Impact.Change change(Snapshot s, Advice before, Advice after) {
        Impact.VerdictChange verdict = null;
        if (before.renewal() != null && after.renewal() != null && before.renewal().verdict() != after.renewal().verdict()) {
            verdict = new Impact.VerdictChange(before.renewal().verdict(), after.renewal().verdict());
        }
        List<Impact.FactorMove> factors = new ArrayList<>();
        for (int i = 0; i < before.health().factors().size(); i++) {
            Advice.FactorHealth b = before.health().factors().get(i);
            Advice.FactorHealth a = after.health().factors().get(i);
            if (!Objects.equals(b.score(), a.score())) {
                factors.add(new Impact.FactorMove(b.factor(), b.score(), a.score()));
            }
        }
        Impact.HealthChange health = factors.isEmpty() && Objects.equals(before.health().overall(), after.health().overall())
                ? null : new Impact.HealthChange(before.health().overall(), after.health().overall(), factors);
        Map<String, Advice.Recommendation> was = byId(before);
        Map<String, Advice.Recommendation> now = byId(after);
        List<Impact.Recommendation> added = now.values().stream().filter(r -> !was.containsKey(r.id()))
                .map(Impact.Recommendation::of).toList();
        List<Impact.Recommendation> dropped = was.values().stream().filter(r -> !now.containsKey(r.id()))
                .map(Impact.Recommendation::of).toList();
        List<Impact.Move> moved = now.values().stream()
                .filter(r -> was.containsKey(r.id()) && was.get(r.id()).priority().score() != r.priority().score())
                .map(r -> {
                    Advice.Priority p = was.get(r.id()).priority();
                    return new Impact.Move(r.id(), r.title(), p.score(), r.priority().score(), p.level(), r.priority().level());
                })
                .toList();
        if (verdict == null && health == null && added.isEmpty() && dropped.isEmpty() && moved.isEmpty()) {
            return null;
        }
        return new Impact.Change(s.relationship().id(), s.relationship().name(), s.assessedOn(), verdict, health, added,
                dropped, moved);
    }

    /** The recommendations in priority order, by id. */
    private static Map<String, Advice.Recommendation> byId(Advice advice) {
        return advice.recommendations().stream().collect(Collectors.toMap(Advice.Recommendation::id, Function.identity(),
                (a, b) -> a, LinkedHashMap::new));
    }
}
