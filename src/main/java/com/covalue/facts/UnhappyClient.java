package com.covalue.facts;

/**
 * Renewal-stage fact: the client rates so many success factors 1 or 2 that the relationship's
 * overall health is capped (contract property 5). Present only then; the threshold is
 * {@code health.unhappyClient.factors} in {@code rules/priority.yaml}, the one place it is set, so
 * the health cap and the renewal rule that matches this fact cannot disagree.
 *
 * @param factorsRatedLow how many of the seven factors the client rates 1 or 2
 */
public record UnhappyClient(int factorsRatedLow) {
}
