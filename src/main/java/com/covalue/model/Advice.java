package com.covalue.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/** Advice v1: what Covalue says about one snapshot. Field order here is the wire order. */
public record Advice(
        int schemaVersion,
        String relationshipId,
        LocalDate assessedOn,
        RulesUsed rules,
        Health health,
        List<Alignment> alignment,
        List<Recommendation> recommendations,
        List<DataGap> dataGaps,
        @JsonInclude(JsonInclude.Include.NON_NULL) Renewal renewal,
        @JsonInclude(JsonInclude.Include.NON_NULL) Trend trend) {

    /** Advice without history (no {@code trend} section). */
    public Advice(int schemaVersion, String relationshipId, LocalDate assessedOn, RulesUsed rules, Health health,
            List<Alignment> alignment, List<Recommendation> recommendations, List<DataGap> dataGaps, Renewal renewal) {
        this(schemaVersion, relationshipId, assessedOn, rules, health, alignment, recommendations, dataGaps, renewal, null);
    }

    /** The rule set that produced the advice. */
    public record RulesUsed(String revision, int count) {
    }

    /** Health overall and per factor; a score is null when none of its facts is known. */
    public record Health(Integer overall, List<FactorHealth> factors) {
    }

    /** One factor's health: score 0-100 and the share of its facts that were known. */
    public record FactorHealth(Factor factor, Integer score, double answered) {
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

    /** One prioritised recommendation, with why it was given and where it comes from. */
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
            @JsonInclude(JsonInclude.Include.NON_NULL) List<Explanation> explain) {
    }

    /** With {@code explain}: one rule that fired for a recommendation and the facts it matched. */
    public record Explanation(String rule, String file, List<Object> matched) {
    }

    /** The renewal verdict; present when the renewal date is known. */
    public record Renewal(
            LocalDate renewalDate,
            long daysToRenewal,
            Verdict verdict,
            List<String> conditions,
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
