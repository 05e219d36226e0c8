package com.covalue.advice;

import com.covalue.model.Advice.Mismatch;
import com.covalue.model.PracticeAnswer;
import com.covalue.model.Snapshot;
import com.covalue.ruleset.Practice;
import com.covalue.ruleset.PracticeList;
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

    static Matching of(Snapshot snapshot, PracticeList practices) {
        List<Mismatch> mismatches = new ArrayList<>();
        int matched = 0;
        for (Practice practice : practices.all()) {
            PracticeAnswer client = snapshot.views().client().answer(practice.id());
            PracticeAnswer supplier = snapshot.views().supplier().answer(practice.id());
            if (client == null || supplier == null) {
                continue;
            }
            if (client == supplier) {
                matched++;
            } else {
                mismatches.add(new Mismatch(practice.id(), practice.factor(), client, supplier));
            }
        }
        return new Matching(List.copyOf(mismatches), matched);
    }
}
