package com.covalue.advice;

import com.covalue.model.Advice.Mismatch;
import com.covalue.model.PracticeAnswer;
import com.covalue.ruleset.Practice;
import java.util.ArrayList;
import java.util.List;

/**
 * Section 5 of the study: the two firms' practices must match. Compares the two sides' answers
 * practice by practice, in the practice list's order.
 *
 * @param mismatches each practice both sides answered, differently
 * @param matched    how many practices both sides answered alike
 */
record Matching(List<Mismatch> mismatches, int matched) {

    static Matching of(Readings readings) {
        List<Mismatch> mismatches = new ArrayList<>();
        int matched = 0;
        List<Practice> practices = readings.practices();
        for (int i = 0; i < practices.size(); i++) {
            PracticeAnswer client = readings.client(i);
            PracticeAnswer supplier = readings.supplier(i);
            if (client == null || supplier == null) {
                continue;
            }
            if (client == supplier) {
                matched++;
            } else {
                mismatches.add(new Mismatch(practices.get(i).id(), practices.get(i).factor(), client, supplier));
            }
        }
        return new Matching(List.copyOf(mismatches), matched);
    }
}
