package com.covalue.ruleset;

import static com.covalue.TestSupport.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reload re-runs the rule checks only on the files that changed, and still reports an unchanged file's mistake. */
class RuleChecksTest {

    private static final String RULE = """
            package covalue.rules;
            import com.covalue.model.*;
            import com.covalue.facts.*;
            global com.covalue.facts.AdviceCollector advice;
            rule "%s"
                @source("study 4.2.1")
            when
                Governance( %s == false )
            then
                advice.recommend("GOVERNANCE-ROLES-AND-OWNERSHIP", 0.6, "%s");
            end
            """;

    @TempDir
    Path dir;

    @Test
    void only_changed_files_are_checked_again_and_an_unchanged_files_problem_is_still_reported() throws Exception {
        Path rules = DecisionTableTest.folder(dir, "a.drl", RULE.formatted("Roles have no remit", "rolesDefined", "no remit"));
        Files.writeString(rules.resolve("b.drl"), RULE.formatted("Nobody owns the outcomes", "ownershipClear", "nobody owns"));
        RuleSetCompiler compiler = new RuleSetCompiler(CLOCK);
        compiler.compile(rules);
        assertThat(compiler.filesCheckedLastTime()).isEqualTo(2);

        Files.writeString(rules.resolve("b.drl"), RULE.formatted("Nobody owns the outcomes", "ownershipClear", "no owner"));
        compiler.compile(rules);
        assertThat(compiler.filesCheckedLastTime()).as("only the edited file").isEqualTo(1);

        Files.writeString(rules.resolve("a.drl"), RULE.formatted("Roles have no remit", "rolesDefind", "no remit"));
        RuleSetRejectedException first = catchThrowableOfType(RuleSetRejectedException.class, () -> compiler.compile(rules));
        Files.writeString(rules.resolve("b.drl"), RULE.formatted("Nobody owns the outcomes", "ownershipClear", "nobody owns"));
        RuleSetRejectedException second = catchThrowableOfType(RuleSetRejectedException.class, () -> compiler.compile(rules));
        assertThat(compiler.filesCheckedLastTime()).isEqualTo(1);
        assertThat(second.problems()).as("a.drl was not checked again, but its mistake is still reported")
                .isEqualTo(first.problems()).singleElement().satisfies(p -> assertThat(p.file()).isEqualTo("a.drl"));

        // the names rules are checked against changed: every file is checked again
        Files.writeString(rules.resolve("a.drl"), RULE.formatted("Roles have no remit", "rolesDefined", "no remit"));
        Files.writeString(rules.resolve(Catalogue.FILE), Files.readString(rules.resolve(Catalogue.FILE))
                .replace("GOVERNANCE-ROLES-AND-OWNERSHIP:", "GOVERNANCE-ROLES-AND-OWNERS:"));
        RuleSetRejectedException renamed = catchThrowableOfType(RuleSetRejectedException.class, () -> compiler.compile(rules));
        assertThat(compiler.filesCheckedLastTime()).isEqualTo(2);
        assertThat(renamed.problems()).extracting(p -> p.file()).contains("a.drl", "b.drl");
    }
}
