package com.covalue;

import com.covalue.ruleset.RuleSet;
import com.covalue.ruleset.RuleSetCompiler;
import com.covalue.model.Json;
import com.covalue.model.Snapshot;
import com.covalue.validation.SnapshotReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Shared fixtures: the project's real rules compiled once per test run, and snapshot helpers. */
public final class TestSupport {

    /** A fixed "today" so that tests do not depend on the day they run. */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
    public static final Path RULES = Path.of("rules");
    public static final Path SCENARIOS = Path.of("scenarios");
    public static final Path EXAMPLE = Path.of("src/test/resources/example-snapshot.json");
    /** The contract's example of a version 2 snapshot, both sides' views filled in. */
    public static final Path EXAMPLE_V2 = Path.of("src/test/resources/contract/example-snapshot-v2.json");

    private static RuleSet realRules;

    private TestSupport() {
    }

    /** The rules/ folder compiled once (a Drools build takes seconds; tests share it read-only). */
    public static synchronized RuleSet realRules() {
        if (realRules == null) {
            realRules = new RuleSetCompiler(CLOCK).compile(RULES);
        }
        return realRules;
    }

    /**
     * The real rules plus one rule file compiled WITHOUT Covalue's checks, as the given revision:
     * what the safe rule language would refuse (a rule that updates its own fact and so fires
     * forever), for testing the limits that hold even if a rule got past the checks.
     */
    public static RuleSet realRulesPlusUnchecked(String revision, String drl) {
        org.kie.internal.builder.KnowledgeBuilder builder = org.kie.internal.builder.KnowledgeBuilderFactory.newKnowledgeBuilder();
        try (java.util.stream.Stream<Path> files = Files.list(RULES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".drl")).sorted().toList()) {
                builder.add(org.kie.internal.io.ResourceFactory.newFileResource(file.toFile()), org.kie.api.io.ResourceType.DRL);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        builder.add(org.kie.internal.io.ResourceFactory.newByteArrayResource(drl.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .setSourcePath("unchecked.drl"), org.kie.api.io.ResourceType.DRL);
        if (builder.hasErrors()) {
            throw new IllegalArgumentException(builder.getErrors().toString());
        }
        RuleSet real = realRules();
        return new RuleSet(revision, builder.newKieBase(), real.catalogue(), real.practices(), real.priority(), real.rules(),
                real.files(), real.compiledAt(), real.askedBy());
    }

    /**
     * Like {@link #LOOPS_WITHOUT_ESCALATION_PATH}, but each firing first spends 2 ms of CPU, so
     * the time budget stops it after a few dozen firings, long before the firing limit, however
     * fast the machine. (On a fast machine the plain loop reaches the limit within 200 ms.)
     */
    public static final String SPINS_WITHOUT_ESCALATION_PATH = """
            package covalue.rules;
            import com.covalue.model.*;
            global com.covalue.facts.AdviceCollector advice;
            rule "Spins without an escalation path"
            when
                $g : Governance( escalationPath == false )
            then
                long until = System.nanoTime() + 2000000L;
                while (System.nanoTime() < until) { Thread.onSpinWait(); }
                update($g);
            end
            """;

    /** A rule that fires forever once the snapshot has no agreed escalation path: it updates its own fact, cheaply. */
    public static final String LOOPS_WITHOUT_ESCALATION_PATH = """
            package covalue.rules;
            import com.covalue.model.*;
            global com.covalue.facts.AdviceCollector advice;
            rule "Loops without an escalation path"
            when
                $g : Governance( escalationPath == false )
            then
                update($g);
            end
            """;

    /**
     * The command line that runs {@code covalue args...} in a JVM of its own, on the tests' class
     * path. The JVM compiles with C1 only and collects garbage on one thread, as the {@code ./covalue}
     * launcher runs its short commands: a child of a test lives for seconds, and on two busy cores
     * the optimising compiler's and the parallel collector's threads make its start several times
     * slower without changing anything it does.
     */
    public static List<String> covalueCommand(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), "com.covalue.cli.Main"));
        command.addAll(List.of(args));
        return command;
    }

    public static SnapshotReader reader() {
        return new SnapshotReader(CLOCK);
    }

    /** A copy of the real rules/ folder at {@code to}, for tests that edit, break or watch rules. */
    public static Path copyRules(Path to) {
        return copyTree(RULES, to);
    }

    /** A copy of folder {@code from}, with everything below it, at {@code to} (which must not exist yet). */
    public static Path copyTree(Path from, Path to) {
        try (java.util.stream.Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return to;
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode exampleJson() {
        return (ObjectNode) SnapshotReader.parse(read(EXAMPLE));
    }

    public static ObjectNode exampleV2Json() {
        return (ObjectNode) SnapshotReader.parse(read(EXAMPLE_V2));
    }

    public static Snapshot snapshot(JsonNode json) {
        return reader().read(json);
    }

    public static ObjectNode minimalJson(String id) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("schemaVersion", 1);
        n.put("assessedOn", "2026-11-01");
        n.putObject("relationship").put("id", id);
        return n;
    }

    /** Sets a value at a dotted path, creating sections as needed. */
    public static ObjectNode with(ObjectNode root, String path, Object value) {
        ObjectNode copy = root.deepCopy();
        String[] steps = path.split("\\.");
        ObjectNode node = copy;
        for (int i = 0; i < steps.length - 1; i++) {
            node = node.has(steps[i]) ? (ObjectNode) node.get(steps[i]) : node.putObject(steps[i]);
        }
        node.set(steps[steps.length - 1], Json.MAPPER.valueToTree(value));
        return copy;
    }

    /** Removes the value at a dotted path. */
    public static ObjectNode without(ObjectNode root, String path) {
        ObjectNode copy = root.deepCopy();
        int dot = path.lastIndexOf('.');
        JsonNode parent = dot < 0 ? copy : at(copy, path.substring(0, dot));
        if (parent instanceof ObjectNode o) {
            o.remove(path.substring(dot + 1));
        }
        return copy;
    }

    public static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (String step : path.split("\\.")) {
            node = node == null ? null : node.get(step);
        }
        return node;
    }
}
