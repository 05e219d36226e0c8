package com.covalue.store;

import com.covalue.model.Verdict;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One relationship as its latest snapshot (by assessment day) and that snapshot's advice show it.
 *
 * @param snapshots     how many snapshots are stored
 * @param firstAssessed the earliest stored assessment day
 * @param assessedOn    the latest stored assessment day
 * @param health        the latest advice's overall health, null when nothing was known
 * @param verdict       the latest advice's renewal verdict, null without a renewal date
 * @param renewalDate   the latest snapshot's renewal date, null when unknown
 * @param updatedAt     when the last write to this relationship happened
 */
public record RelationshipSummary(String id, String name, String client, String supplier, int snapshots,
        LocalDate firstAssessed, LocalDate assessedOn, Integer health, Verdict verdict, LocalDate renewalDate,
        Instant updatedAt) {
}
