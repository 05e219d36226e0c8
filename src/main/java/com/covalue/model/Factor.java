package com.covalue.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** The research's seven dominant success factors, declared in its order of dominance (section 4.1). */
public enum Factor {
    GOVERNANCE("governance", "Governance", "Strong governance"),
    TRUST("trust", "Trust", "Mutual trust and confidence"),
    OPENNESS("openness", "Openness", "Openness, transparency, honesty and responsiveness"),
    DELIVERY("delivery", "Delivery", "Delivering what you promise"),
    MUTUAL_GOALS("mutualGoals", "Mutual goals", "Mutual goals and mutual benefits"),
    MEASUREMENT("measurement", "Measurement", "Measuring value and success"),
    INNOVATION("innovation", "Innovation", "Extra value and ongoing innovation");

    private final String key;
    private final String label;
    private final String title;

    Factor(String key, String label, String title) {
        this.key = key;
        this.label = label;
        this.title = title;
    }

    /** The contract's key for this factor, e.g. {@code mutualGoals}. */
    @JsonValue
    public String key() {
        return key;
    }

    /** A short name for charts and tables, e.g. "Mutual goals". */
    public String label() {
        return label;
    }

    /** The research's name for the factor. */
    public String title() {
        return title;
    }

    /** Rank of dominance, 1 for the most dominant factor. */
    public int rank() {
        return ordinal() + 1;
    }

    public static Optional<Factor> byKey(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
    }
}
