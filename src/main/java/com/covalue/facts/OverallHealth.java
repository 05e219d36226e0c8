package com.covalue.facts;

/**
 * Renewal-stage fact: the whole relationship's health score, for rules such as
 * {@code OverallHealth( score < 40 )}. Present only when at least one factor has a score.
 */
public record OverallHealth(int score) {
}
