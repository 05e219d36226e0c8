package com.covalue.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The rule bases benchmarks run on: the project's real rules/; "empty", the same folder with no
 * rule at all (the limit: everything an evaluation does besides the rules); "trust-subset", the
 * seven rules {@link TrustSubset} also writes in plain Java; and synthetic bases of exactly N rules
 * made by repeating the real rules under new names (same conditions, so they also fire).
 */
final class RuleBases {

    private static final Pattern RULE = Pattern.compile("(?ms)^rule \"([^\"]+)\"(.*?)^end\\s*$");

    private RuleBases() {
    }

    static Path root() {
        return Path.of(System.getProperty("covalue.root", ".")).toAbsolutePath().normalize();
    }

    static final String EMPTY = "empty";
    static final String TRUST_SUBSET = "trust-subset";
    static final String MATCHING_ONLY = "matching-only";

    /** "real", "empty", "trust-subset", "matching-only" or "synthetic-N". */
    static Path folder(String name) {
        Path real = root().resolve("rules");
        return switch (name) {
            case "real" -> real;
            case EMPTY -> withOnly(real, Set.of());
            case TRUST_SUBSET -> withOnly(real, TrustSubset.RULES);
            case MATCHING_ONLY -> matchingOnly(real);
            default -> synthetic(real, Integer.parseInt(name.substring("synthetic-".length())));
        };
    }

    /**
     * A copy of the rules folder's catalogue, priorities and practice list with only the named
     * rules (of any file), in one file that keeps trust.drl's package, imports and global.
     */
    static Path withOnly(Path real, Set<String> names) {
        try {
            Path dir = Files.createTempDirectory("covalue-rules-only-" + names.size() + "-");
            copyYaml(real, dir);
            String trust = Files.readString(real.resolve("trust.drl"));
            Matcher first = RULE.matcher(trust);
            StringBuilder out = new StringBuilder(trust.substring(0, first.find() ? first.start() : trust.length()));
            Set<String> found = new java.util.TreeSet<>();
            for (Path drl : drlFiles(real)) {
                Matcher m = RULE.matcher(Files.readString(drl));
                while (m.find()) {
                    if (names.contains(m.group(1))) {
                        out.append(m.group()).append("\n\n");
                        found.add(m.group(1));
                    }
                }
            }
            if (found.size() != names.size()) {
                throw new IllegalStateException("rules not found in " + real + ": " + new java.util.TreeSet<>(names).stream()
                        .filter(n -> !found.contains(n)).toList());
            }
            Files.writeString(dir.resolve("only.drl"), out.toString());
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyYaml(Path real, Path dir) throws IOException {
        for (Path yaml : Files.list(real).filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
            Files.copy(yaml, dir.resolve(yaml.getFileName()));
        }
    }

    private static List<Path> drlFiles(Path real) throws IOException {
        try (Stream<Path> s = Files.list(real)) {
            return s.filter(p -> p.toString().endsWith(".drl")).sorted().toList();
        }
    }

    /** Everything from a rule's {@code then} line up to its {@code end} line: its consequence. */
    private static final Pattern CONSEQUENCE = Pattern.compile("(?ms)^then\\s*$.*?(?=^end\\s*$)");

    /**
     * The real rules with every consequence emptied (the decision table's recommendation call too):
     * the same network matches the same facts and the rule compiler still records each firing, but
     * no rule recommends anything, so no reasons, findings or recommendations are made and the
     * renewal stage sees none. Real less this is what the consequences and what follows from them cost.
     */
    static Path matchingOnly(Path real) {
        try {
            Path dir = Files.createTempDirectory("covalue-rules-matching-only-");
            copyYaml(real, dir);
            for (Path drl : drlFiles(real)) {
                String text = Files.readString(drl);
                Matcher m = CONSEQUENCE.matcher(text);
                Files.writeString(dir.resolve(drl.getFileName()), m.replaceAll("then\n"));
            }
            try (Stream<Path> s = Files.list(real)) {
                for (Path csv : s.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                    String table = Files.readString(csv);
                    String call = "\"advice.recommend(\"\"$param\"\", severity, reason);\"";
                    if (!table.contains(call)) {
                        throw new IllegalStateException(csv + ": its recommendation column is not " + call);
                    }
                    Files.writeString(dir.resolve(csv.getFileName()), table.replace(call, "\"String id = \"\"$param\"\";\""));
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A folder with exactly {@code count} rules, cycling through the real ones. */
    static Path synthetic(Path real, int count) {
        try {
            Path dir = Files.createTempDirectory("covalue-rules-" + count + "-");
            copyYaml(real, dir);
            List<Path> drls = drlFiles(real);
            int made = 0;
            for (int copy = 1; made < count; copy++) {
                for (Path drl : drls) {
                    if (made >= count) {
                        break;
                    }
                    String text = Files.readString(drl);
                    Matcher m = RULE.matcher(text);
                    int firstRule = m.find() ? m.start() : text.length();
                    StringBuilder out = new StringBuilder(text.substring(0, firstRule)); // package, imports, global
                    m.reset();
                    while (m.find() && made < count) {
                        out.append("rule \"").append(m.group(1)).append(" (copy ").append(copy).append(")\"")
                                .append(m.group(2)).append("end\n\n");
                        made++;
                    }
                    String name = drl.getFileName().toString().replace(".drl", "-" + copy + ".drl");
                    Files.writeString(dir.resolve(name), out.toString());
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> scenarios() {
        try (Stream<Path> s = Files.list(root().resolve("scenarios"))) {
            return s.filter(p -> Files.isRegularFile(p.resolve("snapshot.json"))).map(p -> p.getFileName().toString()).sorted()
                    .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
