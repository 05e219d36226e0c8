package com.covalue.service;

import com.covalue.engine.Advisor;
import com.covalue.engine.RuleInfo;
import com.covalue.engine.RuleSet;
import com.covalue.engine.RuleSetRejectedException;
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
 * because together they fire 157 of the 171 rules); their advice is thrown away. No request's
 * input is ever used here, and nothing is cached.
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
    private final Advisor advisor = new Advisor();
    private boolean jsonWarm;

    RuleSetWarmUp(SnapshotReader reader) {
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
    void warm(RuleSet rules) {
        for (Sample sample : samples) {
            try {
                Advice advice = advisor.evaluate(rules, sample.snapshot(), new Advisor.Options(false, sample.previous())).advice();
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
            } catch (RuntimeException e) {
                throw new RuleSetRejectedException(List.of(Problem.atLine("rules", 0,
                        "the rules fail on the bundled sample snapshot '" + sample.name() + "': " + rootCause(e))));
            }
        }
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
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
