package com.covalue.store;

import com.covalue.model.Verdict;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A stored snapshot with the advice it was given, both as the JSON text that was stored.
 *
 * @param previousOn the assessment day of the snapshot it was compared with, null for the first
 * @param storedAt   when it was written
 */
public record StoredSnapshot(String relationshipId, LocalDate assessedOn, Instant storedAt, String rulesRevision,
        LocalDate previousOn, Integer health, Verdict verdict, LocalDate renewalDate, String snapshotJson,
        String adviceJson) {
}
