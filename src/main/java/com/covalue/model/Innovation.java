package com.covalue.model;

/** Snapshot facts on extra value and ongoing innovation (study 4.2.7); null when unknown. */
public record Innovation(
        Cadence forums,
        Boolean forumsContractual,
        Boolean continuousImprovementContractual,
        Integer ideasProposed12m,
        Integer ideasAdopted12m,
        Boolean ideaChannelOwner,
        Boolean clientAsTestBed,
        Boolean clientSharesChallenges) {

    public static final Innovation UNKNOWN = new Innovation(null, null, null, null, null, null, null, null);
}
