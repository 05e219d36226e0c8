package com.covalue.ruleset;

import com.covalue.model.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

/**
 * Compiles the rules folder into a {@link RuleSet}, all or nothing: the DRL files, the
 * recommendation catalogue and the priority weights are checked together, and if anything is
 * wrong every problem is reported (file, line, message) and nothing is returned.
 *
 * <p>Compiling is the slow part of loading rules, so a compiler remembers what it compiled: a
 * reload recompiles only the rule files whose text changed (see {@link FileByFileBuild}), and with
 * a {@link CompiledRulesCache} a new process reuses the rule set an earlier one compiled from the
 * same files. Either way the result is the rule set a full compile of the files would give.
 */
public final class RuleSetCompiler {

    private final Clock clock;
    private final CompiledRulesCache cache;
    private final FileByFileBuild byFile;
    private final DecisionTables tables = new DecisionTables();
    private final RuleChecks checks = new RuleChecks();
    /** The last catalogue and priority weights read without a problem, with their text. */
    private volatile Parsed<Catalogue> lastCatalogue;
    private volatile Parsed<PriorityPolicy> lastPriority;

    private record Parsed<T>(String text, T value) {
    }

    /** How the last rule set this compiler returned was obtained (for logs and tests). */
    public enum Source {
        /** the active rule set, the files being unchanged */
        UNCHANGED,
        /** read back from the compiled-rules cache */
        CACHE,
        /** compiled file by file, reusing files compiled before */
        FILE_BY_FILE,
        /** compiled in one build of all files */
        ONE_BUILD
    }

    private final boolean fileByFile;
    private volatile Source lastSource;
    /** The rule files as last parsed, by name: a reload parses only the files that changed. */
    private volatile Map<String, ParsedDrl> parsed = Map.of();

    /** A compiler without a disk cache (it still reuses its own work between reloads). */
    public RuleSetCompiler(Clock clock) {
        this(clock, CompiledRulesCache.disabled());
    }

    public RuleSetCompiler(Clock clock, CompiledRulesCache cache) {
        this(clock, cache, true);
    }

    /** @param fileByFile false to always compile all files in one build (the reference, for tests) */
    RuleSetCompiler(Clock clock, CompiledRulesCache cache, boolean fileByFile) {
        this.clock = clock;
        this.cache = cache;
        this.fileByFile = fileByFile;
        this.byFile = new FileByFileBuild();
    }

    /** Compiles the folder; throws {@link RuleSetRejectedException} listing every problem. */
    public RuleSet compile(Path folder) {
        return compile(folder, null);
    }

    /**
     * Compiles the folder, or returns {@code current} itself when the files are exactly those it
     * was compiled from (same revision): compiling them again would give the same rule set.
     */
    public RuleSet compile(Path folder, RuleSet current) {
        RuleFolder files = RuleFolder.read(folder);
        if (files.unreadable()) {
            throw new RuleSetRejectedException(files.problems());
        }
        Compiled compiled = reused(files, current).orElseGet(() -> checkedAndBuilt(files));
        lastSource = compiled.source();
        return compiled.ruleSet();
    }

    /** A rule set and how it was obtained. */
    private record Compiled(RuleSet ruleSet, Source source) {
    }

    /** The active rule set if the files are unchanged, else the one the cache holds for them; none if a file could not be read. */
    private Optional<Compiled> reused(RuleFolder files, RuleSet current) {
        if (!files.problems().isEmpty()) {
            return Optional.empty();
        }
        if (current != null && current.revision().equals(files.revision())) {
            return Optional.of(new Compiled(current, Source.UNCHANGED));
        }
        return fromCache(files).map(ruleSet -> new Compiled(ruleSet, Source.CACHE));
    }

    /**
     * Checks every file and builds the rules; throws {@link RuleSetRejectedException} listing every
     * problem, those in a decision table at its row.
     */
    private Compiled checkedAndBuilt(RuleFolder files) {
        try {
            return checkedAndBuiltAsDrl(files);
        } catch (RuleSetRejectedException e) {
            throw new RuleSetRejectedException(tables.locate(e.problems()));
        }
    }

    private Compiled checkedAndBuiltAsDrl(RuleFolder files) {
        List<Problem> problems = new ArrayList<>(files.problems());
        Checked checked = checked(files, problems);
        Map<String, String> ruleTexts = checked.ruleTexts();
        // rule files our checks found a mistake in: Drools' errors there would only echo it
        Set<String> filesWithProblems = new HashSet<>();
        problems.stream().map(Problem::file).filter(ruleTexts::containsKey).forEach(filesWithProblems::add);
        Build build = build(checked.drls(), ruleTexts, filesWithProblems, problems);

        RuleSet ruleSet = new RuleSet(files.revision(), build.kieBase(), checked.catalogue(), checked.practices(),
                checked.priority(), checked.rules(), files.names(), clock.instant(), RuleSet.askedBy(checked.rules()));
        cache.write(ruleSet.revision(), new CompiledRulesCache.Entry(checked.catalogue(), checked.practices(), checked.priority(),
                ruleSet.rules(), ruleSet.files(), ruleSet.askedBy(), build.serialized()));
        return new Compiled(ruleSet, build.source());
    }

    /** What the checks made of a folder's files before anything is built. */
    private record Checked(Catalogue catalogue, PracticeList practices, PriorityPolicy priority, Map<String, String> ruleTexts,
            List<ParsedDrl> drls, Map<String, RuleInfo> rules) {
    }

    /**
     * Parses and checks every file (remembering each file's results for the next compile) and adds
     * every problem found to {@code problems}.
     */
    private Checked checked(RuleFolder files, List<Problem> problems) {
        Optional<String> catalogueText = required(files, Catalogue.FILE, "the recommendation catalogue", problems);
        Optional<String> priorityText = required(files, PriorityPolicy.FILE, "the priority weights", problems);
        int before = problems.size();
        Catalogue catalogue = reusedOrParsed(catalogueText.orElse("{}"), lastCatalogue, Catalogue::parse, problems,
                parsed -> lastCatalogue = parsed);
        boolean catalogueReadable = catalogueText.isPresent() && (problems.size() == before || YamlFile.readable(catalogueText.get()));
        String practicesText = files.texts().get(PracticeList.FILE);
        before = problems.size();
        PracticeList practices = practicesText != null ? PracticeList.parse(practicesText, problems) : PracticeList.EMPTY;
        boolean practicesReadable = practicesText != null && (problems.size() == before || YamlFile.readable(practicesText));
        // A YAML syntax error is reported once: the checks that depend on that file would only echo it.
        if (catalogueReadable && (practicesReadable || practicesText == null)) {
            catalogue.checkPractices(practices, catalogueText.get(), problems);
        }
        PriorityPolicy priority = priorityText.map(text -> reusedOrParsed(text, lastPriority, PriorityPolicy::parse, problems,
                parsed -> lastPriority = parsed)).orElse(null);
        // Decision tables become DRL here, before anything else reads rules: from now on a table is one more rule file.
        Map<String, String> ruleTexts = tables.ruleTexts(files, problems);
        List<ParsedDrl> drls = parse(ruleTexts);
        for (ParsedDrl drl : drls) {
            if (drl.descr() == null) { // Drools' "no viable alternative at input ''" would not show the character
                problems.addAll(BadCharacter.curlyQuotesInDrl(drl.file(), drl.text()));
            }
        }
        KnownNames names = new KnownNames(practicesReadable ? practices.ids() : null,
                catalogueReadable ? catalogue.entries().keySet() : null);
        Map<String, RuleInfo> rules = checkedRules(drls, catalogue, names, tables, problems);
        return new Checked(catalogue, practices, priority, ruleTexts, drls, rules);
    }

    /**
     * After a rule set was read from the cache, parses and checks the folder's files as a compile
     * would, without building, so that the first edit re-checks only the file it changed: the cache
     * holds compiled packages, not the parses and findings a compile remembers per file (without
     * this, that first edit re-checks every file, 30 s instead of 4 s under load). Does nothing after
     * any other compile. Must not run beside a compile; the caller serialises them (see
     * {@code RuleRegistry.primeCompiler}).
     */
    public void prime(Path folder) {
        if (lastSource != Source.CACHE) {
            return;
        }
        RuleFolder files = RuleFolder.read(folder);
        if (!files.unreadable() && files.problems().isEmpty()) {
            checked(files, new ArrayList<>());
        }
    }

    /** Every rule of every file, by name, after the checks Drools does not make; a name used twice is a problem. */
    private Map<String, RuleInfo> checkedRules(List<ParsedDrl> drls, Catalogue catalogue, KnownNames names,
            DecisionTables tables, List<Problem> problems) {
        Map<String, RuleInfo> rules = new LinkedHashMap<>();
        for (RuleInfo checked : checks.check(drls, catalogue, names, problems)) {
            RuleInfo rule = tables.located(checked); // a table's rule is at its row
            RuleInfo earlier = rules.putIfAbsent(rule.name(), rule);
            if (earlier != null) {
                problems.add(Problem.atLine(checked.file(), checked.line(), "rule name \"" + rule.name()
                        + "\" is already used at " + earlier.location() + "; every rule needs its own name"));
            }
        }
        return rules;
    }

    /** The knowledge base, its packages serialized for the cache, and whether it was built file by file or in one build. */
    private record Build(KieBase kieBase, LinkedHashMap<String, byte[]> serialized, Source source) {
    }

    /**
     * Rules that pass our checks are built file by file when they can be; anything else, and every
     * failure, goes through one build of all the files, whose errors are the reference. Throws
     * {@link RuleSetRejectedException} listing every problem, ours and Drools'. A file-by-file build
     * is remembered, so the next reload recompiles only the files that change.
     */
    private Build build(List<ParsedDrl> drls, Map<String, String> drlFiles, Set<String> filesWithProblems,
            List<Problem> problems) {
        Optional<FileByFileBuild.Built> built = problems.isEmpty() && fileByFile ? byFile.build(drls) : Optional.empty();
        LinkedHashMap<String, byte[]> serialized = new LinkedHashMap<>();
        if (built.isPresent()) {
            built.get().units().forEach((file, unit) -> serialized.put(file, unit.serialized()));
            byFile.remember(built.get().units());
            return new Build(built.get().kieBase(), serialized, Source.FILE_BY_FILE);
        }
        KnowledgeBuilder builder = buildTogether(drls, drlFiles, filesWithProblems, problems);
        if (!problems.isEmpty()) {
            throw new RuleSetRejectedException(problems.stream().distinct().toList());
        }
        if (cache.enabled()) {
            serialized.put(ALL_FILES, FileByFileBuild.serialize(List.copyOf(builder.getKnowledgePackages())));
        }
        return new Build(builder.newKieBase(), serialized, Source.ONE_BUILD);
    }

    /** How the last rule set returned was obtained; null before the first. */
    public Source lastSource() {
        return lastSource;
    }

    /** How many rule files the last compile ran the rule checks on (the others were unchanged). */
    int filesCheckedLastTime() {
        return checks.filesCheckedLastTime();
    }

    /** How many rule files the last file-by-file build compiled (the others were reused). */
    int filesCompiledLastTime() {
        return byFile.filesCompiledLastTime();
    }

    /** Key of the one serialized unit of a rule set that was built as a whole. */
    private static final String ALL_FILES = "";

    /** Waits for compiled rule sets still being written to the cache (for commands about to exit). */
    public void flushCache(java.time.Duration timeout) {
        cache.flush(timeout);
    }

    /**
     * One build of all the files; Drools' errors are added, except in files our checks already
     * found a problem in: those are the mistake itself (a misspelt field, a refused call), and
     * Drools' echoes of it ("unable to resolve method using strict-mode", "Unable to Analyse
     * Expression") would only bury it.
     */
    private static KnowledgeBuilder buildTogether(List<ParsedDrl> drls, Map<String, String> drlFiles,
            Set<String> filesWithProblems, List<Problem> problems) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        // the texts as compiled: each rule records its firing (FiringRecording); line numbers are the author's
        drls.forEach(drl -> builder.add(ResourceFactory.newByteArrayResource(
                FiringRecording.textToCompile(drl).getBytes(StandardCharsets.UTF_8)).setSourcePath(drl.file()), ResourceType.DRL));
        List<Problem> drools = builder.getErrors().stream().map(e -> DroolsMessages.translate(e, drlFiles)).toList();
        for (Problem p : drools) {
            // After a syntax error Drools adds "Parser returned a null Package" for the same file: noise.
            boolean echo = p.message().startsWith("Parser returned a null Package")
                    && drools.stream().anyMatch(other -> other != p && java.util.Objects.equals(other.file(), p.file()));
            if (!echo && !filesWithProblems.contains(p.file())) {
                problems.add(p);
            }
        }
        return builder;
    }

    /** The text of a file the folder must have; a problem when it is missing. */
    private static Optional<String> required(RuleFolder files, String file, String what, List<Problem> problems) {
        Optional<String> text = files.text(file);
        if (text.isEmpty()) {
            problems.add(Problem.atLine(file, 0, "missing: the rules folder needs " + what + " " + file));
        }
        return text;
    }

    /** The last value read from the same text without a problem, or the text parsed now (and remembered if it has none). */
    private static <T> T reusedOrParsed(String text, Parsed<T> last, BiFunction<String, List<Problem>, T> parse,
            List<Problem> problems, Consumer<Parsed<T>> remember) {
        if (last != null && last.text().equals(text)) {
            return last.value();
        }
        int before = problems.size();
        T value = parse.apply(text, problems);
        if (problems.size() == before) {
            remember.accept(new Parsed<>(text, value));
        }
        return value;
    }

    /** Each rule file parsed, reusing the parse of a file whose text is unchanged. */
    private List<ParsedDrl> parse(Map<String, String> drlFiles) {
        Map<String, ParsedDrl> before = parsed;
        Map<String, ParsedDrl> now = new LinkedHashMap<>();
        drlFiles.forEach((file, text) -> {
            ParsedDrl last = before.get(file);
            now.put(file, last != null && last.text().equals(text) ? last : ParsedDrl.parse(file, text));
        });
        parsed = now;
        return List.copyOf(now.values());
    }

    /** The rule set compiled earlier from exactly these files by this build, if the cache has it. */
    private Optional<RuleSet> fromCache(RuleFolder files) {
        Optional<CompiledRulesCache.Entry> entry = cache.read(files.revision());
        if (entry.isEmpty() || !entry.get().files().equals(files.names())) {
            return Optional.empty();
        }
        CompiledRulesCache.Entry e = entry.get();
        Map<String, List<KiePackage>> packages;
        try {
            packages = FileByFileBuild.deserializeAll(e.packages());
        } catch (IOException | ClassNotFoundException | RuntimeException ex) {
            return Optional.empty(); // unreadable after all: compile
        }
        Map<String, String> drlFiles = tables.ruleTexts(files, new ArrayList<>()); // a table's DRL, for the next reload to reuse
        Map<String, FileByFileBuild.Unit> units = new LinkedHashMap<>();
        packages.forEach((file, pkgs) -> units.put(file, new FileByFileBuild.Unit(file, drlFiles.getOrDefault(file, ""), pkgs,
                e.packages().get(file))));
        KieBase kieBase = FileByFileBuild.merge(units);
        if (!units.containsKey(ALL_FILES)) {
            byFile.remember(units); // the next reload recompiles only what changes
        }
        return Optional.of(new RuleSet(files.revision(), kieBase, e.catalogue(), e.practices(), e.priority(), e.rules(), e.files(),
                clock.instant(), e.askedBy()));
    }

    /**
     * The files of a rules folder, read once, with the revision hash of their content; revision is
     * null when the folder itself could not be read.
     */
    record RuleFolder(Map<String, String> texts, Map<String, byte[]> tables, String revision, List<Problem> problems) {

        boolean unreadable() {
            return revision == null;
        }

        static RuleFolder read(Path folder) {
            List<Problem> problems = new ArrayList<>();
            Map<String, String> texts = new LinkedHashMap<>();
            if (!Files.isDirectory(folder)) {
                problems.add(Problem.atLine(folder.toString(), 0, "the rules folder does not exist or is not a folder"));
                return new RuleFolder(texts, Map.of(), null, problems);
            }
            // Only the folder's own files: subfolders (backups, Kubernetes ConfigMap '..data' links)
            // would load every rule twice, and hidden files are editors' temporary copies.
            List<Path> paths;
            try (Stream<Path> list = Files.list(folder)) {
                paths = list.filter(p -> !p.getFileName().toString().startsWith("."))
                        .filter(p -> p.toString().endsWith(".drl") || p.toString().endsWith(".yaml")
                                || DecisionTable.isTable(p.getFileName().toString()))
                        .filter(Files::isRegularFile)
                        .sorted()
                        .toList();
            } catch (IOException e) {
                problems.add(Problem.atLine(folder.toString(), 0, "the rules folder cannot be read: " + e.getMessage()));
                return new RuleFolder(texts, Map.of(), null, problems);
            }
            Map<String, byte[]> tables = new LinkedHashMap<>();
            for (Path p : paths) {
                String name = p.getFileName().toString();
                try {
                    if (DecisionTable.isTable(name)) {
                        tables.put(name, Files.readAllBytes(p)); // an .xlsx is a zip, not text
                        continue;
                    }
                    texts.put(name, Files.readString(p, StandardCharsets.UTF_8));
                } catch (java.nio.charset.MalformedInputException e) {
                    problems.add(Problem.atLine(name, 0, "is not UTF-8 text; save it again as UTF-8"));
                } catch (IOException e) {
                    problems.add(Problem.atLine(name, 0, "cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                            + "); if it was being saved, the next change retries"));
                }
            }
            if (texts.keySet().stream().noneMatch(n -> n.endsWith(".drl")) && tables.isEmpty()) {
                problems.add(Problem.atLine(folder.toString(), 0, "the rules folder has no .drl rule files or decision tables"));
            }
            texts.forEach((name, text) -> {
                if (name.endsWith(".drl") && text.isBlank()) {
                    problems.add(Problem.atLine(name, 0, "the file is empty; delete it or write rules in it"));
                }
            });
            tables.forEach((name, bytes) -> {
                if (bytes.length == 0) {
                    problems.add(Problem.atLine(name, 0, "the file is empty; delete it or write a decision table in it"));
                }
            });
            return new RuleFolder(texts, tables, hash(texts, tables), problems);
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

        /** Every file read, in name order. */
        List<String> names() {
            return java.util.stream.Stream.concat(texts.keySet().stream(), tables.keySet().stream()).sorted().toList();
        }

        /** The revision: a hash of every file's name and content, decision tables included. */
        private static String hash(Map<String, String> texts, Map<String, byte[]> tables) {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                texts.forEach((name, text) -> {
                    sha.update(name.getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) 0);
                    sha.update(text.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) 0);
                });
                tables.forEach((name, bytes) -> {
                    sha.update(name.getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) 1);
                    sha.update(bytes);
                    sha.update((byte) 0);
                });
                return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
