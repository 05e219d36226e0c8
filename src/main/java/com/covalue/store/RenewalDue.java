package com.covalue.store;

import com.covalue.model.Verdict;
import java.time.LocalDate;
import java.util.List;

/**
 * A relationship whose latest snapshot puts its renewal in the window asked for, with that
 * snapshot's verdict and conditions.
 *
 * @param daysToRenewal days from today (not from the snapshot) to the renewal date
 */
public record RenewalDue(String id, String name, LocalDate renewalDate, long daysToRenewal, LocalDate assessedOn,
        Integer health, Verdict verdict, List<String> conditions) {
}
