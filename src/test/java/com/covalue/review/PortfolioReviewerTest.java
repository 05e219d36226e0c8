package com.covalue.review;

import static com.covalue.TestSupport.exampleJson;
import static com.covalue.TestSupport.minimalJson;
import static com.covalue.TestSupport.realRules;
import static com.covalue.TestSupport.reader;
import static com.covalue.TestSupport.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.covalue.model.Json;
import com.covalue.model.Verdict;
import com.covalue.review.PortfolioReviewer.Input;
import com.covalue.review.Review.Direction;
import com.covalue.review.Review.Point;
import com.covalue.review.Review.Reviewed;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The review's own logic: who is due, which snapshot counts, the order, the gate. */
class PortfolioReviewerTest {

    private static final LocalDate AS_OF = LocalDate.parse("2026-11-23");
    private static final ReviewOptions DEFAULTS =
            new ReviewOptions(AS_OF, 180, ReviewOptions.DEFAULT_FAIL_ON, false);

    private static Review review(ReviewOptions options, JsonNode... snapshots) {
        return new PortfolioReviewer(reader(), false, PortfolioReviewer.Progress.NONE)
                .review(() -> realRules(), options, PortfolioReviewer.indexed(List.of(snapshots)), List.of());
    }

    private static ObjectNode renewing(String id, String renewalDate) {
        return with(minimalJson(id), "relationship.renewalDate", renewalDate);
    }

    private static List<String> ids(Review r) {
        return r.reviewed().stream().map(Reviewed::id).toList();
    }

    @Test
    void the_window_includes_its_last_day_and_overdue_renewals_and_nothing_later() {
        Review r = review(DEFAULTS,
                renewing("last-day", "2027-05-22"),      // as-of + 180 days
                renewing("day-after", "2027-05-23"),
                renewing("overdue", "2026-11-02"),
                minimalJson("no-date"));
        assertThat(ids(r)).containsExactly("overdue", "last-day");
        assertThat(r.reviewed().get(0).daysToRenewal()).isEqualTo(-21);
        assertThat(r.reviewed().get(1).daysToRenewal()).isEqualTo(180);
        assertThat(r.notDue()).extracting(Review.NotDue::id).containsExactly("day-after", "no-date");
        assertThat(r.notDue().get(0).reason()).contains("181 days").contains("180-day window");
        assertThat(r.notDue().get(1).reason()).contains("no renewal date");
        assertThat(r.summary().relationships()).isEqualTo(4);
        assertThat(r.summary().reviewed()).isEqualTo(2);
        assertThat(r.summary().notDue()).isEqualTo(2);
    }

    @Test
    void the_latest_snapshot_is_reviewed_and_the_earlier_ones_show_the_direction_of_travel() {
        ObjectNode now = exampleJson(); // assessed 2026-11-01: REMEDIATE_BEFORE_RENEWAL
        ObjectNode spring = with(with(with(now, "assessedOn", "2026-05-01"), "governance.escalationPath", true),
                "openness.escalationsOpen", 0);
        spring = with(with(spring, "governance.successDefinedBothSides", true), "delivery.promisesKept12m", 19);
        spring = with(with(spring, "measurement.lastKpiReview", "2026-04-01"), "mutualGoals.planUpdated", "2026-04-01");
        spring = with(spring, "measurement.satisfactionSurveyLast", "2026-04-01");
        // in spring the client was happier: it rated trust and mutual goals 3, not 2
        spring = with(with(spring, "perceptions.client.trust", 3), "perceptions.client.mutualGoals", 3);
        ObjectNode winter = with(spring, "assessedOn", "2025-12-01");
        winter = with(with(winter, "measurement.lastKpiReview", "2025-11-01"), "mutualGoals.planUpdated", "2025-11-01");
        winter = with(winter, "measurement.satisfactionSurveyLast", "2025-11-01");

        // given out of order on purpose
        Review r = review(DEFAULTS, spring, now, winter);
        assertThat(r.reviewed()).hasSize(1);
        Reviewed northwind = r.reviewed().get(0);
        assertThat(northwind.assessedOn()).isEqualTo(LocalDate.parse("2026-11-01"));
        assertThat(northwind.source()).isEqualTo(PortfolioItem.index(1));
        assertThat(northwind.verdict()).isEqualTo(Verdict.REMEDIATE_BEFORE_RENEWAL);
        Review.Travel travel = northwind.travel();
        assertThat(travel.history()).extracting(Point::assessedOn)
                .containsExactly(LocalDate.parse("2025-12-01"), LocalDate.parse("2026-05-01"));
        assertThat(travel.since()).isEqualTo(LocalDate.parse("2026-05-01"));
        assertThat(travel.verdictBefore()).isNotNull().isNotEqualTo(Verdict.REMEDIATE_BEFORE_RENEWAL);
        assertThat(travel.healthBefore()).isGreaterThan(travel.healthNow());
        assertThat(travel.direction()).isEqualTo(Direction.WORSE);
        assertThat(r.summary().snapshotsGiven()).isEqualTo(3);
        assertThat(r.summary().relationships()).isEqualTo(1);
    }

    @Test
    void direction_is_judged_on_the_verdict_first_then_on_a_real_change_in_health() {
        Point renewBefore = new Point(AS_OF, 80, Verdict.RENEW);
        assertThat(PortfolioReviewer.direction(renewBefore, 90, Verdict.RENEW_WITH_CONDITIONS)).isEqualTo(Direction.WORSE);
        assertThat(PortfolioReviewer.direction(new Point(AS_OF, 40, Verdict.REMEDIATE_BEFORE_RENEWAL), 35, Verdict.RENEW))
                .isEqualTo(Direction.BETTER);
        assertThat(PortfolioReviewer.direction(renewBefore, 84, Verdict.RENEW)).isEqualTo(Direction.STEADY);
        assertThat(PortfolioReviewer.direction(renewBefore, 85, Verdict.RENEW)).isEqualTo(Direction.BETTER);
        assertThat(PortfolioReviewer.direction(renewBefore, 75, Verdict.RENEW)).isEqualTo(Direction.WORSE);
        assertThat(PortfolioReviewer.direction(new Point(AS_OF, null, null), 75, Verdict.RENEW)).isEqualTo(Direction.STEADY);
    }

    @Test
    void snapshots_assessed_after_the_as_of_date_are_left_out_and_said_so() {
        ObjectNode later = with(renewing("later", "2026-12-31"), "assessedOn", "2026-11-20");
        Review r = review(new ReviewOptions(LocalDate.parse("2026-11-10"), 180, Verdict.REMEDIATE_BEFORE_RENEWAL, false),
                later, renewing("known", "2026-12-31"));
        assertThat(ids(r)).containsExactly("known");
        assertThat(r.warnings()).singleElement().asString().contains("1 snapshot(s) assessed after 2026-11-10");
        // the relationship known only from the later snapshot is not lost: it is listed, with why
        assertThat(r.notDue()).singleElement().satisfies(n -> {
            assertThat(n.id()).isEqualTo("later");
            assertThat(n.reason()).isEqualTo("assessed only after the as-of date (first on 2026-11-20)");
        });
        assertThat(r.summary().relationships()).isEqualTo(2);
    }

    @Test
    void two_snapshots_of_one_day_keep_the_last_given_and_warn() {
        ObjectNode first = renewing("twice", "2026-12-31");
        ObjectNode second = with(first, "relationship.name", "second copy");
        Review r = review(DEFAULTS, first, second);
        assertThat(r.reviewed()).singleElement().extracting(Reviewed::name).isEqualTo("second copy");
        assertThat(r.warnings()).singleElement().asString().contains("twice").contains("[0] and [1]");
    }

    @Test
    void most_urgent_first_soonest_renewal_then_the_worse_verdict_then_id() {
        ObjectNode bad = exampleJson(); // REMEDIATE_BEFORE_RENEWAL, renews 2027-03-31
        ObjectNode b = with(bad, "relationship.id", "b-bad");
        ObjectNode a = with(renewing("a-fine", "2027-03-31"), "assessedOn", "2026-11-01");
        ObjectNode c = with(renewing("c-fine", "2027-03-31"), "assessedOn", "2026-11-01");
        ObjectNode soon = renewing("z-soon", "2026-12-01");
        Review r = review(DEFAULTS, a, c, soon, b);
        assertThat(ids(r)).containsExactly("z-soon", "b-bad", "a-fine", "c-fine");
    }

    @Test
    void the_gate_fails_at_or_worse_than_its_threshold_and_names_who_failed() {
        ObjectNode remediate = exampleJson();
        ObjectNode renew = renewing("quiet", "2026-12-31");
        assertThat(review(DEFAULTS, remediate, renew).summary().gate())
                .satisfies(g -> assertThat(g.passed()).isFalse())
                .satisfies(g -> assertThat(g.failing()).containsExactly("northwind-helpdesk"));
        ReviewOptions exitOnly = new ReviewOptions(AS_OF, 180, Verdict.REVIEW_EXIT_OPTIONS, false);
        assertThat(review(exitOnly, remediate, renew).summary().gate().passed()).isTrue();
        ReviewOptions strictest = new ReviewOptions(AS_OF, 180, Verdict.RENEW, false);
        assertThat(review(strictest, renew).summary().gate().failing()).containsExactly("quiet");
        // relationships that are not due never fail the gate, whatever their state
        ReviewOptions shortWindow = new ReviewOptions(AS_OF, 30, Verdict.REMEDIATE_BEFORE_RENEWAL, false);
        assertThat(review(shortWindow, remediate).summary().gate().passed()).isTrue();
    }

    @Test
    void invalid_snapshots_are_listed_with_their_field_and_fail_the_gate_only_when_strict() {
        ObjectNode good = renewing("good", "2026-12-31");
        ObjectNode misspelt = with(renewing("bad", "2026-12-31"), "governance.escalationPaht", true);
        Review lenient = review(DEFAULTS, good, misspelt);
        assertThat(lenient.summary().invalid()).isEqualTo(1);
        assertThat(lenient.summary().gate().passed()).isTrue();
        assertThat(lenient.invalid()).singleElement().satisfies(u -> {
            assertThat(u.source()).isEqualTo(PortfolioItem.index(1));
            assertThat(u.error().code()).isEqualTo("invalid_snapshot");
            assertThat(u.error().errors()).singleElement().satisfies(p -> {
                assertThat(p.field()).isEqualTo("governance.escalationPaht");
                assertThat(p.message()).contains("did you mean 'escalationPath'");
            });
        });
        assertThat(ids(lenient)).containsExactly("good");

        Review strict = review(new ReviewOptions(AS_OF, 180, Verdict.REMEDIATE_BEFORE_RENEWAL, true), good, misspelt);
        assertThat(strict.summary().gate().passed()).isFalse();
        assertThat(strict.summary().gate().failing()).isEmpty();
        assertThat(strict.summary().gate().reason()).contains("could not be read (strict)");
    }

    @Test
    void a_practice_id_the_practice_list_does_not_know_makes_the_snapshot_unreadable_as_advice_would() {
        ObjectNode good = with(renewing("good", "2026-12-31"), "views.client.practices.GOV-01", "YES");
        good.put("schemaVersion", 2);
        ObjectNode unknownPractice = with(renewing("typo", "2026-12-31"), "views.client.practices.GOV-99", "YES");
        unknownPractice.put("schemaVersion", 2);
        Review r = review(DEFAULTS, good, unknownPractice);
        assertThat(ids(r)).containsExactly("good");
        assertThat(r.invalid()).singleElement().satisfies(u -> {
            assertThat(u.source()).isEqualTo(PortfolioItem.index(1));
            assertThat(u.error().code()).isEqualTo("invalid_snapshot");
            assertThat(u.error().errors()).singleElement().satisfies(p ->
                    assertThat(p.field()).isEqualTo("views.client.practices.GOV-99"));
        });
    }

    @Test
    void counts_per_verdict_cover_every_verdict_and_add_up() {
        Review r = review(DEFAULTS, exampleJson(), renewing("quiet", "2026-12-31"), minimalJson("undated"));
        assertThat(r.summary().verdicts()).containsOnlyKeys(Verdict.values());
        assertThat(r.summary().verdicts().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(r.summary().reviewed());
        assertThat(r.summary().verdicts().get(Verdict.REMEDIATE_BEFORE_RENEWAL)).isEqualTo(1);
    }

    @Test
    void parallel_and_sequential_reviews_are_identical_and_progress_reaches_the_end() throws Exception {
        List<JsonNode> many = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            ObjectNode s = with(exampleJson(), "relationship.id", "rel-" + i);
            s = with(s, "relationship.renewalDate", AS_OF.plusDays(i * 5L).toString());
            many.add(i % 7 == 0 ? with(s, "delivery.promisesKept12m", 99) : s); // every 7th is invalid
        }
        List<Input> inputs = PortfolioReviewer.indexed(many);
        List<String> seen = new CopyOnWriteArrayList<>();
        Review parallel = new PortfolioReviewer(reader(), true, (what, done, total) -> {
            if (done == total) {
                seen.add(what + " " + done);
            }
        }).review(() -> realRules(), DEFAULTS, inputs, List.of());
        Review sequential = new PortfolioReviewer(reader(), false, PortfolioReviewer.Progress.NONE)
                .review(() -> realRules(), DEFAULTS, inputs, List.of());
        assertThat(Json.MAPPER.writeValueAsString(parallel)).isEqualTo(Json.MAPPER.writeValueAsString(sequential));
        assertThat(parallel.summary().invalid()).isEqualTo(9);
        assertThat(seen).contains("snapshots checked 60", "relationships reviewed " + parallel.summary().reviewed());
    }
}
