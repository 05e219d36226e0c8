package com.covalue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package layout the README draws, kept by a test: which package may import which. Each rule
 * says what a package may depend on among Covalue's own packages, and which libraries only the
 * adapters may touch. A new import that breaks the house fails here with its file and line.
 */
class ArchitectureTest {

    private static final Path SOURCES = Path.of("src/main/java/com/covalue");

    /** Covalue packages each package may import (its own always allowed). */
    private static final Map<String, Set<String>> MAY_IMPORT = Map.ofEntries(
            Map.entry("model", Set.of()),
            Map.entry("facts", Set.of("model")),
            Map.entry("validation", Set.of("model")),
            Map.entry("store", Set.of("model")),
            Map.entry("ruleset", Set.of("model", "facts", "validation")),
            Map.entry("advice", Set.of("model", "facts", "ruleset")),
            Map.entry("review", Set.of("model", "advice", "ruleset", "validation")),
            Map.entry("scenario", Set.of("model", "advice", "ruleset", "review", "validation")),
            Map.entry("properties", Set.of("model", "advice", "ruleset", "scenario", "validation")),
            Map.entry("app", Set.of("model", "facts", "validation", "store", "ruleset", "advice", "review", "scenario",
                    "properties")),
            // adapters: the front door, and the types it answers with (review reports, stored history)
            Map.entry("http", Set.of("app", "model", "review", "store", "web")),
            // the web app: pages, sign-in and assessments, with the same reach as http (which registers its routes)
            Map.entry("web", Set.of("app", "model", "review", "store")),
            Map.entry("cli", Set.of("app", "model", "review", "store", "http", "web")));

    /** Single imports allowed beyond the rules above, each with its reason. */
    private static final Set<String> EXCEPTIONS = Set.of(
            // the convenience factories tests and benchmarks start the service with take a reader
            "http/CovalueApp.java -> com.covalue.validation.SnapshotReader",
            // "did you mean" for query parameters: a string helper, not validation logic
            "http/QueryParams.java -> com.covalue.validation.Levenshtein");

    /** Libraries only some packages may import. */
    private static final Map<String, Set<String>> LIBRARY_USERS = Map.of(
            "org.drools", Set.of("ruleset", "advice", "app"),
            "org.kie", Set.of("ruleset", "advice", "app"),
            "io.javalin", Set.of("http", "web", "cli"),
            "picocli", Set.of("cli"),
            "com.github.javaparser", Set.of("ruleset"));

    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+);", Pattern.MULTILINE);

    @Test
    void every_package_imports_only_what_the_layout_allows() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String relative = SOURCES.relativize(file).toString().replace('\\', '/');
                String pkg = relative.substring(0, relative.indexOf('/'));
                assertThat(MAY_IMPORT).as("a rule for package " + pkg).containsKey(pkg);
                String text = Files.readString(file, StandardCharsets.UTF_8);
                Matcher m = IMPORT.matcher(text);
                while (m.find()) {
                    String problem = check(pkg, relative, m.group(1));
                    if (problem != null) {
                        int line = (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
                        violations.add(relative + ":" + line + ": " + problem);
                    }
                }
            }
        }
        assertThat(violations).as("imports that break the package layout (README, 'How it is built')").isEmpty();
    }

    @Test
    void the_check_finds_a_forbidden_import() {
        assertThat(check("advice", "advice/Advisor.java", "com.covalue.app.Covalue")).contains("advice may not import app");
        assertThat(check("model", "model/Snapshot.java", "org.drools.base.InitialFact")).contains("model may not import org.drools");
        assertThat(check("http", "http/AdviceController.java", "com.covalue.advice.Advisor")).isNotNull();
        assertThat(check("http", "http/AdviceController.java", "com.covalue.app.Covalue")).isNull();
    }

    private static String check(String pkg, String relative, String imported) {
        if (imported.startsWith("com.covalue.")) {
            String target = imported.substring("com.covalue.".length()).split("\\.")[0];
            if (target.equals(pkg) || MAY_IMPORT.get(pkg).contains(target) || EXCEPTIONS.contains(relative + " -> " + imported)) {
                return null;
            }
            return pkg + " may not import " + target + " (" + imported + ")";
        }
        for (var library : LIBRARY_USERS.entrySet()) {
            if (imported.startsWith(library.getKey() + ".") && !library.getValue().contains(pkg)) {
                return pkg + " may not import " + library.getKey() + " (" + imported + ")";
            }
        }
        return null;
    }
}
