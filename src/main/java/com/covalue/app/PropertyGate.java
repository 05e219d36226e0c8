package com.covalue.app;

import com.covalue.model.CovalueException;
import com.covalue.model.Snapshot;
import com.covalue.model.SnapshotJson;
import com.covalue.properties.CheckedSnapshots;
import com.covalue.properties.PropertyChecker;
import com.covalue.properties.ScenarioCases;
import com.covalue.ruleset.CompiledRulesCache;
import com.covalue.ruleset.RuleSet;
import com.covalue.ruleset.RuleSetRejectedException;
import com.covalue.scenario.ScenarioRunner;
import com.covalue.validation.SnapshotReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses a reload whose rules break one of the contract's properties, like a compile error: the
 * check {@code covalue verify} runs, on the scenarios beside the rules folder (its sibling
 * {@code scenarios/}), or where there are none, on the sample snapshots bundled with Covalue.
 *
 * <p>A reload must stay quick, so it does not check every one-fact improvement of every scenario
 * ({@code covalue verify} does): it checks every improvement of the fields read by the rules in
 * the files that changed since the last rule set it passed, and a fixed sample of the others
 * ({@link #VARIANTS_PER_SCENARIO} per scenario, chosen the same way every time). A rule edited
 * to add advice on a better value is so caught on the reload that brings it. The first load, at
 * start, checks the scenarios as they are (properties 5, 6 and 7) and not their variants, so a
 * start is not slowed by hundreds of evaluations in a cold JVM; run {@code covalue verify} on a
 * folder before starting a service on it. A passed first check is recorded in the compiled-rules
 * cache, and a start on the same revision, cases and build skips it ({@link #passedBefore}).
 */
final class PropertyGate {

    private static final Logger LOG = LoggerFactory.getLogger("covalue");

    /**
     * Improvements checked per scenario on a reload. With the 29 shipped scenarios a reload's gate
     * runs 539 evaluations in all, counting each scenario's own snapshot and its other variants
     * ({@code covalue verify} checks every improvement: 1,405).
     */
    static final int VARIANTS_PER_SCENARIO = 6;

    /** The bundled samples (the warm-up's snapshots), used when no scenarios folder sits beside the rules. */
    private static final String[] SAMPLES = {
            "past-strategic-use", "contract-example", "governance-vacuum", "master-servant", "healthy-partnership",
    };

    private final Path rulesFolder;
    private final Path scenarios;
    private final SnapshotReader reader;
    /** Where a start finds that the same rules already passed on the same cases (see {@link #check}). */
    private final CompiledRulesCache cache;
    /** Content hash of each file of the last rule set that passed, by file name; empty before the first. */
    private Map<String, Integer> passed = Map.of();
    /**
     * The snapshots the last check read, and the digest of the scenario files they were read from:
     * a reload changes rules, not scenarios, so the next check reuses them while the files, the
     * practice list and the day stay the same.
     */
    private CheckedSnapshots snapshots;
    private String snapshotsDigest;
    /** Checks the scenarios on every core: a reload waits for the gate, and its evaluations are independent. */
    private final ExecutorService checkers = checkers(Runtime.getRuntime().availableProcessors());

    private PropertyGate(Path rulesFolder, Path scenarios, Clock clock, CompiledRulesCache cache) {
        this.cache = cache;
        this.rulesFolder = rulesFolder;
        this.scenarios = scenarios;
        this.reader = new SnapshotReader(clock);
    }

    /** The gate for a rules folder: its sibling {@code scenarios/} if there is one, else the bundled samples. */
    static PropertyGate beside(Path rulesFolder, Clock clock) {
        return beside(rulesFolder, clock, CompiledRulesCache.disabled());
    }

    /** @param cache where passed first checks are recorded, so that a restart on the same rules and cases skips them */
    static PropertyGate beside(Path rulesFolder, Clock clock, CompiledRulesCache cache) {
        Path parent = rulesFolder.toAbsolutePath().normalize().getParent();
        Path sibling = parent == null ? null : parent.resolve("scenarios");
        return new PropertyGate(rulesFolder, sibling != null && Files.isDirectory(sibling) ? sibling : null, clock, cache);
    }

    /** What the gate checks on, for the log. */
    String describe() {
        return scenarios == null ? "the bundled sample snapshots" : "the scenarios in " + scenarios;
    }

    /**
     * Whether this is the first load and this very build already passed this very revision, warm-up
     * and first check, on these very cases: then checking again would give the same result, and the
     * gate takes the rules as checked (later reloads are judged against them as usual).
     */
    synchronized boolean passedBefore(RuleSet rules) {
        if (!passed.isEmpty()) {
            return false;
        }
        String firstCheck = firstCheck(cases());
        if (firstCheck == null || !cache.passed(rules.revision(), firstCheck)) {
            return false;
        }
        LOG.debug("properties on {} already passed for rules {}: not checked again", describe(), rules.revision());
        passed = fileHashes();
        return true;
    }

    /**
     * @throws RuleSetRejectedException naming, for each rule and property broken, the rule at its
     *                                  file and line, the scenario and the change
     */
    synchronized void check(RuleSet rules) {
        CheckedSnapshots cases = snapshots(rules);
        Map<String, Integer> hashes = fileHashes();
        String firstCheck = passed.isEmpty() ? firstCheck(cases.sources()) : null;
        Set<String> focus = new TreeSet<>();
        if (!passed.isEmpty()) {
            rules.rules().values().stream()
                    .filter(rule -> !Objects.equals(hashes.get(rule.file()), passed.get(rule.file())))
                    .forEach(rule -> focus.addAll(rule.asks()));
        }
        // The first load (at start) checks the scenarios as they are, so the service starts about as
        // fast as before; from the first edit on, each reload checks the variants as well.
        PropertyChecker.Sampling sampling = passed.isEmpty() ? new PropertyChecker.Sampling(0, Set.of(), false)
                : new PropertyChecker.Sampling(VARIANTS_PER_SCENARIO, focus);
        PropertyChecker.Report report = new PropertyChecker(reader, checkers).check(rules, cases, sampling);
        LOG.debug("properties checked on {} ({} evaluations, {} fields in focus) in {} ms", describe(),
                report.evaluations(), focus.size(), report.millis());
        if (!report.violations().isEmpty()) {
            throw new RuleSetRejectedException(report.problems());
        }
        if (firstCheck != null) {
            cache.recordPassed(rules.revision(), firstCheck);
        }
        passed = hashes;
    }

    /**
     * What the first load checks, as text for the cache's record of its passing: the mode, and each
     * case's name with the content of its files (the bundled samples are part of the build, which
     * the record is tied to as well).
     */
    private String firstCheck(List<PropertyChecker.Case> cases) {
        StringBuilder check = new StringBuilder("properties on the cases as they are, no variants:");
        if (scenarios == null) {
            return check.append(" the bundled samples").toString();
        }
        Set<String> included = new HashSet<>();
        cases.forEach(c -> included.add(c.name()));
        String digest = digestOf(included::contains);
        if (digest == null) {
            return null; // unknown: check as usual
        }
        ScenarioRunner.find(scenarios).stream().map(folder -> ScenarioRunner.nameOf(scenarios, folder))
                .filter(included::contains).forEach(name -> check.append(' ').append(name));
        return check.append(" ").append(digest).toString();
    }

    /**
     * The snapshots to check {@code rules} on: those of the last check when the scenario files, the
     * practice list and the day are the same, else read anew (as each check did before they were kept).
     */
    private CheckedSnapshots snapshots(RuleSet rules) {
        String digest = scenariosDigest();
        if (snapshots == null || digest == null || !digest.equals(snapshotsDigest) || !snapshots.fits(rules.practices(), reader)) {
            snapshots = new CheckedSnapshots(cases(), rules.practices(), reader);
            snapshotsDigest = digest;
        }
        return snapshots;
    }

    /**
     * A digest of every scenario's name and files (what {@link ScenarioCases#under} reads), or of
     * nothing for the bundled samples, which are part of the build; null when a file cannot be read.
     */
    private String scenariosDigest() {
        return scenarios == null ? "the bundled samples" : digestOf(name -> true);
    }

    /** A digest of the names and files of the scenarios {@code included} accepts; null when one cannot be read. */
    private String digestOf(Predicate<String> included) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path folder : ScenarioRunner.find(scenarios)) {
                String name = ScenarioRunner.nameOf(scenarios, folder);
                if (included.test(name)) {
                    sha.update(name.getBytes(StandardCharsets.UTF_8));
                    for (String file : List.of(ScenarioRunner.SNAPSHOT, ScenarioRunner.PREVIOUS)) {
                        Path path = folder.resolve(file);
                        sha.update(Files.exists(path) ? Files.readAllBytes(path) : new byte[0]);
                        sha.update((byte) 0);
                    }
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            return null;
        }
    }

    /** Daemon threads that end after a minute idle, so a gate nobody uses holds none. */
    private static ExecutorService checkers(int threads) {
        AtomicInteger made = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), task -> {
            Thread t = new Thread(task, "covalue-property-check-" + made.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private List<PropertyChecker.Case> cases() {
        return scenarios == null ? bundled() : ScenarioCases.under(scenarios, reader, name -> true);
    }

    /** The content hash of each file in the rules folder (a file that cannot be read counts as changed). */
    private Map<String, Integer> fileHashes() {
        Map<String, Integer> hashes = new HashMap<>();
        try (Stream<Path> files = Files.list(rulesFolder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                try {
                    hashes.put(file.getFileName().toString(), Arrays.hashCode(Files.readAllBytes(file)));
                } catch (IOException e) {
                    // left out: differs from any hash it had
                }
            }
        } catch (IOException e) {
            // no hashes: every rule counts as changed
        }
        return hashes;
    }

    private List<PropertyChecker.Case> bundled() {
        List<PropertyChecker.Case> cases = new ArrayList<>();
        for (String name : SAMPLES) {
            cases.add(new PropertyChecker.Case("bundled sample " + name,
                    SnapshotJson.toVersion2(SnapshotReader.parse(resource(name + ".json"))), null));
        }
        try {
            Snapshot previous = reader.read(resource("trend-early-warning.previous.json"));
            cases.add(new PropertyChecker.Case("bundled sample trend-early-warning",
                    SnapshotJson.toVersion2(SnapshotReader.parse(resource("trend-early-warning.json"))), previous));
        } catch (CovalueException e) {
            // a host clock before the sample's date: check the others
        }
        return cases;
    }

    private static String resource(String file) {
        try (InputStream in = PropertyGate.class.getResourceAsStream("/warm-up/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing resource /warm-up/" + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
