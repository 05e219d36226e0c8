package com.covalue.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Advice v2: what Covalue says about one snapshot, version 1 or 2. Field order here is the wire
 * order; every field of advice v1 keeps its name and path.
 *
 * @param focus    what to do first: at most 5 recommendation ids, no two resting on the same evidence
 * @param matching section 5's practice matching: each practice both sides answered, differently, in table order
 * @param matched  how many practices both sides answered alike
 */
public record Advice(
        int schemaVersion,
        String relationshipId,
        LocalDate assessedOn,
        RulesUsed rules,
        Health health,
        List<String> focus,
        List<Alignment> alignment,
        List<Mismatch> matching,
        int matched,
        List<Recommendation> recommendations,
        List<DataGap> dataGaps,
        @JsonInclude(JsonInclude.Include.NON_NULL) Renewal renewal,
        @JsonInclude(JsonInclude.Include.NON_NULL) Trend trend) {

    /** The version of the advice Covalue writes, whatever the snapshot's version. */
    public static final int VERSION = 2;

    /** A practice both sides answered, differently. */
    public record Mismatch(String practice, Factor factor, PracticeAnswer client, PracticeAnswer supplier) {
    }

    /** The rule set that produced the advice. */
    public record RulesUsed(String revision, int count) {
    }

    /**
     * Health overall and per factor; a score is null when none of its facts is known.
     *
     * @param answered the share (0..1) of everything health rests on that was known: facts, both
     *                 sides' ratings and both sides' practice answers
     */
    public record Health(Integer overall, List<FactorHealth> factors, double answered) {
    }

    /**
     * One factor's health.
     *
     * @param score     0-100, the blend of practices and outcome (null when neither is known)
     * @param answered  the share (0..1) of the factor's facts, ratings and practice answers that were known
     * @param practices 0-100: how far the factor's practices are in place, from the facts and both
     *                  sides' practice answers (null when none is known)
     * @param outcome   0-100: how the factor is perceived, from the lower of the two sides' ratings
     *                  (or the only one; null when neither rated it)
     */
    public record FactorHealth(Factor factor, Integer score, double answered, Integer practices, Integer outcome) {
    }

    /** A factor rated by both sides, and how far apart they are. */
    public record Alignment(Factor factor, int client, int supplier, int gap) {
    }

    /** A fact that rules asked about but the snapshot left unknown. */
    public record DataGap(String field, int asked) {
    }

    /** A priority score 0-100 and the level it falls in. */
    public record Priority(int score, Level level) {
    }

    /**
     * One prioritised recommendation, with why it was given and where it comes from.
     *
     * @param practices the research practice ids it serves
     * @param evidence  the snapshot field paths it rests on: the known facts its rules read
     */
    public record Recommendation(
            String id,
            String title,
            String action,
            Factor factor,
            Kind kind,
            Owner owner,
            Priority priority,
            List<String> because,
            List<String> rules,
            String source,
            List<String> practices,
            List<String> evidence,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<Explanation> explain) {
    }

    /** With {@code explain}: one rule that fired for a recommendation and the facts it matched. */
    public record Explanation(String rule, String file, List<Object> matched) {

        /** Every matched fact is a JSON object, as the contract says: a bare value (a count a rule accumulated) becomes {"value": ...}. */
        public Explanation {
            matched = matched.stream().map(Explanation::asObject).toList();
        }

        private static Object asObject(Object fact) {
            return fact == null || Json.MAPPER.valueToTree(fact).isObject() ? fact : Map.of("value", fact);
        }
    }

    /**
     * The renewal verdict; present when the renewal date is known.
     *
     * @param conditions at most 5 recommendation ids to settle before signing, most important first
     * @param alsoOpen   the other recommendations the rules made conditions, in priority order
     */
    public record Renewal(
            LocalDate renewalDate,
            long daysToRenewal,
            Verdict verdict,
            List<String> conditions,
            List<String> alsoOpen,
            List<String> reasons) {
    }

    /**
     * With history only: the previous snapshot it was compared with, and every fact known in both
     * that moved, the worse way or the better way.
     */
    public record Trend(LocalDate previousAssessedOn, long daysBetween, List<Moved> worsened, List<Moved> improved) {
    }

    /** One fact that moved between two snapshots. */
    public record Moved(String field, Object before, Object after) {
    }
}
