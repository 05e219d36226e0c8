package com.covalue.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

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

    public Relationship {
        Objects.requireNonNull(id, "id == null");
    }
}
