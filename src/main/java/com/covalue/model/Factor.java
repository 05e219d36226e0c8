package com.covalue.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** The research's seven dominant success factors, declared in its order of dominance (section 4.1). */
public enum Factor {
    GOVERNANCE("governance", "Strong governance"),
    TRUST("trust", "Mutual trust and confidence"),
    OPENNESS("openness", "Openness, transparency, honesty and responsiveness"),
    DELIVERY("delivery", "Delivering what you promise"),
    MUTUAL_GOALS("mutualGoals", "Mutual goals and mutual benefits"),
    MEASUREMENT("measurement", "Measuring value and success"),
    INNOVATION("innovation", "Extra value and ongoing innovation");

    private final String key;
    private final String title;

    Factor(String key, String title) {
        this.key = key;
        this.title = title;
    }

    /** The contract's key for this factor, e.g. {@code mutualGoals}. */
    @JsonValue
    public String key() {
        return key;
    }

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
