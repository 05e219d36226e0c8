package com.covalue.app;

import com.covalue.advice.Advisor;
import com.covalue.advice.EvaluationHaltedException;
import com.covalue.ruleset.RuleInfo;
import com.covalue.ruleset.RuleSet;
import com.covalue.ruleset.RuleSetRejectedException;
import com.covalue.model.Problem;
import org.kie.api.runtime.rule.ConsequenceException;
import com.covalue.model.Advice;
import com.covalue.model.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.covalue.model.Snapshot;
import com.covalue.validation.SnapshotReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import com.covalue.model.CovalueException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.List;

/**
 * Runs a freshly compiled rule set on a few sample snapshots before it serves anyone.
 *
 * <p>Drools finishes a knowledge base lazily: each constraint's MVEL expression is compiled, and
 * each rule's consequence class generated, the first time it is used. Left to the first requests,
 * that work (about 150 ms for the real rules) is done by every request thread at once, all queued
 * on one class-loader lock, and the service answered nothing for about 300 ms after each reload.
 * Done here, on the reloading thread, it happens once and before the swap, so requests only ever
 * see a finished rule set.
 *
 * <p>The samples are fixed snapshots bundled with Covalue (copies of scenario snapshots chosen
 * because together they fire most rules: 157 of the 171 when chosen, and RuleRegistryTest keeps it
 * above 150); their advice is thrown away. No request's input is ever used here, and nothing is
 * cached. They are read with a clock fixed after their dates, so a host clock set in the past
 * cannot make them invalid.
 */
final class RuleSetWarmUp {

    /** A sample snapshot and, for trend rules, the one before it (or null). */
    private record Sample(String name, Snapshot snapshot, Snapshot previous) {
    }

    private static final String[] SAMPLES = {
            "past-strategic-use", "contract-example", "governance-vacuum", "master-servant", "healthy-partnership",
    };
    private static final String TREND_SAMPLE = "trend-early-warning";

    private final List<Sample> samples;
    private final Advisor advisor;
    private boolean jsonWarm;

    /** After every sample's assessment date: the reader refuses snapshots assessed in the future. */
    private static final Clock SAMPLE_CLOCK = Clock.fixed(Instant.parse("2027-01-01T00:00:00Z"), ZoneOffset.UTC);

    RuleSetWarmUp() {
        this(Advisor.DEFAULT_BUDGET);
    }

    /** @param budget how long the rules may take on one sample: the budget a request gets */
    RuleSetWarmUp(Duration budget) {
        this.advisor = new Advisor(budget);
        SnapshotReader reader = new SnapshotReader(SAMPLE_CLOCK);
        List<Sample> list = new java.util.ArrayList<>();
        for (String name : SAMPLES) {
            list.add(new Sample(name, reader.read(resource(name + ".json")), null));
        }
        list.add(new Sample(TREND_SAMPLE, reader.read(resource(TREND_SAMPLE + ".json")),
                reader.read(resource(TREND_SAMPLE + ".previous.json"))));
        this.samples = List.copyOf(list);
    }

    /**
     * Evaluates every sample once with the rule set.
     *
     * @throws RuleSetRejectedException when a rule fails on a sample, naming the rule (at its file
     *                                  and line) and the sample: a rule set that cannot advise on
     *                                  a valid snapshot is not ready to serve
     */
    Set<String> warm(RuleSet rules) {
        Set<String> fired = new HashSet<>();
        for (Sample sample : samples) {
            try {
                Advisor.Result result = evaluateWithinBudget(rules, sample);
                fired.addAll(result.rulesFired());
                Advice advice = result.advice();
                if (!jsonWarm) { // the first time, also the advice's JSON writer, which Jackson builds lazily
                    Json.MAPPER.writeValueAsBytes(advice);
                    jsonWarm = true;
                }
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            } catch (ConsequenceException e) {
                String rule = e.getMatch().getRule().getName();
                RuleInfo info = rules.rules().get(rule);
                String message = "rule \"" + rule + "\" fails on the bundled sample snapshot '" + sample.name() + "': "
                        + rootCause(e);
                throw new RuleSetRejectedException(List.of(info == null ? Problem.atLine("rules", 0, message)
                        : Problem.atLine(info.file(), info.line(), message)));
            } catch (EvaluationHaltedException e) {
                if (e.runawayRule().isPresent()) {
                    String rule = e.runawayRule().get();
                    RuleInfo info = rules.rules().get(rule);
                    String message = "rule \"" + rule + "\" kept firing on the bundled sample snapshot '" + sample.name()
                            + "' and the rules were halted after " + Advisor.MAX_FIRINGS + " firings, so they would halt"
                            + " requests too: it probably changes a fact that its own conditions match";
                    throw new RuleSetRejectedException(List.of(info == null ? Problem.atLine("rules", 0, message)
                            : Problem.atLine(info.file(), info.line(), message)));
                }
                throw new RuleSetRejectedException(List.of(Problem.atLine("rules", 0, "the rules took longer than the"
                        + " evaluation budget of " + advisor.budget().toMillis() + " ms on the bundled sample snapshot '"
                        + sample.name() + "' and were halted, so they would halt requests too: a rule probably keeps firing"
                        + " or joins too many facts")));
            } catch (CovalueException e) {
                throw e;
            } catch (RuntimeException | Error e) {
                // a condition that fails (Drools names the rule in its message) or a runaway rule
                throw new RuleSetRejectedException(List.of(Problem.atLine("rules", 0,
                        "the rules fail on the bundled sample snapshot '" + sample.name() + "': " + describe(e))));
            }
        }
        return fired;
    }

    /**
     * Evaluates one sample; if it overruns the budget, once more. The first evaluation of a new
     * rule set also pays for Drools compiling its conditions and actions lazily (about 150 ms for
     * the shipped rules, more on a busy machine), which a request never pays: only a sample that
     * overruns again, warm, is held against the rules.
     */
    private Advisor.Result evaluateWithinBudget(RuleSet rules, Sample sample) {
        Advisor.Options options = new Advisor.Options(false, sample.previous());
        try {
            return advisor.evaluate(rules, sample.snapshot(), options);
        } catch (EvaluationHaltedException e) {
            if (e.runawayRule().isPresent()) {
                throw e; // counted in firings, not time: a second try, warm, would fire just as often
            }
            return advisor.evaluate(rules, sample.snapshot(), options);
        }
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }

    /** The exception's own message (Drools puts the rule or constraint there) and, if different, its root cause. */
    private static String describe(Throwable e) {
        String root = rootCause(e);
        return e.getMessage() == null || e.getCause() == null ? root : e.getMessage() + " (" + root + ")";
    }

    private static String resource(String file) {
        try (InputStream in = RuleSetWarmUp.class.getResourceAsStream("/warm-up/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing resource /warm-up/" + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
