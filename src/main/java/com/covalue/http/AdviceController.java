package com.covalue.http;

import com.covalue.advice.Advisor;
import com.covalue.ruleset.RuleSet;
import com.covalue.model.Advice;
import com.covalue.model.ErrorResponse;
import com.covalue.model.Problem;
import com.covalue.model.Snapshot;
import com.covalue.app.RuleRegistry;
import com.covalue.app.ServiceMetrics;
import com.covalue.validation.InvalidInputException;
import com.covalue.validation.SnapshotReader;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import com.covalue.app.EvaluationSlots;

/** Client/server IO for advice: parse the body, call the advisor, write JSON. */
final class AdviceController {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AdviceController.class);

    /** One item of a batch answer: the advice, or that item's error. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record BatchItem(int index, Advice advice, ErrorResponse error) {
    }

    record BatchResult(Advice.RulesUsed rules, List<BatchItem> results) {
    }

    private final RuleRegistry registry;
    private final SnapshotReader reader;
    private final ServiceConfig config;
    private final ServiceMetrics metrics;
    private final EvaluationSlots slots;
    private final Advisor advisor = new Advisor();

    AdviceController(RuleRegistry registry, SnapshotReader reader, ServiceConfig config, ServiceMetrics metrics,
            EvaluationSlots slots) {
        this.slots = slots;
        this.registry = registry;
        this.reader = reader;
        this.config = config;
        this.metrics = metrics;
    }

    void advise(Context ctx) {
        JsonNode body = Bodies.json(ctx, config.maxBodyBytes());
        RuleSet rules = activeRules();
        boolean explain = Boolean.parseBoolean(ctx.queryParam("explain"));
        Snapshot snapshot = reader.read(body);
        Advice advice = slots.run(() -> advisor.evaluate(rules, snapshot, new Advisor.Options(explain)).advice());
        metrics.evaluated(1);
        Bodies.send(ctx, 200, advice);
    }

    void adviseBatch(Context ctx) {
        JsonNode body = Bodies.json(ctx, config.maxBodyBytes());
        if (!body.isArray()) {
            throw new ApiException(400, "invalid_batch", "A batch must be a JSON array of snapshots.",
                    List.of(Problem.atField("", "expected an array, got " + body.getNodeType().name().toLowerCase())));
        }
        if (body.size() > config.maxBatchItems()) {
            throw new ApiException(400, "batch_too_large", "A batch may hold at most " + config.maxBatchItems()
                    + " snapshots; this one has " + body.size() + ".");
        }
        RuleSet rules = activeRules(); // the whole batch is judged by one rule set
        List<BatchItem> results = adviseEach(rules, body);
        metrics.evaluated(body.size());
        Bodies.send(ctx, 200, new BatchResult(new Advice.RulesUsed(rules.revision(), rules.ruleCount()), results));
    }

    private List<BatchItem> adviseEach(RuleSet rules, JsonNode body) {
        List<BatchItem> results = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            try {
                Snapshot snapshot = reader.read(body.get(i));
                // a slot per item, not per batch: single requests queue behind one item at most
                results.add(new BatchItem(i, slots.run(() -> advisor.advise(rules, snapshot)), null));
            } catch (InvalidInputException e) {
                results.add(new BatchItem(i, null, e.error()));
            } catch (RuntimeException e) {
                // one item our code cannot handle must not fail the others
                LOG.error("unexpected error on batch item {}", i, e);
                results.add(new BatchItem(i, null, new ErrorResponse("internal_error",
                        "Something went wrong on our side with this item; the error has been logged.", List.of())));
            }
        }
        return results;
    }

    private RuleSet activeRules() {
        return registry.active().orElseThrow(() -> new ApiException(503, "not_ready",
                "No rule set is active yet; see GET /api/v1/rules for the last load attempt."));
    }
}
