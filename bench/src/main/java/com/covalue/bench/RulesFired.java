package com.covalue.bench;

import com.covalue.advice.Advisor;
import com.covalue.ruleset.RuleSet;
import com.covalue.ruleset.RuleSetCompiler;
import com.covalue.validation.SnapshotReader;
import java.nio.file.Files;

/** Prints "ruleBase scenario rulesInBase rulesFired" for each pair given (for the cost-per-rule tables). */
public final class RulesFired {

    public static void main(String[] args) throws Exception {
        for (String base : args[0].split(",")) {
            RuleSet rules = new RuleSetCompiler(EvaluationBenchmark.CLOCK).compile(RuleBases.folder(base));
            for (String scenario : args[1].split(",")) {
                var snapshot = new SnapshotReader(EvaluationBenchmark.CLOCK).read(Files.readString(
                        RuleBases.root().resolve("scenarios").resolve(scenario).resolve("snapshot.json")));
                int fired = new Advisor().evaluate(rules, snapshot, Advisor.Options.DEFAULT).rulesFired().size();
                System.out.println(base + " " + scenario + " " + rules.ruleCount() + " " + fired);
            }
        }
    }
}
