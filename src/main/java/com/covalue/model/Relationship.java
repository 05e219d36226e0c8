package com.covalue.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/** Who the relationship is between and the contract dates that frame it. */
public record Relationship(
        String id,
        String name,
        String client,
        String supplier,
        ServiceType serviceType,
        LocalDate contractStart,
        LocalDate renewalDate,
        BigDecimal annualValue,
        String currency) {

    /** What a relationship id may be; the snapshot schema says the same in its {@code pattern}. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public Relationship {
        Objects.requireNonNull(id, "id == null");
    }

    /** True when {@code id} can be a relationship's id: 1-64 characters of {@code A-Z a-z 0-9 . _ -}. */
    public static boolean isValidId(String id) {
        return ID.matcher(id).matches();
    }
}
