package com.covalue.review.report;

import static com.covalue.TestSupport.SCENARIOS;
import static com.covalue.TestSupport.realRules;
import static org.assertj.core.api.Assertions.assertThat;

import com.covalue.Golden;
import com.covalue.TestSupport;
import com.covalue.model.Advice;
import com.covalue.model.Json;
import com.covalue.review.PortfolioFiles;
import com.covalue.review.PortfolioItem;
import com.covalue.review.PortfolioReviewer;
import com.covalue.review.Review;
import com.covalue.model.RenewalWindow;
import com.covalue.review.ReviewOptions;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every review rendering compared whole with its golden file under {@code golden/review/}. The
 * portfolios and the as-of date are fixed and the rules revision (a hash of rules/) is replaced by
 * a constant, so the files change only when a report or the rules' advice does.
 */
class GoldenReviewTest {

    private static final LocalDate AS_OF = LocalDate.parse("2026-11-23");
    private static final ReviewOptions OPTIONS = new ReviewOptions(AS_OF, RenewalWindow.DEFAULT_DAYS,
            ReviewOptions.DEFAULT_FAIL_ON, false);
    private static final Path PORTFOLIOS = SCENARIOS.resolve("portfolios");

    @Test
    void a_renewal_season_in_every_format() throws JsonProcessingException {
        Review review = review(OPTIONS, PORTFOLIOS.resolve("renewal-season"));
        assertAllFormats("renewal-season", review);
        Golden.assertMatches("review/renewal-season.json",
                Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(review) + "\n");
    }

    @Test
    void unreadable_snapshots_and_warnings_get_their_own_sections() {
        ReviewOptions strict = new ReviewOptions(AS_OF, RenewalWindow.DEFAULT_DAYS, ReviewOptions.DEFAULT_FAIL_ON, true);
        assertAllFormats("mixed-with-bad-files", review(strict, PORTFOLIOS.resolve("mixed-with-bad-files")));
    }

    @Test
    void a_portfolio_with_nothing_due_says_so() {
        ReviewOptions none = new ReviewOptions(AS_OF.minusYears(5), 0, ReviewOptions.DEFAULT_FAIL_ON, false);
        assertAllFormats("nothing-due", review(none, PORTFOLIOS.resolve("renewal-season")));
    }

    @Test
    void text_from_a_snapshot_cannot_become_markup_or_move_the_cursor() {
        String hostile = "<script>alert('x')</script> & \\\"Co\\\" | *bold* _it_ [link](#x) \\u202Eevil\\u0007";
        String json = TestSupport.read(PORTFOLIOS.resolve("renewal-season/brightwell-lumen-claims.json"))
                .replace("Brightwell Insurance / Lumen claims handling", hostile);
        List<PortfolioReviewer.Input> inputs = List.of(PortfolioReviewer.Input.text(PortfolioItem.file("hostile <&>.json"), json));
        Review review = new PortfolioReviewer(TestSupport.reader(), false, PortfolioReviewer.Progress.NONE)
                .review(() -> realRules(), OPTIONS, inputs, List.of(), List.of("a warning with <markup> & | pipes *"));
        assertAllFormats("hostile-text", withFixedRevision(review));
    }

    @Test
    void a_review_spilled_to_disk_renders_as_one_held_in_memory() {
        for (String portfolio : List.of("renewal-season", "mixed-with-bad-files")) {
            PortfolioFiles.Found found = PortfolioFiles.find(List.of(PORTFOLIOS.resolve(portfolio)));
            PortfolioReviewer kept = new PortfolioReviewer(TestSupport.reader(), false, PortfolioReviewer.Progress.NONE);
            Review held = kept.review(() -> realRules(), OPTIONS, found.inputs(), found.unreadable(), found.warnings());
            Review spilled = kept.spillingResults()
                    .review(() -> realRules(), OPTIONS, found.inputs(), found.unreadable(), found.warnings());
            assertThat(spilled.reviewed()).as(portfolio).isNotEmpty().isEqualTo(held.reviewed());
            for (ReportFormat format : ReportFormat.values()) {
                assertThat(format.render(spilled)).as(portfolio + " " + format).isEqualTo(format.render(held));
            }
        }
    }

    private static void assertAllFormats(String name, Review review) {
        Golden.assertMatches("review/" + name + ".txt", TextReview.render(review));
        Golden.assertMatches("review/" + name + ".md", MarkdownReview.render(review));
        Golden.assertMatches("review/" + name + ".html", HtmlReview.render(review));
    }

    private static Review review(ReviewOptions options, Path folder) {
        PortfolioFiles.Found found = PortfolioFiles.find(List.of(folder));
        // spilled to disk, as the command line reviews
        Review review = new PortfolioReviewer(TestSupport.reader(), false, PortfolioReviewer.Progress.NONE).spillingResults()
                .review(() -> realRules(), options, found.inputs(), found.unreadable(), found.warnings());
        return withFixedRevision(review);
    }

    /** The review as if the rules had a fixed revision: the real one is a hash of every file in rules/. */
    static Review withFixedRevision(Review r) {
        return new Review(r.schemaVersion(), r.asOf(), r.withinDays(), r.failOn(),
                new Advice.RulesUsed("golden-revision", r.rules().count()), r.summary(), r.reviewed(), r.notDue(),
                r.invalid(), r.warnings());
    }
}
