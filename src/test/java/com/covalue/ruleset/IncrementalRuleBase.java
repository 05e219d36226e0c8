package com.covalue.ruleset;

import com.covalue.model.Problem;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;

/**
 * The incremental reload of issue 16's experiment (test scope, not used by the service): an edit
 * to rule files is checked and compiled file by file as {@link RuleSetCompiler} does, and then
 * applied to a knowledge base that already exists, in place, by removing the old rules of each
 * changed file and adding its new packages, instead of merging every file into a new one.
 *
 * <p>Covers only what the experiment edits: rule files (DRL, decision tables) that stand alone.
 * A change to the catalogue, practices or priority weights, or a file that declares something,
 * throws {@link IllegalStateException}; the service would fall back to a full compile there.
 */
public final class IncrementalRuleBase {

    private final DecisionTables tables = new DecisionTables();
    private final RuleChecks checks = new RuleChecks();
    private final RuleSet start;
    /** The rule files of the last prepared edit, by name: the next edit is what differs from them. */
    private Map<String, ParsedDrl> parsed = Map.of();
    private Map<String, String> otherFiles;

    /** What one edit changes, checked and compiled, ready to apply to any knowledge base at the previous revision. */
    public record Edit(String revision, Map<String, RuleInfo> rules, List<String> files, List<String> changedFiles,
            List<FileByFileBuild.Unit> units) {
    }

    /**
     * @param folder the rules folder, read and checked now as the start of the edits
     * @param start  the rule set compiled from that folder (for its catalogue, practices and priority)
     */
    public IncrementalRuleBase(Path folder, RuleSet start) {
        this.start = Objects.requireNonNull(start, "start == null");
        RuleSetCompiler.RuleFolder files = RuleSetCompiler.RuleFolder.read(folder);
        otherFiles = nonRuleFiles(files);
        prepareAgainst(files, Map.of());
    }

    /**
     * Reads the folder, checks every rule file that changed since the last edit and compiles each
     * alone. Throws {@link RuleSetRejectedException} with the checks' problems, as a compile would.
     */
    public Edit prepare(Path folder) {
        RuleSetCompiler.RuleFolder files = RuleSetCompiler.RuleFolder.read(folder);
        if (!nonRuleFiles(files).equals(otherFiles)) {
            throw new IllegalStateException("a catalogue, practice or priority file changed: only a full compile handles that");
        }
        return prepareAgainst(files, parsed);
    }

    private Edit prepareAgainst(RuleSetCompiler.RuleFolder files, Map<String, ParsedDrl> before) {
        List<Problem> problems = new ArrayList<>(files.problems());
        Map<String, String> ruleTexts = tables.ruleTexts(files, problems);
        Map<String, ParsedDrl> now = new LinkedHashMap<>();
        List<String> changed = new ArrayList<>();
        ruleTexts.forEach((file, text) -> {
            ParsedDrl last = before.get(file);
            boolean same = last != null && last.text().equals(text);
            now.put(file, same ? last : ParsedDrl.parse(file, text));
            if (!same) {
                changed.add(file);
            }
        });
        before.keySet().stream().filter(file -> !now.containsKey(file)).forEach(changed::add); // removed files
        KnownNames names = new KnownNames(start.practices().ids(), start.catalogue().entries().keySet());
        Map<String, RuleInfo> rules = new LinkedHashMap<>();
        for (RuleInfo checked : checks.check(List.copyOf(now.values()), start.catalogue(), names, problems)) {
            RuleInfo rule = tables.located(checked);
            RuleInfo earlier = rules.putIfAbsent(rule.name(), rule);
            if (earlier != null) {
                problems.add(Problem.atLine(checked.file(), checked.line(), "rule name \"" + rule.name() + "\" is already used at "
                        + earlier.location() + "; every rule needs its own name"));
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleSetRejectedException(problems);
        }
        List<FileByFileBuild.Unit> units = new ArrayList<>();
        for (String file : changed) {
            ParsedDrl drl = now.get(file);
            if (drl == null) {
                continue; // a removed file: nothing to add
            }
            if (!drl.standsAlone()) {
                throw new IllegalStateException(file + " does not stand alone: only a full compile handles it");
            }
            FileByFileBuild.Unit unit = FileByFileBuild.compileAlone(drl);
            if (unit == null) {
                throw new IllegalStateException(file + " does not compile alone: a full compile reports its errors");
            }
            units.add(unit);
        }
        parsed = now;
        return new Edit(files.revision(), rules, files.names(), List.copyOf(changed), List.copyOf(units));
    }

    /**
     * Applies the edit to {@code onto}'s knowledge base, in place: the rules {@code onto} has from
     * each changed file are removed, then the file's new packages (a fresh copy for each knowledge
     * base) are added. Returns the rule set of the edit on that same knowledge base.
     */
    public static RuleSet apply(Edit edit, RuleSet onto) {
        KieBase kieBase = onto.kieBase();
        for (RuleInfo rule : onto.rules().values()) {
            if (edit.changedFiles().contains(rule.file())) {
                kieBase.removeRule(PACKAGE, rule.name());
            }
        }
        List<KiePackage> packages = new ArrayList<>();
        for (FileByFileBuild.Unit unit : edit.units()) {
            try {
                packages.addAll(unit.freshPackages());
            } catch (IOException | ClassNotFoundException e) {
                throw new IllegalStateException("cannot copy the compiled packages of " + unit.file(), e);
            }
        }
        ((org.drools.kiesession.rulebase.InternalKnowledgeBase) kieBase).addPackages(packages);
        return new RuleSet(edit.revision(), kieBase, onto.catalogue(), onto.practices(), onto.priority(), edit.rules(), edit.files(),
                Instant.now(), RuleSet.askedBy(edit.rules()));
    }

    /** Every rule file declares this package (the experiment checks it by comparing advice with a full compile). */
    private static final String PACKAGE = "covalue.rules";

    private static Map<String, String> nonRuleFiles(RuleSetCompiler.RuleFolder files) {
        Map<String, String> out = new LinkedHashMap<>(files.texts());
        out.keySet().removeIf(name -> name.endsWith(".drl"));
        return out;
    }
}
