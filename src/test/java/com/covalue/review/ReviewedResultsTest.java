package com.covalue.review;

import static com.covalue.TestSupport.SCENARIOS;
import static com.covalue.TestSupport.realRules;
import static com.covalue.TestSupport.reader;
import static org.assertj.core.api.Assertions.assertThat;

import com.covalue.model.RenewalWindow;
import com.covalue.review.Review.Reviewed;
import com.covalue.review.report.ReportFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Results held in memory under the heap budget and spilled beyond it come back as if all were held. */
class ReviewedResultsTest {

    private static final ReviewOptions OPTIONS = new ReviewOptions(LocalDate.parse("2026-11-23"), RenewalWindow.DEFAULT_DAYS,
            ReviewOptions.DEFAULT_FAIL_ON, false);
    private static final PortfolioFiles.Found RENEWAL_SEASON = PortfolioFiles.find(
            List.of(SCENARIOS.resolve("portfolios").resolve("renewal-season")));

    private static Review review(PortfolioReviewer reviewer) {
        return reviewer.review(() -> realRules(), OPTIONS, RENEWAL_SEASON.inputs(), RENEWAL_SEASON.unreadable(),
                RENEWAL_SEASON.warnings());
    }

    @Test
    void results_stay_in_memory_up_to_the_budget_and_go_to_the_file_beyond_it() {
        Review kept = review(new PortfolioReviewer(reader(), false, PortfolioReviewer.Progress.NONE));
        List<Reviewed> all = kept.reviewed();
        assertThat(all).hasSize(5);
        // added most urgent last, so that the order the report needs is not the order they came in
        List<Reviewed> given = new ArrayList<>(all);
        Collections.reverse(given);
        for (int budgetInResults : new int[] {0, 2, 5, 100}) {
            ReviewedResults.Spilled results = new ReviewedResults.Spilled(budgetInResults * ReviewedResults.Spilled.HELD_BYTES);
            given.forEach(results::add);
            assertThat(results.held()).as("held with room for %d", budgetInResults).isEqualTo(Math.min(5, budgetInResults));
            assertThat(results.reviewed()).as("room for %d", budgetInResults).isEqualTo(all);
            assertThat(results.urgencies()).extracting(ReviewedResults.Urgency::id)
                    .isEqualTo(all.stream().map(Reviewed::id).toList());
        }
    }

    @Test
    void a_review_that_fits_the_budget_is_held_whole_and_one_that_does_not_holds_a_quarter_of_it() {
        List<Reviewed> all = review(new PortfolioReviewer(reader(), false, PortfolioReviewer.Progress.NONE)).reviewed();
        long budget = 8 * ReviewedResults.Spilled.HELD_BYTES; // room for 8 results
        ReviewedResults.Spilled fits = ReviewedResults.Spilled.forReview(all.size(), budget);
        all.forEach(fits::add);
        assertThat(fits.held()).as("5 due, room for 8: all held").isEqualTo(5);
        ReviewedResults.Spilled tooMany = ReviewedResults.Spilled.forReview(9, budget);
        all.forEach(tooMany::add);
        assertThat(tooMany.held()).as("9 due, room for 8: a quarter of the room held").isEqualTo(2);
        assertThat(tooMany.reviewed()).isEqualTo(all);
    }

    @Test
    void a_budget_smaller_than_one_result_spills_every_one() {
        ReviewedResults.Spilled results = new ReviewedResults.Spilled(ReviewedResults.Spilled.HELD_BYTES - 1);
        review(new PortfolioReviewer(reader(), false, PortfolioReviewer.Progress.NONE)).reviewed().forEach(results::add);
        assertThat(results.held()).isZero();
        assertThat(results.reviewed()).hasSize(5);
    }

    @Test
    void a_review_partly_held_renders_as_one_held_whole_or_spilled_whole() {
        PortfolioReviewer reviewer = new PortfolioReviewer(reader(), true, PortfolioReviewer.Progress.NONE);
        Review held = review(reviewer);
        Review spilled = review(reviewer.spillingResults());
        Review partly = review(reviewer.spillingResultsBeyond(2 * ReviewedResults.Spilled.HELD_BYTES));
        for (ReportFormat format : ReportFormat.values()) {
            assertThat(format.render(partly)).as(format.name()).isEqualTo(format.render(held)).isEqualTo(format.render(spilled));
        }
    }
}
