package com.covalue.http;

import com.covalue.app.Covalue;
import com.covalue.model.RenewalWindow;
import com.covalue.model.Verdict;
import com.covalue.review.Review;
import com.covalue.review.ReviewOptions;
import com.covalue.review.report.ReportFormat;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.List;

/**
 * The renewal review over HTTP, with the command line's options as query parameters:
 * {@code POST /api/v1/reviews} reviews the snapshots in the body (a JSON array, always answered
 * as Review v1 JSON); {@code GET /api/v1/reviews/stored} reviews the service's own history, in
 * any of {@code covalue review}'s formats. Whether the gate passed is in the review and in the
 * {@value #EXIT_CODE} header, not in the status code, because the request itself succeeded.
 */
final class ReviewController {

    /** The exit code {@code covalue review} would give this review: 0 passed, 1 failed, 2 nothing readable. */
    static final String EXIT_CODE = "Covalue-Exit-Code";

    private static final List<String> PARAMETERS = List.of("asOf", "within", "failOn", "strict");
    private static final List<String> STORED_PARAMETERS = List.of("asOf", "within", "failOn", "strict", "format");

    private final Covalue covalue;
    private final ServiceConfig config;

    ReviewController(Covalue covalue, ServiceConfig config) {
        this.covalue = covalue;
        this.config = config;
    }

    void review(Context ctx) {
        QueryParams q = QueryParams.of(ctx).onlyKnown(PARAMETERS);
        ReviewOptions options = options(q);
        q.check();
        Review review = covalue.review(Bodies.json(ctx, config.maxBodyBytes()), options, config.maxReviewItems());
        ctx.header(EXIT_CODE, String.valueOf(review.summary().exitCode()));
        Bodies.send(ctx, 200, review);
    }

    void stored(Context ctx) {
        QueryParams q = QueryParams.of(ctx).onlyKnown(STORED_PARAMETERS);
        ReviewOptions options = options(q);
        ReportFormat format = q.choice("format", ReportFormat.class, ReportFormat.json);
        q.check();
        Review review = covalue.reviewStored(options);
        ctx.header(EXIT_CODE, String.valueOf(review.summary().exitCode()));
        ctx.status(200).contentType(format.mediaType()).result(format.render(review));
    }

    private ReviewOptions options(QueryParams q) {
        LocalDate asOf = q.date("asOf", LocalDate.now(covalue.clock()));
        int within = q.integer("within", RenewalWindow.DEFAULT_DAYS, days -> RenewalWindow.problemWith(days).map(p -> p.message()));
        Verdict failOn = q.choice("failOn", Verdict.class, ReviewOptions.DEFAULT_FAIL_ON);
        boolean strict = q.bool("strict");
        return new ReviewOptions(asOf, within, failOn, strict);
    }
}
