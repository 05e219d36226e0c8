package com.covalue.facts;

/**
 * Renewal-stage fact: one factor's health score (factor {@code "overall"} for the whole
 * relationship). Present only for factors with at least one known fact.
 */
public record HealthScore(String factor, int score) {
}
