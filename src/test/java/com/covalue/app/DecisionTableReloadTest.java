package com.covalue.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.covalue.TestSupport;
import com.covalue.model.Problem;
import com.covalue.ruleset.CompiledRulesCache;
import com.covalue.ruleset.DecisionTableTest;
import com.covalue.ruleset.RuleSet;
import com.covalue.ruleset.RuleSetCompiler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A decision table edited on disk is reloaded live, refused at its row when wrong, and never read back stale from the cache. */
class DecisionTableReloadTest {

    @TempDir
    Path dir;

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @Test
    void a_table_edited_on_disk_is_reloaded_by_the_running_registry_and_a_bad_edit_is_refused_at_its_row() throws Exception {
        Path rules = DecisionTableTest.folder(dir, "governance.xlsx", "");
        Files.delete(rules.resolve("governance.xlsx"));
        DecisionTableTest.writeXlsx(rules.resolve("governance.xlsx"), DecisionTableTest.HEAD + DecisionTableTest.OWNERSHIP_ROW);
        RuleRegistry registry = new RuleRegistry(rules, TestSupport.CLOCK, o -> { });
        String first = registry.reload("startup").revision();
        assertThat(registry.active().orElseThrow().rules()).containsKey("Nobody clearly owns the outcomes");

        try (RuleFolderWatcher watcher = new RuleFolderWatcher(registry, Duration.ofMillis(100)).start()) {
            Thread.sleep(300);
            DecisionTableTest.writeXlsx(rules.resolve("governance.xlsx"), DecisionTableTest.HEAD
                    + DecisionTableTest.OWNERSHIP_ROW.replace("Nobody clearly owns", "No one clearly owns"));
            await("the edited table is loaded", () -> !registry.active().orElseThrow().revision().equals(first));
            RuleSet edited = registry.active().orElseThrow();
            assertThat(edited.rules()).containsKey("No one clearly owns the outcomes").doesNotContainKey("Nobody clearly owns the outcomes");
            assertThat(edited.rules().get("No one clearly owns the outcomes").location()).isEqualTo("governance.xlsx row 9");

            DecisionTableTest.writeXlsx(rules.resolve("governance.xlsx"), DecisionTableTest.HEAD
                    + DecisionTableTest.OWNERSHIP_ROW.replace("ownershipClear", "ownershipClaer"));
            // The table is rewritten in place: on a busy machine the watcher can reload it while it is
            // still empty, which is refused too ("the file is empty"); the edit's own reload follows.
            await("the bad edit is refused at its row", () -> registry.lastReload().orElseThrow().rejected()
                    && registry.lastReload().orElseThrow().errors().stream().map(Problem::describe)
                            .anyMatch(d -> d.startsWith("governance.xlsx row 9")));
            assertThat(registry.lastReload().orElseThrow().errors()).extracting(Problem::describe)
                    .singleElement().asString().startsWith("governance.xlsx row 9: column C");
            assertThat(registry.active().orElseThrow().revision()).as("the last good rules keep serving").isEqualTo(edited.revision());
        }
    }

    @Test
    void the_compiled_rules_cache_is_keyed_by_the_tables_too() throws Exception {
        Path rules = DecisionTableTest.folder(dir, "governance.csv", DecisionTableTest.HEAD + DecisionTableTest.OWNERSHIP_ROW);
        String cache = dir.resolve("cache").toString();
        RuleSet before = new RuleSetCompiler(TestSupport.CLOCK, CompiledRulesCache.forSetting(cache)).compile(rules);

        Files.writeString(rules.resolve("governance.csv"), DecisionTableTest.HEAD
                + DecisionTableTest.OWNERSHIP_ROW.replace("ownership is not explicit", "nobody owns the outcomes"));
        RuleSetCompiler fresh = new RuleSetCompiler(TestSupport.CLOCK, CompiledRulesCache.forSetting(cache));
        RuleSet after = fresh.compile(rules);

        assertThat(after.revision()).isNotEqualTo(before.revision());
        assertThat(fresh.lastSource()).isNotEqualTo(RuleSetCompiler.Source.CACHE);
        fresh.flushCache(Duration.ofSeconds(10));
        RuleSetCompiler third = new RuleSetCompiler(TestSupport.CLOCK, CompiledRulesCache.forSetting(cache));
        RuleSet again = third.compile(rules);
        assertThat(third.lastSource()).isEqualTo(RuleSetCompiler.Source.CACHE);
        assertThat(again.rules().get("Nobody clearly owns the outcomes").location()).isEqualTo("governance.csv row 9");
    }
}
