package com.covalue.store;

import java.time.LocalDate;

/** A snapshot for this relationship and assessment day is already stored, and replacing was not asked for. */
public final class SnapshotExistsException extends RuntimeException {

    public final String relationshipId;
    public final LocalDate assessedOn;

    public SnapshotExistsException(String relationshipId, LocalDate assessedOn) {
        super("relationship " + relationshipId + " already has a snapshot assessed on " + assessedOn);
        this.relationshipId = relationshipId;
        this.assessedOn = assessedOn;
    }
}
