package com.covalue.ruleset;

import static com.covalue.TestSupport.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.covalue.TestSupport;
import com.covalue.ruleset.RuleSetCompiler.Source;
import com.covalue.model.Json;
import com.covalue.model.Problem;
import com.covalue.model.Snapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import com.covalue.advice.Advisor;

/**
 * Rule sets built file by file, reused across reloads, or read back from the compiled-rules cache
 * must advise exactly as one build of all the files does, and a cache must never make a load fail.
 */
class CompiledRuleReuseTest {

    private static List<Snapshot> scenarios;
    private static List<String> reference;

    @TempDir
    Path tmp;

    @BeforeAll
    static void referenceAdvice() throws IOException {
        try (Stream<Path> dirs = Files.list(TestSupport.SCENARIOS)) {
            scenarios = dirs.sorted().filter(d -> Files.isRegularFile(d.resolve("snapshot.json"))).map(d -> TestSupport.reader().read(TestSupport.read(d.resolve("snapshot.json")))).toList();
        }
        reference = advise(new RuleSetCompiler(CLOCK, CompiledRulesCache.disabled(), false).compile(TestSupport.RULES));
    }

    /** Every scenario's advice with explanations: the rules that fired, in firing order, and their reasons. */
    private static List<String> advise(RuleSet rules) {
        List<String> out = new ArrayList<>();
        for (Snapshot s : scenarios) {
            try {
                out.add(Json.MAPPER.writeValueAsString(new Advisor().evaluate(rules, s, new Advisor.Options(true)).advice()));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
        return out;
    }

    private Path copyOfRules() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("rules"));
        try (Stream<Path> files = Files.list(TestSupport.RULES)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        return dir;
    }

    /**
     * A small valid rules folder: the real catalogue, practice list and weights, and one rule. What
     * the cache does with an entry does not depend on how many rules it holds, and this folder
     * compiles in a fraction of the time rules/ takes.
     */
    private Path smallRules() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("small-rules"));
        for (String file : List.of(Catalogue.FILE, PracticeList.FILE, PriorityPolicy.FILE)) {
            Files.copy(TestSupport.RULES.resolve(file), dir.resolve(file));
        }
        Files.writeString(dir.resolve("governance.drl"), """
                package covalue.rules;
                import com.covalue.model.*;
                global com.covalue.facts.AdviceCollector advice;
                rule "Roles have no remit"
                    @source("study 4.2.1")
                when
                    Governance( rolesDefined == false )
                then
                    advice.recommend("GOVERNANCE-ROLES-AND-OWNERSHIP", 0.5, "no remit");
                end
                """);
        return dir;
    }

    @Test
    void a_rule_set_built_file_by_file_advises_exactly_as_one_build_of_all_files_and_a_reload_recompiles_only_the_edited_file()
            throws IOException {
        Path rules = copyOfRules();
        RuleSetCompiler compiler = new RuleSetCompiler(CLOCK);
        RuleSet first = compiler.compile(rules);
        assertThat(compiler.lastSource()).isEqualTo(Source.FILE_BY_FILE);
        assertThat(advise(first)).isEqualTo(reference);
        long drlFiles;
        try (var files = Files.list(rules)) {
            // rule files and decision tables: a table is compiled as one more rule file
            drlFiles = files.filter(f -> f.toString().endsWith(".drl") || DecisionTable.isTable(f.toString())).count();
        }
        assertThat(drlFiles).isGreaterThan(1);
        assertThat(compiler.filesCompiledLastTime()).isEqualTo(drlFiles);

        Path trust = rules.resolve("trust.drl");
        Files.writeString(trust, Files.readString(trust).replace("0.7", "0.9"));
        RuleSet second = compiler.compile(rules, first);
        assertThat(compiler.lastSource()).isEqualTo(Source.FILE_BY_FILE);
        assertThat(compiler.filesCompiledLastTime()).isEqualTo(1);
        assertThat(second.revision()).isNotEqualTo(first.revision());
        assertThat(advise(second)).isEqualTo(advise(new RuleSetCompiler(CLOCK, CompiledRulesCache.disabled(), false).compile(rules)));

        // the same files again: the active rule set is kept, nothing is compiled
        assertThat(compiler.compile(rules, second)).isSameAs(second);
        assertThat(compiler.lastSource()).isEqualTo(Source.UNCHANGED);
        // and editing it back reuses every file, the first rule set's packages being copied, not shared
        Files.writeString(trust, Files.readString(TestSupport.RULES.resolve("trust.drl")));
        RuleSet third = compiler.compile(rules, second);
        assertThat(third.revision()).isEqualTo(first.revision());
        assertThat(advise(third)).isEqualTo(reference);
        assertThat(advise(first)).isEqualTo(reference);
    }

    @Test
    void a_broken_edit_is_reported_as_one_build_reports_it_and_the_next_good_edit_still_reuses_the_rest() throws IOException {
        Path rules = copyOfRules();
        RuleSetCompiler compiler = new RuleSetCompiler(CLOCK);
        compiler.compile(rules);
        Path trust = rules.resolve("trust.drl");
        String good = Files.readString(trust);
        Files.writeString(trust, good.replaceFirst("Trust\\( ", "Trust( noSuchField == 1, "));

        List<Problem> fresh = problems(() -> new RuleSetCompiler(CLOCK, CompiledRulesCache.disabled(), false).compile(rules));
        assertThat(fresh).isNotEmpty().allSatisfy(p -> assertThat(p.file()).isEqualTo("trust.drl"))
                .anySatisfy(p -> assertThat(p.message()).contains("'noSuchField' is not a fact of Trust"));
        assertThat(problems(() -> compiler.compile(rules))).isEqualTo(fresh);

        Files.writeString(trust, good);
        assertThat(advise(compiler.compile(rules))).isEqualTo(reference);
        assertThat(compiler.filesCompiledLastTime()).isZero();
    }

    @Test
    void a_file_declaring_what_others_could_use_is_refused_by_the_safe_language() throws IOException {
        // Functions and declarations are what once forced one build of all files; the rule
        // language now refuses them, so every folder that loads can be compiled file by file.
        Path rules = copyOfRules();
        Files.writeString(rules.resolve("zz-helpers.drl"), """
                package covalue.rules;
                function int twice(int x) { return 2 * x; }
                """);
        RuleSetCompiler compiler = new RuleSetCompiler(CLOCK);
        assertThatThrownBy(() -> compiler.compile(rules)).isInstanceOfSatisfying(RuleSetRejectedException.class,
                e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.file()).isEqualTo("zz-helpers.drl");
                    assertThat(p.line()).isEqualTo(2);
                    assertThat(p.message()).startsWith("'function twice' is not allowed");
                }));
    }

    @Test
    void a_new_process_reads_the_rule_set_back_from_the_cache_and_advises_identically() {
        Path cacheDir = tmp.resolve("cache");
        RuleSetCompiler writer = new RuleSetCompiler(CLOCK, CompiledRulesCache.in(cacheDir));
        RuleSet compiled = writer.compile(TestSupport.RULES);
        writer.flushCache(java.time.Duration.ofSeconds(30));
        assertThat(cacheDir.resolve(compiled.revision() + ".rules")).isRegularFile();

        RuleSetCompiler reader = new RuleSetCompiler(CLOCK, CompiledRulesCache.in(cacheDir));
        RuleSet cached = reader.compile(TestSupport.RULES);
        assertThat(reader.lastSource()).isEqualTo(Source.CACHE);
        assertThat(cached.revision()).isEqualTo(compiled.revision());
        assertThat(cached.rules()).isEqualTo(compiled.rules());
        assertThat(cached.askedBy()).isEqualTo(compiled.askedBy());
        assertThat(cached.files()).isEqualTo(compiled.files());
        assertThat(advise(cached)).isEqualTo(reference);
    }

    @Test
    void rules_compiled_in_a_scratch_cache_and_handed_on_are_read_back_from_the_other_cache() throws IOException {
        // what the launcher's class-archive recording does, so that the first start does not compile again
        Path scratch = tmp.resolve("scratch");
        RuleSetCompiler writer = new RuleSetCompiler(CLOCK, CompiledRulesCache.in(scratch));
        RuleSet compiled = writer.compile(TestSupport.RULES);
        writer.flushCache(java.time.Duration.ofSeconds(30));
        Path kept = tmp.resolve("kept");
        CompiledRulesCache.in(scratch).copyMissingInto(CompiledRulesCache.in(kept));
        Path entry = kept.resolve(compiled.revision() + ".rules");
        assertThat(entry).isRegularFile().hasSameBinaryContentAs(scratch.resolve(compiled.revision() + ".rules"));
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(entry))).isEqualTo("rw-------");
        try (java.util.stream.Stream<Path> files = Files.list(kept)) {
            assertThat(files.map(f -> f.getFileName().toString())).as("no copy left half-written").noneMatch(n -> n.startsWith("."));
        }

        RuleSetCompiler reader = new RuleSetCompiler(CLOCK, CompiledRulesCache.in(kept));
        RuleSet cached = reader.compile(TestSupport.RULES);
        assertThat(reader.lastSource()).isEqualTo(Source.CACHE);
        assertThat(advise(cached)).isEqualTo(reference);
    }

    @Test
    void an_edited_folder_is_compiled_not_served_from_the_cache_entry_of_its_old_revision() throws IOException {
        Path rules = copyOfRules();
        Path cacheDir = tmp.resolve("cache");
        RuleSetCompiler first = new RuleSetCompiler(CLOCK, CompiledRulesCache.in(cacheDir));
        RuleSet before = first.compile(rules);
        first.flushCache(java.time.Duration.ofSeconds(30));

        Path trust = rules.resolve("trust.drl");
        Files.writeString(trust, Files.readString(trust).replace("0.7", "0.9"));
        RuleSetCompiler next = new RuleSetCompiler(CLOCK, CompiledRulesCache.in(cacheDir));
        RuleSet after = next.compile(rules);
        assertThat(next.lastSource()).isEqualTo(Source.FILE_BY_FILE);
        assertThat(after.revision()).isNotEqualTo(before.revision());
        assertThat(advise(after)).isEqualTo(advise(new RuleSetCompiler(CLOCK).compile(rules)));
    }

    @Test
    void after_a_start_from_the_cache_and_priming_an_edit_rechecks_and_recompiles_only_the_edited_file() throws IOException {
        Path rules = copyOfRules();
        Path cacheDir = tmp.resolve("cache");
        RuleSetCompiler writer = new RuleSetCompiler(CLOCK, CompiledRulesCache.in(cacheDir));
        writer.compile(rules);
        writer.flushCache(java.time.Duration.ofSeconds(30));
        RuleSetCompiler primed = new RuleSetCompiler(CLOCK, CompiledRulesCache.in(cacheDir));
        RuleSet primedStart = primed.compile(rules);
        RuleSetCompiler unprimed = new RuleSetCompiler(CLOCK, CompiledRulesCache.in(cacheDir));
        RuleSet unprimedStart = unprimed.compile(rules);
        assertThat(List.of(primed.lastSource(), unprimed.lastSource())).containsOnly(Source.CACHE);
        primed.prime(rules);

        Path trust = rules.resolve("trust.drl");
        Files.writeString(trust, Files.readString(trust).replace("0.7", "0.9"));
        RuleSet edited = primed.compile(rules, primedStart);
        assertThat(primed.lastSource()).isEqualTo(Source.FILE_BY_FILE);
        assertThat(primed.filesCheckedLastTime()).as("checked").isEqualTo(1);
        assertThat(primed.filesCompiledLastTime()).as("compiled").isEqualTo(1);
        unprimed.compile(rules, unprimedStart);
        assertThat(unprimed.filesCheckedLastTime()).as("without priming every file is checked again").isGreaterThan(1);

        RuleSet fresh = new RuleSetCompiler(CLOCK, CompiledRulesCache.disabled(), false).compile(rules);
        assertThat(edited.revision()).isEqualTo(fresh.revision());
        assertThat(edited.rules()).isEqualTo(fresh.rules());
        assertThat(edited.askedBy()).isEqualTo(fresh.askedBy());
        assertThat(edited.files()).isEqualTo(fresh.files());
        assertThat(advise(edited)).isEqualTo(advise(fresh));
    }

    @Test
    void a_truncated_corrupt_foreign_or_writable_by_others_cache_entry_is_passed_over_and_the_rules_compiled() throws IOException {
        Path rules = smallRules();
        Path cacheDir = tmp.resolve("cache");
        RuleSetCompiler writer = new RuleSetCompiler(CLOCK, CompiledRulesCache.in(cacheDir));
        String revision = writer.compile(rules).revision();
        writer.flushCache(java.time.Duration.ofSeconds(30));
        Path entry = cacheDir.resolve(revision + ".rules");
        byte[] good = Files.readAllBytes(entry);
        RuleSetCompiler intact = new RuleSetCompiler(CLOCK, CompiledRulesCache.in(cacheDir));
        intact.compile(rules);
        assertThat(intact.lastSource()).as("the entry as written is used").isEqualTo(Source.CACHE);

        byte[] truncated = java.util.Arrays.copyOf(good, good.length / 2);
        byte[] flipped = good.clone();
        flipped[flipped.length - 100] ^= 0x55; // body no longer matches its checksum
        byte[] otherBuild = new String(good, java.nio.charset.StandardCharsets.ISO_8859_1)
                .replace("built ", "built 1").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        for (byte[] bad : List.of(truncated, flipped, otherBuild, new byte[0])) {
            Files.write(entry, bad);
            RuleSetCompiler reader = new RuleSetCompiler(CLOCK, CompiledRulesCache.in(cacheDir));
            RuleSet set = reader.compile(rules);
            assertThat(reader.lastSource()).isEqualTo(Source.FILE_BY_FILE);
            assertThat(set.revision()).isEqualTo(revision);
            reader.flushCache(java.time.Duration.ofSeconds(30)); // rewrites a good entry
        }

        Files.write(entry, good);
        Files.setPosixFilePermissions(entry, PosixFilePermissions.fromString("rw-rw-rw-"));
        RuleSetCompiler reader = new RuleSetCompiler(CLOCK, CompiledRulesCache.in(cacheDir));
        reader.compile(rules);
        assertThat(reader.lastSource()).as("an entry others may write is not trusted").isEqualTo(Source.FILE_BY_FILE);
        reader.flushCache(java.time.Duration.ofSeconds(30));
    }

    @Test
    void a_cache_that_cannot_be_written_costs_nothing_but_the_compile() throws IOException {
        Path notAFolder = Files.writeString(tmp.resolve("file"), "x");
        RuleSetCompiler compiler = new RuleSetCompiler(CLOCK, CompiledRulesCache.in(notAFolder.resolve("cache")));
        assertThat(advise(compiler.compile(TestSupport.RULES))).isEqualTo(reference);
        compiler.flushCache(java.time.Duration.ofSeconds(30));
        assertThat(CompiledRulesCache.forSetting("off").enabled()).isFalse();
    }

    /** The problems a compile that must be rejected reports; fails the test if it is accepted. */
    private static List<Problem> problems(Runnable compile) {
        RuleSetRejectedException rejected = catchThrowableOfType(RuleSetRejectedException.class, compile::run);
        assertThat(rejected).as("the rule set must be rejected, and was accepted").isNotNull();
        return rejected.problems();
    }
}
