package com.covalue.review.report;

import com.covalue.Golden;
import com.covalue.model.Advice.Alignment;
import com.covalue.model.Advice.FactorHealth;
import com.covalue.model.Advice.Health;
import com.covalue.model.Factor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each chart template under {@code src/main/jte/html/chart/} rendered on its own and compared whole
 * with its golden file under {@code golden/chart/}, with the cases the review's portfolios lack: a
 * factor with no facts, scores on the band thresholds and at zero, equal and far-apart ratings.
 */
class ChartsGoldenTest {

    private static final Health HEALTH = new Health(55, List.of(
            new FactorHealth(Factor.GOVERNANCE, 89, 1.0, null, null),
            new FactorHealth(Factor.TRUST, Charts.GOOD, 1.0, null, null),
            new FactorHealth(Factor.OPENNESS, Charts.GOOD - 1, 1.0, null, null),
            new FactorHealth(Factor.DELIVERY, Charts.WEAK, 0.5, null, null),
            new FactorHealth(Factor.MUTUAL_GOALS, Charts.WEAK - 1, 1.0, null, null),
            new FactorHealth(Factor.MEASUREMENT, null, 0.0, null, null),
            new FactorHealth(Factor.INNOVATION, 0, 1.0, null, null)), 0.8);

    @Test
    void the_health_strip_draws_a_square_per_factor_with_no_facts_as_unknown() {
        Golden.assertMatches("chart/strip.html", Templates.html("chart/strip.jte", Charts.healthStrip(HEALTH)) + "\n");
    }

    @Test
    void the_health_bars_draw_a_factor_with_no_facts_across_the_plot_and_a_zero_score_one_pixel_wide() {
        Golden.assertMatches("chart/bars.html", Templates.html("chart/bars.jte", Charts.healthBars(HEALTH)) + "\n");
    }

    @Test
    void the_perceptions_chart_notes_only_gaps_of_two_or_more() {
        List<Alignment> ratings = List.of(
                new Alignment(Factor.GOVERNANCE, 4, 4, 0),
                new Alignment(Factor.TRUST, 5, 3, 2),
                new Alignment(Factor.OPENNESS, 1, 5, 4),
                new Alignment(Factor.DELIVERY, 3, 2, 1));
        Golden.assertMatches("chart/perceptions.html",
                Templates.html("chart/perceptions.jte", Charts.perceptions(ratings)) + "\n");
    }
}
