package com.covalue.engine;

import com.covalue.model.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.kie.api.KieBase;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

/**
 * Compiles the rules folder into a {@link RuleSet}, all or nothing: the DRL files, the
 * recommendation catalogue and the priority weights are checked together, and if anything is
 * wrong every problem is reported (file, line, message) and nothing is returned.
 */
public final class RuleSetCompiler {

    private final Clock clock;

    public RuleSetCompiler(Clock clock) {
        this.clock = clock;
    }

    /** Compiles the folder; throws {@link RuleSetRejectedException} listing every problem. */
    public RuleSet compile(Path folder) {
        RuleFolder files = RuleFolder.read(folder);
        List<Problem> problems = new ArrayList<>(files.problems());

        if (files.unreadable()) {
            throw new RuleSetRejectedException(problems);
        }
        String catalogueText = files.text(Catalogue.FILE).orElse(null);
        String priorityText = files.text(PriorityPolicy.FILE).orElse(null);
        if (catalogueText == null) {
            problems.add(Problem.atLine(Catalogue.FILE, 0, "missing: the rules folder needs the recommendation catalogue " + Catalogue.FILE));
        }
        if (priorityText == null) {
            problems.add(Problem.atLine(PriorityPolicy.FILE, 0, "missing: the rules folder needs the priority weights " + PriorityPolicy.FILE));
        }
        Catalogue catalogue = Catalogue.parse(catalogueText == null ? "{}" : catalogueText, problems);
        PriorityPolicy priority = priorityText == null ? null : PriorityPolicy.parse(priorityText, problems);

        Map<String, RuleInfo> rules = new LinkedHashMap<>();
        RuleTextChecker checker = new RuleTextChecker(catalogue, problems);
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        for (Map.Entry<String, String> drl : files.drlFiles().entrySet()) {
            for (RuleInfo rule : checker.check(drl.getKey(), drl.getValue())) {
                RuleInfo earlier = rules.putIfAbsent(rule.name(), rule);
                if (earlier != null) {
                    problems.add(Problem.atLine(rule.file(), rule.line(), "rule name \"" + rule.name()
                            + "\" is already used at " + earlier.file() + ":" + earlier.line() + "; every rule needs its own name"));
                }
            }
            builder.add(ResourceFactory.newByteArrayResource(drl.getValue().getBytes(StandardCharsets.UTF_8))
                    .setSourcePath(drl.getKey()), ResourceType.DRL);
        }
        List<Problem> drools = builder.getErrors().stream().map(DroolsMessages::translate).toList();
        for (Problem p : drools) {
            // After a syntax error Drools adds "Parser returned a null Package" for the same file: noise.
            boolean echo = p.message().startsWith("Parser returned a null Package")
                    && drools.stream().anyMatch(other -> other != p && java.util.Objects.equals(other.file(), p.file()));
            if (!echo) {
                problems.add(p);
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleSetRejectedException(problems.stream().distinct().toList());
        }
        KieBase kieBase = builder.newKieBase();
        return new RuleSet(files.revision(), kieBase, catalogue, priority, rules, files.names(), clock.instant(),
                RuleSet.askedBy(rules));
    }

    /**
     * The files of a rules folder, read once, with the revision hash of their content; revision is
     * null when the folder itself could not be read.
     */
    record RuleFolder(Map<String, String> texts, String revision, List<Problem> problems) {

        boolean unreadable() {
            return revision == null;
        }

        static RuleFolder read(Path folder) {
            List<Problem> problems = new ArrayList<>();
            Map<String, String> texts = new LinkedHashMap<>();
            if (!Files.isDirectory(folder)) {
                problems.add(Problem.atLine(folder.toString(), 0, "the rules folder does not exist or is not a folder"));
                return new RuleFolder(texts, null, problems);
            }
            // Only the folder's own files: subfolders (backups, Kubernetes ConfigMap '..data' links)
            // would load every rule twice, and hidden files are editors' temporary copies.
            List<Path> paths;
            try (Stream<Path> list = Files.list(folder)) {
                paths = list.filter(p -> !p.getFileName().toString().startsWith("."))
                        .filter(p -> p.toString().endsWith(".drl") || p.toString().endsWith(".yaml"))
                        .filter(Files::isRegularFile)
                        .sorted()
                        .toList();
            } catch (IOException e) {
                problems.add(Problem.atLine(folder.toString(), 0, "the rules folder cannot be read: " + e.getMessage()));
                return new RuleFolder(texts, null, problems);
            }
            for (Path p : paths) {
                String name = p.getFileName().toString();
                try {
                    texts.put(name, Files.readString(p, StandardCharsets.UTF_8));
                } catch (java.nio.charset.MalformedInputException e) {
                    problems.add(Problem.atLine(name, 0, "is not UTF-8 text; save it again as UTF-8"));
                } catch (IOException e) {
                    problems.add(Problem.atLine(name, 0, "cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                            + "); if it was being saved, the next change retries"));
                }
            }
            if (texts.keySet().stream().noneMatch(n -> n.endsWith(".drl"))) {
                problems.add(Problem.atLine(folder.toString(), 0, "the rules folder has no .drl rule files"));
            }
            texts.forEach((name, text) -> {
                if (name.endsWith(".drl") && text.isBlank()) {
                    problems.add(Problem.atLine(name, 0, "the file is empty; delete it or write rules in it"));
                }
            });
            return new RuleFolder(texts, hash(texts), problems);
        }

        java.util.Optional<String> text(String name) {
            return java.util.Optional.ofNullable(texts.get(name));
        }

        Map<String, String> drlFiles() {
            Map<String, String> drl = new LinkedHashMap<>();
            texts.forEach((name, text) -> {
                if (name.endsWith(".drl") && !text.isBlank()) {
                    drl.put(name, text);
                }
            });
            return drl;
        }

        List<String> names() {
            return List.copyOf(texts.keySet());
        }

        private static String hash(Map<String, String> texts) {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                texts.forEach((name, text) -> {
                    sha.update(name.getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) 0);
                    sha.update(text.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) 0);
                });
                return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
