package com.covalue.review;

import com.covalue.model.Advice;
import com.covalue.model.Factor;
import com.covalue.model.Level;
import com.covalue.model.Verdict;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/**
 * What a draft rule folder would change in a portfolio's advice, relationship by relationship,
 * compared with the rules in use: the result of {@code covalue diff}. Field order is the JSON's.
 *
 * @param against  the rules in use (the baseline)
 * @param draft    the draft rules
 * @param changed  every relationship whose advice changes, worse verdicts first, then by id
 * @param invalid  snapshots that could not be read
 */
public record Impact(
        int schemaVersion,
        Rules against,
        Rules draft,
        Summary summary,
        List<Change> changed,
        List<Review.Unreadable> invalid) {

    public static final int VERSION = 1;

    public Impact {
        changed = List.copyOf(changed);
        invalid = List.copyOf(invalid);
    }

    /** A rule folder and the rule set read from it. */
    public record Rules(String folder, String revision, int count) {
    }

    /**
     * Counts for the portfolio.
     *
     * @param relationships relationships compared (the latest snapshot of each)
     * @param changed       relationships whose advice changes in any way this report shows
     * @param worseVerdict  relationships whose renewal verdict gets worse
     * @param betterVerdict relationships whose renewal verdict gets better
     */
    public record Summary(int relationships, int changed, int worseVerdict, int betterVerdict, int recommendationsAdded,
            int recommendationsDropped, int priorityMoves) {
    }

    /**
     * One relationship whose advice changes. Each part is null or empty when it does not change.
     *
     * @param assessedOn the day of the snapshot compared (its latest)
     */
    public record Change(
            String id,
            String name,
            LocalDate assessedOn,
            @JsonInclude(JsonInclude.Include.NON_NULL) VerdictChange verdict,
            @JsonInclude(JsonInclude.Include.NON_NULL) HealthChange health,
            List<Recommendation> added,
            List<Recommendation> dropped,
            List<Move> moved) {

        public Change {
            added = List.copyOf(added);
            dropped = List.copyOf(dropped);
            moved = List.copyOf(moved);
        }

        public boolean worse() {
            return verdict != null && verdict.worse();
        }
    }

    /** The renewal verdict before and after (null when the relationship has no renewal date). */
    public record VerdictChange(Verdict before, Verdict after) {
        public boolean worse() {
            return before != null && after != null && after.worseThan(before);
        }
    }

    /** Overall health before and after, and each factor whose score moves. */
    public record HealthChange(Integer before, Integer after, List<FactorMove> factors) {
        public HealthChange {
            factors = List.copyOf(factors);
        }
    }

    public record FactorMove(Factor factor, Integer before, Integer after) {
    }

    /** A recommendation that appears or disappears, at its priority. */
    public record Recommendation(String id, String title, Factor factor, int priority, Level level) {
        static Recommendation of(Advice.Recommendation r) {
            return new Recommendation(r.id(), r.title(), r.factor(), r.priority().score(), r.priority().level());
        }
    }

    /** A recommendation given under both rule sets whose priority moves. */
    public record Move(String id, String title, int before, int after, Level levelBefore, Level levelAfter) {
    }
}
