package com.covalue.scenario;

import com.covalue.ruleset.RuleSet;
import com.covalue.model.Json;
import com.covalue.model.Problem;
import com.covalue.model.Verdict;
import com.covalue.review.PortfolioFiles;
import com.covalue.review.PortfolioReviewer;
import com.covalue.review.Review;
import com.covalue.review.Review.Reviewed;
import com.covalue.review.Review.Unreadable;
import com.covalue.model.RenewalWindow;
import com.covalue.review.ReviewOptions;
import com.covalue.validation.SnapshotReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Runs portfolio scenarios: folders holding a {@code review.yaml} and the snapshot files of a
 * portfolio. Used by {@code covalue verify} and by the test suite, so a rule edit that changes a
 * renewal verdict shows up as a failed scenario.
 */
public final class PortfolioScenarioRunner {

    private final SnapshotReader reader;

    public PortfolioScenarioRunner(Clock clock) {
        this.reader = new SnapshotReader(clock);
    }

    /** Every portfolio folder under {@code root} (one holding a review.yaml), sorted by path. */
    public static List<Path> find(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.getFileName().toString().equals(PortfolioExpectations.FILE))
                    .map(Path::getParent).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static PortfolioExpectations expectations(Path folder) {
        Path file = folder.resolve(PortfolioExpectations.FILE);
        try {
            return Json.YAML.readValue(Files.readString(file, StandardCharsets.UTF_8), PortfolioExpectations.class);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    public static ReviewOptions options(PortfolioExpectations want) {
        return new ReviewOptions(Objects.requireNonNull(want.asOf(), "review.yaml needs asOf"),
                want.within() == null ? RenewalWindow.DEFAULT_DAYS : want.within(),
                want.failOn() == null ? ReviewOptions.DEFAULT_FAIL_ON : want.failOn(),
                Boolean.TRUE.equals(want.strict()));
    }

    public ScenarioResult run(RuleSet rules, Path root, Path folder) {
        String name = root.relativize(folder).toString();
        PortfolioExpectations want;
        try {
            want = expectations(folder);
        } catch (IllegalArgumentException e) {
            return new ScenarioResult(name, List.of(e.getMessage()), Set.of());
        }
        PortfolioFiles.Found found = PortfolioFiles.find(List.of(folder));
        Review review = new PortfolioReviewer(reader, false, PortfolioReviewer.Progress.NONE)
                .review(() -> rules, options(want), found.inputs(), found.unreadable());
        return new ScenarioResult(name, check(folder, want, review), Set.of());
    }

    /** Every way the review differs from what the scenario expects; empty when it passes. */
    public static List<String> check(Path folder, PortfolioExpectations want, Review review) {
        List<String> failures = new ArrayList<>();
        Map<String, Verdict> got = new LinkedHashMap<>();
        review.reviewed().forEach(r -> got.put(r.id(), r.verdict()));
        if (!got.equals(want.reviewed())) {
            failures.add("expected reviewed " + want.reviewed() + " but got " + got);
        } else if (!List.copyOf(got.keySet()).equals(List.copyOf(want.reviewed().keySet()))) {
            failures.add("expected urgency order " + want.reviewed().keySet() + " but got " + got.keySet());
        }

        Set<String> notDue = new HashSet<>();
        review.notDue().forEach(n -> notDue.add(n.id()));
        if (!notDue.equals(Set.copyOf(want.notDue()))) {
            failures.add("expected not due " + want.notDue() + " but got " + notDue);
        }

        want.travel().forEach((id, direction) -> {
            Reviewed r = review.reviewed().stream().filter(x -> x.id().equals(id)).findFirst().orElse(null);
            if (r == null || r.travel() == null) {
                failures.add("expected " + id + " to have a direction of travel " + direction + " but it has none");
            } else if (r.travel().direction() != direction) {
                failures.add("expected " + id + " to travel " + direction + " but it travels " + r.travel().direction());
            }
        });

        List<String> gotInvalid = review.invalid().stream().map(u -> where(folder, u)).sorted().toList();
        List<String> wantInvalid = want.invalid().stream().map(PortfolioExpectations.ExpectedInvalid::where).sorted().toList();
        if (!gotInvalid.equals(wantInvalid)) {
            failures.add("expected unreadable " + wantInvalid + " but got " + gotInvalid);
        }
        for (PortfolioExpectations.ExpectedInvalid bad : want.invalid()) {
            if (bad.field() == null) {
                continue;
            }
            boolean named = review.invalid().stream().filter(u -> where(folder, u).equals(bad.where()))
                    .flatMap(u -> u.error().errors().stream()).map(Problem::field).anyMatch(bad.field()::equals);
            if (!named) {
                failures.add("expected " + bad.where() + " to be reported at field " + bad.field());
            }
        }

        int exit = review.summary().gate().passed() ? 0 : 1;
        if (want.exit() != null && want.exit() != exit) {
            failures.add("expected exit code " + want.exit() + " but the gate gives " + exit + " ("
                    + review.summary().gate().reason() + ")");
        }
        return failures;
    }

    private static String where(Path folder, Unreadable u) {
        String file = folder.relativize(Path.of(u.source().file())).toString();
        return u.source().line() == null ? file : file + ":" + u.source().line();
    }
}
