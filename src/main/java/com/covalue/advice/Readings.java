package com.covalue.advice;

import com.covalue.model.PracticeAnswer;
import com.covalue.model.Snapshot;
import com.covalue.model.SnapshotField;
import com.covalue.ruleset.Practice;
import com.covalue.ruleset.PracticeList;
import java.util.List;

/**
 * One snapshot's contract fields and practice answers, each read once per evaluation. Health,
 * facts, evidence, data gaps and practice matching all ask for the same values: read through
 * {@link SnapshotField#value()} (a chain of method references, a megamorphic call each) and the
 * sides' sorted answer maps, they were read again by each of them, several hundred times an
 * evaluation.
 */
final class Readings {

    private static final SnapshotField[] FIELDS = SnapshotField.values();

    private final Object[] values = new Object[FIELDS.length];
    private final List<Practice> practices;
    private final PracticeAnswer[] client;
    private final PracticeAnswer[] supplier;

    Readings(Snapshot snapshot, PracticeList practiceList) {
        for (SnapshotField field : FIELDS) {
            values[field.ordinal()] = field.value().apply(snapshot);
        }
        practices = practiceList.all();
        client = new PracticeAnswer[practices.size()];
        supplier = new PracticeAnswer[practices.size()];
        for (int i = 0; i < practices.size(); i++) {
            client[i] = snapshot.views().client().answer(practices.get(i).id());
            supplier[i] = snapshot.views().supplier().answer(practices.get(i).id());
        }
    }

    /** A field's value, null when unknown. */
    Object value(SnapshotField field) {
        return values[field.ordinal()];
    }

    boolean known(SnapshotField field) {
        return values[field.ordinal()] != null;
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
