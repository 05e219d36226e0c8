package com.covalue.http;

import com.covalue.app.Covalue;
import com.covalue.model.RenewalWindow;
import com.covalue.model.Verdict;
import com.covalue.review.ReviewOptions;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code POST /api/v1/reviews}: the renewal review of the snapshots in the body (a JSON array),
 * with the command line's options as query parameters. The answer is always the Review v1 JSON;
 * whether the gate passed is in it, not in the status code, because the request itself succeeded.
 */
final class ReviewController {

    private static final List<String> PARAMETERS = List.of("asOf", "within", "failOn", "strict");

    private final Covalue covalue;
    private final ServiceConfig config;

    ReviewController(Covalue covalue, ServiceConfig config) {
        this.covalue = covalue;
        this.config = config;
    }

    void review(Context ctx) {
        ReviewOptions options = options(ctx);
        Bodies.send(ctx, 200, covalue.review(Bodies.json(ctx, config.maxBodyBytes()), options, config.maxReviewItems()));
    }

    private ReviewOptions options(Context ctx) {
        QueryParams q = QueryParams.of(ctx).onlyKnown(PARAMETERS);
        LocalDate asOf = q.date("asOf", LocalDate.now(covalue.clock()));
        int within = q.integer("within", RenewalWindow.DEFAULT_DAYS, days -> RenewalWindow.problemWith(days).map(p -> p.message()));
        Verdict failOn = q.choice("failOn", Verdict.class, ReviewOptions.DEFAULT_FAIL_ON);
        boolean strict = q.bool("strict");
        q.check();
        return new ReviewOptions(asOf, within, failOn, strict);
    }
}
