package com.covalue.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The rule bases benchmarks run on: the project's real rules/, and synthetic bases of exactly N
 * rules made by repeating the real rules under new names (same conditions, so they also fire).
 */
final class RuleBases {

    private static final Pattern RULE = Pattern.compile("(?ms)^rule \"([^\"]+)\"(.*?)^end\\s*$");

    private RuleBases() {
    }

    static Path root() {
        return Path.of(System.getProperty("covalue.root", ".")).toAbsolutePath().normalize();
    }

    /** "real" or "synthetic-N". */
    static Path folder(String name) {
        Path real = root().resolve("rules");
        if (name.equals("real")) {
            return real;
        }
        return synthetic(real, Integer.parseInt(name.substring("synthetic-".length())));
    }

    /** A folder with exactly {@code count} rules, cycling through the real ones. */
    static Path synthetic(Path real, int count) {
        try {
            Path dir = Files.createTempDirectory("covalue-rules-" + count + "-");
            Files.copy(real.resolve("catalogue.yaml"), dir.resolve("catalogue.yaml"));
            Files.copy(real.resolve("priority.yaml"), dir.resolve("priority.yaml"));
            List<Path> drls;
            try (Stream<Path> s = Files.list(real)) {
                drls = s.filter(p -> p.toString().endsWith(".drl")).sorted().toList();
            }
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
