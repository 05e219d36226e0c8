package com.covalue.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.covalue.TestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watcher follows the rules folder through deletion and a swap by renaming (as deploy tools do). */
class RuleFolderWatcherTest {

    @TempDir
    Path dir;

    private Path copyRules(String name) {
        return TestSupport.copyRules(dir.resolve(name));
    }

    private static void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @Test
    void deleting_the_folder_is_a_refused_reload_and_a_folder_swapped_in_by_rename_is_followed() throws Exception {
        Path rules = copyRules("rules");
        RuleRegistry registry = new RuleRegistry(rules, TestSupport.CLOCK, o -> { });
        String first = registry.reload("startup").revision();
        try (RuleFolderWatcher watcher = new RuleFolderWatcher(registry, Duration.ofMillis(100)).start()) {
            Thread.sleep(300);
            Files.move(rules, dir.resolve("rules.old"));
            await("the deletion is noticed", () -> registry.lastReload().orElseThrow().rejected());
            assertThat(registry.active().orElseThrow().revision()).isEqualTo(first);

            Path fresh = copyRules("rules.new");
            Files.writeString(fresh.resolve("governance.drl"), Files.readString(fresh.resolve("governance.drl"))
                    .replace("nobody is working at the connection\"", "nobody keeps in touch\""));
            Files.move(fresh, rules);
            await("the swapped-in folder is loaded", () -> !registry.active().orElseThrow().revision().equals(first));
            String second = registry.active().orElseThrow().revision();

            // edits inside the new folder are followed too
            Files.writeString(rules.resolve("governance.drl"), Files.readString(rules.resolve("governance.drl"))
                    .replace("nobody keeps in touch\"", "nobody stays in touch\""));
            await("an edit in the swapped-in folder is loaded", () -> !registry.active().orElseThrow().revision().equals(second));
        }
    }

    @Test
    void a_reload_rests_as_long_as_the_last_one_ran_so_frequent_edits_cannot_keep_a_core_compiling() {
        long quiet = 300_000_000L;
        assertThat(RuleFolderWatcher.reloadDelay(quiet, 10_000_000_000L, 0, 0)).as("first reload").isEqualTo(quiet);
        // the last reload ran 5 s and ended 1 s ago: wait 4 s more
        assertThat(RuleFolderWatcher.reloadDelay(quiet, 10_000_000_000L, 9_000_000_000L, 5_000_000_000L)).isEqualTo(4_000_000_000L);
        // a quick reload long ago: only the quiet period
        assertThat(RuleFolderWatcher.reloadDelay(quiet, 10_000_000_000L, 1_000_000_000L, 200_000_000L)).isEqualTo(quiet);
    }
}
