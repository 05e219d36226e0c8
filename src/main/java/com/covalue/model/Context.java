package com.covalue.model;

/**
 * Facts about the relationship's setting that the wider research names beside the seven factors
 * (snapshot v2's {@code context}); each is null when unknown.
 *
 * @param strategicIntentHolds       the reasons both sides entered the relationship still hold
 * @param exitPlan                   a current, documented exit and transition plan exists
 * @param riskWithAbleParty          each major risk sits with the party best able to manage it
 * @param serviceLevelsProportionate the service levels demanded match what the business needs
 * @param retainedTeamRightSized     the client's retained team is sized and skilled for its role
 * @param clientTeamCapable          capable client-side people are accountable for the relationship's success
 * @param culturalDifferencesManaged cultural and distance differences between the teams are actively managed
 */
public record Context(
        Boolean strategicIntentHolds,
        Boolean exitPlan,
        Boolean riskWithAbleParty,
        Boolean serviceLevelsProportionate,
        Boolean retainedTeamRightSized,
        Boolean clientTeamCapable,
        Boolean culturalDifferencesManaged) {

    public static final Context UNKNOWN = new Context(null, null, null, null, null, null, null);
}
