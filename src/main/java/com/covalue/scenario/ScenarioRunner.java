package com.covalue.scenario;

import com.covalue.advice.Advisor;
import com.covalue.ruleset.RuleSet;
import com.covalue.model.Advice;
import com.covalue.model.Advice.FactorHealth;
import com.covalue.model.Advice.Recommendation;
import com.covalue.model.Snapshot;
import com.covalue.scenario.Expectations.Bounds;
import com.covalue.scenario.Expectations.ExpectedRecommendation;
import com.covalue.validation.InvalidInputException;
import com.covalue.validation.SnapshotReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Runs scenarios: folders holding a {@code snapshot.json} and an {@code expect.yaml}, and for a
 * trend scenario a {@code previous.json} (the same relationship's snapshot before), which the
 * advice is then compared with, as the service does for stored snapshots. Used by
 * {@code covalue verify} and by the test suite, so both judge a rule edit the same way.
 */
public final class ScenarioRunner {

    public static final String SNAPSHOT = "snapshot.json";
    public static final String EXPECT = "expect.yaml";
    public static final String PREVIOUS = "previous.json";

    private final SnapshotReader reader;
    private final Advisor advisor = new Advisor();

    public ScenarioRunner(Clock clock) {
        this.reader = new SnapshotReader(clock);
    }

    /** Every scenario folder under {@code root} (a folder with a snapshot.json), sorted by path. */
    public static List<Path> find(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.getFileName().toString().equals(SNAPSHOT))
                    .map(Path::getParent)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A scenario's name: its folder relative to the scenarios root, with forward slashes. */
    public static String nameOf(Path root, Path folder) {
        String name = root.relativize(folder).toString().replace('\\', '/');
        return name.isEmpty() ? folder.getFileName().toString() : name;
    }

    public ScenarioResult run(RuleSet rules, Path root, Path folder) {
        String name = nameOf(root, folder);
        List<String> failures = new ArrayList<>();
        Expectations expect;
        Snapshot snapshot;
        Snapshot previous = null;
        try {
            expect = readExpectations(folder.resolve(EXPECT), rules);
            snapshot = read(folder.resolve(SNAPSHOT));
            if (Files.exists(folder.resolve(PREVIOUS))) {
                previous = read(folder.resolve(PREVIOUS));
            }
        } catch (FileProblems e) {
            return new ScenarioResult(name, e.lines, Set.of());
        } catch (IOException e) {
            return new ScenarioResult(name, List.of(e.getMessage()), Set.of());
        }
        if (previous != null) {
            var problem = previous.problemAsPreviousOf(snapshot);
            if (problem.isPresent()) {
                return new ScenarioResult(name, List.of(PREVIOUS + ": " + problem.get().describe()), Set.of());
            }
        }
        Advisor.Result result = advisor.evaluate(rules, snapshot, new Advisor.Options(false, previous));
        check(expect, result.advice(), failures);
        return new ScenarioResult(name, failures, result.rulesFired());
    }

    /** Problems in one scenario file, each as a line naming the file. */
    private static final class FileProblems extends Exception {
        final List<String> lines;

        FileProblems(List<String> lines) {
            super(String.join("; ", lines));
            this.lines = lines;
        }
    }

    private Snapshot read(Path file) throws IOException, FileProblems {
        try {
            return reader.read(Files.readString(file, StandardCharsets.UTF_8));
        } catch (InvalidInputException e) {
            throw new FileProblems(e.problems().stream().map(p -> file.getFileName() + ": " + p.describe()).toList());
        }
    }

    private static Expectations readExpectations(Path file, RuleSet rules) throws IOException, FileProblems {
        if (!Files.exists(file)) {
            throw new IOException(EXPECT + " is missing: every scenario needs one saying what its advice must show");
        }
        try {
            return ExpectationsReader.read(Files.readString(file, StandardCharsets.UTF_8), rules.catalogue());
        } catch (ExpectationsReader.Invalid e) {
            throw new FileProblems(e.problems);
        }
    }

    static void check(Expectations expect, Advice advice, List<String> failures) {
        for (ExpectedRecommendation want : expect.recommends()) {
            Optional<Recommendation> got = find(advice, want.id());
            if (got.isEmpty()) {
                failures.add("expected " + want.id() + " to be recommended, but it was not");
                continue;
            }
            var level = got.get().priority().level();
            if (want.level() != null && level != want.level()) {
                failures.add("expected " + want.id() + " at level " + want.level() + ", got " + level
                        + " (score " + got.get().priority().score() + ")");
            }
            if (want.atLeast() != null && level.compareTo(want.atLeast()) > 0) {
                failures.add("expected " + want.id() + " at level " + want.atLeast() + " or higher, got " + level
                        + " (score " + got.get().priority().score() + ")");
            }
        }
        for (String id : expect.doesNotRecommend()) {
            find(advice, id).ifPresent(r -> failures.add("expected " + id + " not to be recommended, but it was ("
                    + r.priority().level() + " " + r.priority().score() + ", because: " + String.join("; ", r.because()) + ")"));
        }
        if (Boolean.TRUE.equals(expect.noRecommendations()) && !advice.recommendations().isEmpty()) {
            failures.add("expected no recommendations, got " + advice.recommendations().size() + ": "
                    + advice.recommendations().stream().map(Recommendation::id).toList());
        }
        if (expect.verdict() != null) {
            String got = advice.renewal() == null ? "none" : advice.renewal().verdict().name();
            if (!expect.verdict().equals(got)) {
                failures.add("expected verdict " + expect.verdict() + ", got " + got
                        + (advice.renewal() == null ? "" : " (" + String.join("; ", advice.renewal().reasons()) + ")"));
            }
        }
        for (String id : expect.conditions()) {
            // the rules' conditions: the first five shown as conditions, the others still open
            if (advice.renewal() == null
                    || !(advice.renewal().conditions().contains(id) || advice.renewal().alsoOpen().contains(id))) {
                failures.add("expected " + id + " among the renewal conditions, got "
                        + (advice.renewal() == null ? "no renewal section"
                                : advice.renewal().conditions() + " and still open " + advice.renewal().alsoOpen()));
            }
        }
        for (Map.Entry<String, Bounds> h : expect.health().entrySet()) {
            Integer score = h.getKey().equals("overall") ? advice.health().overall()
                    : advice.health().factors().stream().filter(f -> f.factor().key().equals(h.getKey()))
                            .map(FactorHealth::score).findFirst().orElse(null);
            Bounds b = h.getValue();
            if (score == null) {
                failures.add("expected a " + h.getKey() + " health score, but it is unknown");
            } else if ((b.min() != null && score < b.min()) || (b.max() != null && score > b.max())) {
                failures.add("expected " + h.getKey() + " health between " + (b.min() == null ? 0 : b.min()) + " and "
                        + (b.max() == null ? 100 : b.max()) + ", got " + score);
            }
        }
        for (String field : expect.dataGaps()) {
            if (advice.dataGaps().stream().noneMatch(g -> g.field().equals(field))) {
                failures.add("expected " + field + " among the data gaps, but it is not");
            }
        }
    }

    private static Optional<Recommendation> find(Advice advice, String id) {
        return advice.recommendations().stream().filter(r -> r.id().equals(id)).findFirst();
    }
}
