package com.covalue.model;

/** Snapshot facts on governance (study 4.2.1); every field is null when unknown. */
public record Governance(
        Cadence operationalMeetings,
        Cadence tacticalMeetings,
        Cadence strategicMeetings,
        Boolean decisionMakersAttend,
        Boolean executiveSponsors,
        Boolean rolesDefined,
        Boolean ownershipClear,
        Boolean mirroredStructure,
        Double namedCounterparts,
        Boolean escalationPath,
        Boolean successDefinedBothSides,
        Boolean objectivesAligned,
        Boolean relationshipCharter,
        Boolean informalChannels,
        Cadence managementInfoShared,
        Cadence healthCheck,
        Integer blueSkyWorkshopsPerYear) {

    public static final Governance UNKNOWN = new Governance(null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null, null);
}
