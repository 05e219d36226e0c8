package com.covalue.advice;

import com.covalue.model.PracticeAnswer;
import com.covalue.model.Snapshot;
import com.covalue.model.SnapshotField;
import com.covalue.ruleset.Practice;
import com.covalue.ruleset.PracticeList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One snapshot's contract fields and practice answers, each read at most once per evaluation.
 * Health, facts, evidence, data gaps and practice matching all ask for the same values: read
 * through {@link SnapshotField#value()} (a chain of method references, a megamorphic call each)
 * and the sides' sorted answer maps, they were read again by each of them, several hundred times
 * an evaluation. A field is read when first asked for, so an evaluation never reads more than it
 * did before.
 */
final class Readings {

    /** Marks a field not read yet (null is a read value: unknown). */
    private static final Object UNREAD = new Object();
    private static final int FIELD_COUNT = SnapshotField.values().length;

    private final Snapshot snapshot;
    private final Object[] values = new Object[FIELD_COUNT];
    private final List<Practice> practices;
    private final PracticeAnswer[] client;
    private final PracticeAnswer[] supplier;

    Readings(Snapshot snapshot, PracticeList practiceList) {
        this.snapshot = snapshot;
        Arrays.fill(values, UNREAD);
        practices = practiceList.all();
        client = new PracticeAnswer[practices.size()];
        supplier = new PracticeAnswer[practices.size()];
        place(snapshot.views().client().practices(), practiceList, client);
        place(snapshot.views().supplier().practices(), practiceList, supplier);
    }

    /** One side's answers put at their practices' positions; an answer to a practice not in the list is not read, as before. */
    private static void place(Map<String, PracticeAnswer> answers, PracticeList practiceList, PracticeAnswer[] at) {
        answers.forEach((id, answer) -> {
            int position = practiceList.position(id);
            if (position >= 0) {
                at[position] = answer;
            }
        });
    }

    /** A field's value, null when unknown. */
    Object value(SnapshotField field) {
        Object value = values[field.ordinal()];
        if (value == UNREAD) {
            value = field.value().apply(snapshot);
            values[field.ordinal()] = value;
        }
        return value;
    }

    boolean known(SnapshotField field) {
        return value(field) != null;
    }

    /** The rule set's practices, in its list's order; the answers below are by position in it. */
    List<Practice> practices() {
        return practices;
    }

    /** The client's answer for the practice at this position of {@link #practices()}, null for "don't know". */
    PracticeAnswer client(int practice) {
        return client[practice];
    }

    /** The supplier's answer for the practice at this position of {@link #practices()}, null for "don't know". */
    PracticeAnswer supplier(int practice) {
        return supplier[practice];
    }
}
