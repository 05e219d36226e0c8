package com.covalue.review;

import com.covalue.model.Advice;
import com.covalue.model.Factor;
import com.covalue.model.Level;
import com.covalue.model.Owner;
import com.covalue.model.ErrorResponse;
import com.covalue.model.Verdict;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Review v1: the renewal review of a portfolio, as written by {@code covalue review --format json}
 * and {@code POST /api/v1/reviews}. Field order here is the wire order. The text, Markdown and
 * HTML reports are renderings of this one value.
 */
public record Review(
        int schemaVersion,
        LocalDate asOf,
        int withinDays,
        Verdict failOn,
        Advice.RulesUsed rules,
        Summary summary,
        List<Reviewed> reviewed,
        List<NotDue> notDue,
        List<Unreadable> invalid,
        List<String> warnings) {

    /** Counts for the portfolio, and the gate's decision. */
    public record Summary(
            int snapshotsGiven,
            int invalid,
            int relationships,
            int reviewed,
            int notDue,
            Map<Verdict, Integer> verdicts,
            Gate gate) {

        /**
         * What {@code covalue review} exits with for this outcome: 0 the gate passed, 1 it failed, 2
         * snapshots were given and not one could be read (a broken export must not pass as "nothing
         * due"). HTTP answers carry it too, so a pipeline calling the service gates the same way.
         */
        @JsonIgnore
        public int exitCode() {
            if (invalid > 0 && invalid == snapshotsGiven) {
                return 2;
            }
            return gate.passed() ? 0 : 1;
        }
    }

    /**
     * The gate a pipeline checks.
     *
     * @param passed  false when a reviewed relationship is at or worse than {@code failOn}, or
     *                (when strict) a snapshot could not be read
     * @param failing ids of the relationships at or worse than {@code failOn}, most urgent first
     */
    public record Gate(boolean passed, Verdict failOn, boolean strict, List<String> failing, String reason) {
    }

    /** One relationship whose renewal is due in the window, with its verdict. */
    public record Reviewed(
            String id,
            String name,
            String client,
            String supplier,
            BigDecimal annualValue,
            String currency,
            LocalDate assessedOn,
            long assessmentAgeDays,
            PortfolioItem source,
            LocalDate renewalDate,
            long daysToRenewal,
            Verdict verdict,
            List<String> reasons,
            List<Action> focus,
            List<Action> conditions,
            List<Action> alsoOpen,
            List<Action> topRecommendations,
            int recommendationCount,
            Advice.Health health,
            List<Advice.Alignment> alignment,
            List<Advice.Mismatch> matching,
            int matched,
            @JsonInclude(JsonInclude.Include.NON_NULL) Travel travel) {
    }

    /** A recommendation as a review shows it: what to do, who owns it, how urgent. */
    public record Action(String id, String title, Factor factor, Owner owner, int priority, Level level, List<String> because) {
    }

    /**
     * The direction of travel, from the earlier snapshots of the same relationship.
     *
     * @param direction BETTER, WORSE or STEADY, judged on the verdict first and then overall health
     * @param history   every earlier snapshot, oldest first
     */
    public record Travel(Direction direction, Integer healthBefore, Integer healthNow, Verdict verdictBefore,
                         Verdict verdictNow, LocalDate since, List<Point> history) {
    }

    /** One snapshot in a relationship's history. */
    public record Point(LocalDate assessedOn, Integer health, @JsonInclude(JsonInclude.Include.NON_NULL) Verdict verdict) {
    }

    public enum Direction { BETTER, STEADY, WORSE }

    /** A relationship outside the window, or with no renewal date. */
    public record NotDue(String id, String name, LocalDate assessedOn, LocalDate renewalDate, Long daysToRenewal,
                         String reason) {
    }

    /** A snapshot that could not be read, and why, in the contract's error shape. */
    public record Unreadable(PortfolioItem source, ErrorResponse error) {
    }
}
