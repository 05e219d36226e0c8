package com.covalue.http;

import com.covalue.ruleset.RuleSet;
import com.covalue.model.Problem;
import com.covalue.model.Verdict;
import com.covalue.review.PortfolioReviewer;
import com.covalue.review.Review;
import com.covalue.review.ReviewOptions;
import com.covalue.app.RuleRegistry;
import com.covalue.app.ServiceMetrics;
import com.covalue.validation.Levenshtein;
import com.covalue.validation.SnapshotReader;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import com.covalue.app.EvaluationSlots;

/**
 * {@code POST /api/v1/reviews}: the renewal review of the snapshots in the body (a JSON array),
 * with the command line's options as query parameters. The answer is always the Review v1 JSON;
 * whether the gate passed is in it, not in the status code, because the request itself succeeded.
 */
final class ReviewController {

    private static final Set<String> PARAMETERS = Set.of("asOf", "within", "failOn", "strict");

    private final RuleRegistry registry;
    private final SnapshotReader reader;
    private final ServiceConfig config;
    private final ServiceMetrics metrics;
    private final EvaluationSlots slots;

    ReviewController(RuleRegistry registry, SnapshotReader reader, ServiceConfig config, ServiceMetrics metrics,
            EvaluationSlots slots) {
        this.slots = slots;
        this.registry = registry;
        this.reader = reader;
        this.config = config;
        this.metrics = metrics;
    }

    void review(Context ctx) {
        ReviewOptions options = options(ctx);
        JsonNode body = Bodies.json(ctx, config.maxBodyBytes());
        if (!body.isArray()) {
            throw new ApiException(400, "invalid_review", "A review takes a JSON array of snapshots.",
                    List.of(Problem.atField("", "expected an array, got " + body.getNodeType().name().toLowerCase())));
        }
        RuleSet rules = registry.active().orElseThrow(() -> new ApiException(503, "not_ready",
                "No rule set is active yet; see GET /api/v1/rules for the last load attempt."));
        List<JsonNode> items = StreamSupport.stream(body.spliterator(), false).toList();
        // Sequential: the server already runs requests side by side, so one review takes one thread.
        Review review = slots.run(() -> new PortfolioReviewer(reader, false, PortfolioReviewer.Progress.NONE)
                .review(() -> rules, options, PortfolioReviewer.indexed(items), List.of()));
        metrics.evaluated(review.summary().reviewed());
        Bodies.send(ctx, 200, review);
    }

    private ReviewOptions options(Context ctx) {
        List<Problem> problems = new ArrayList<>();
        for (String name : ctx.queryParamMap().keySet()) {
            if (!PARAMETERS.contains(name)) {
                String hint = Levenshtein.closest(name, PARAMETERS).map(c -> "; did you mean '" + c + "'?").orElse("");
                problems.add(Problem.atField(name, "unknown query parameter" + hint + " (known: asOf, within, failOn, strict)"));
            }
        }
        LocalDate asOf = LocalDate.now(reader.clock());
        String asOfText = ctx.queryParam("asOf");
        if (asOfText != null) {
            try {
                asOf = LocalDate.parse(asOfText);
            } catch (DateTimeParseException e) {
                problems.add(Problem.atField("asOf", "expected a date YYYY-MM-DD, got '" + asOfText + "'"));
            }
        }
        int within = ReviewOptions.DEFAULT_WITHIN_DAYS;
        String withinText = ctx.queryParam("within");
        if (withinText != null) {
            try {
                within = Integer.parseInt(withinText);
                if (within < 0 || within > ReviewOptions.MAX_WITHIN_DAYS) {
                    problems.add(Problem.atField("within", "must be 0 to " + ReviewOptions.MAX_WITHIN_DAYS + " days, got " + within));
                }
            } catch (NumberFormatException e) {
                problems.add(Problem.atField("within", "expected a whole number of days, got '" + withinText + "'"));
            }
        }
        Verdict failOn = ReviewOptions.DEFAULT_FAIL_ON;
        String failOnText = ctx.queryParam("failOn");
        if (failOnText != null) {
            try {
                failOn = Verdict.valueOf(failOnText);
            } catch (IllegalArgumentException e) {
                problems.add(Problem.atField("failOn", "expected one of " + Arrays.toString(Verdict.values()) + ", got '" + failOnText + "'"));
            }
        }
        String strictText = ctx.queryParam("strict");
        if (strictText != null && !strictText.equals("true") && !strictText.equals("false")) {
            problems.add(Problem.atField("strict", "expected true or false, got '" + strictText + "'"));
        }
        if (!problems.isEmpty()) {
            throw new ApiException(400, "invalid_parameter",
                    problems.size() == 1 ? "1 query parameter is wrong." : problems.size() + " query parameters are wrong.", problems);
        }
        return new ReviewOptions(asOf, within, failOn, "true".equals(strictText));
    }
}
