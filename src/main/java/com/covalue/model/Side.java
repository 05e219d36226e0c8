package com.covalue.model;

import java.util.Locale;

/** One of the two parties of a relationship, as a respondent of a two-sided assessment. */
public enum Side {
    CLIENT, SUPPLIER;

    /** The key of its view in a snapshot: {@code client} or {@code supplier}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
