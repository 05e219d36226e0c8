package com.covalue.app;

import com.covalue.model.CovalueException;
import com.covalue.model.Snapshot;
import com.covalue.model.SnapshotJson;
import com.covalue.properties.PropertyChecker;
import com.covalue.properties.ScenarioCases;
import com.covalue.ruleset.RuleSet;
import com.covalue.ruleset.RuleSetRejectedException;
import com.covalue.validation.SnapshotReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
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
 * folder before starting a service on it.
 */
final class PropertyGate {

    private static final Logger LOG = LoggerFactory.getLogger("covalue");

    /**
     * Improvements checked per scenario on a reload. With the 26 shipped scenarios this is about 280
     * evaluations, 0.3-0.4 s on one core (all 1,330 take about 2 s: see {@code covalue verify}).
     */
    static final int VARIANTS_PER_SCENARIO = 6;

    /** The bundled samples (the warm-up's snapshots), used when no scenarios folder sits beside the rules. */
    private static final String[] SAMPLES = {
            "past-strategic-use", "contract-example", "governance-vacuum", "master-servant", "healthy-partnership",
    };

    private final Path rulesFolder;
    private final Path scenarios;
    private final SnapshotReader reader;
    /** Content hash of each file of the last rule set that passed, by file name; empty before the first. */
    private Map<String, Integer> passed = Map.of();

    private PropertyGate(Path rulesFolder, Path scenarios, Clock clock) {
        this.rulesFolder = rulesFolder;
        this.scenarios = scenarios;
        this.reader = new SnapshotReader(clock);
    }

    /** The gate for a rules folder: its sibling {@code scenarios/} if there is one, else the bundled samples. */
    static PropertyGate beside(Path rulesFolder, Clock clock) {
        Path parent = rulesFolder.toAbsolutePath().normalize().getParent();
        Path sibling = parent == null ? null : parent.resolve("scenarios");
        return new PropertyGate(rulesFolder, sibling != null && Files.isDirectory(sibling) ? sibling : null, clock);
    }

    /** What the gate checks on, for the log. */
    String describe() {
        return scenarios == null ? "the bundled sample snapshots" : "the scenarios in " + scenarios;
    }

    /**
     * @throws RuleSetRejectedException naming, for each rule and property broken, the rule at its
     *                                  file and line, the scenario and the change
     */
    synchronized void check(RuleSet rules) {
        List<PropertyChecker.Case> cases = scenarios == null ? bundled() : ScenarioCases.under(scenarios, reader, name -> true);
        Map<String, Integer> hashes = fileHashes();
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
        PropertyChecker.Report report = new PropertyChecker(reader).check(rules, cases, sampling);
        LOG.debug("properties checked on {} ({} evaluations, {} fields in focus) in {} ms", describe(),
                report.evaluations(), focus.size(), report.millis());
        if (!report.violations().isEmpty()) {
            throw new RuleSetRejectedException(report.problems());
        }
        passed = hashes;
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
