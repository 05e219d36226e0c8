package com.covalue.model;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Indexes of the contract field table ({@link SnapshotField}): every contract field in contract
 * order, by path, and by the factor it informs. Built once; the lists are immutable.
 */
public final class SnapshotFields {

    private static final List<SnapshotField> ALL = Arrays.stream(SnapshotField.values())
            .filter(f -> !f.derived()).toList();
    private static final Map<String, SnapshotField> BY_PATH;
    private static final Map<Factor, List<SnapshotField>> BY_FACTOR;

    static {
        Map<String, SnapshotField> byPath = new LinkedHashMap<>();
        ALL.forEach(f -> byPath.put(f.path(), f));
        BY_PATH = Collections.unmodifiableMap(byPath);
        Map<Factor, List<SnapshotField>> byFactor = new EnumMap<>(Factor.class);
        for (Factor f : Factor.values()) {
            byFactor.put(f, ALL.stream().filter(field -> field.factor() == f).toList());
        }
        BY_FACTOR = Collections.unmodifiableMap(byFactor);
    }

    private SnapshotFields() {
    }

    /** Every contract field, in contract order. */
    public static List<SnapshotField> all() {
        return ALL;
    }

    /** The contract field at this dotted path. */
    public static Optional<SnapshotField> byPath(String path) {
        return Optional.ofNullable(BY_PATH.get(path));
    }

    /** Fields that inform one factor (its section's facts and both sides' rating of it). */
    public static List<SnapshotField> of(Factor factor) {
        return BY_FACTOR.get(factor);
    }
}
