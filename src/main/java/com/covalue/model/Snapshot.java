package com.covalue.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Snapshot v1: the facts about one outsourcing relationship as it stood on one day. Sections that
 * were absent from the input are present here with every fact unknown (null), never false.
 */
public record Snapshot(
        int schemaVersion,
        LocalDate assessedOn,
        Perspective perspective,
        Relationship relationship,
        Governance governance,
        Measurement measurement,
        Openness openness,
        Trust trust,
        Delivery delivery,
        MutualGoals mutualGoals,
        Innovation innovation,
        Perceptions perceptions) {

    public Snapshot {
        Objects.requireNonNull(assessedOn, "assessedOn == null");
        Objects.requireNonNull(relationship, "relationship == null");
        governance = governance == null ? Governance.UNKNOWN : governance;
        measurement = measurement == null ? Measurement.UNKNOWN : measurement;
        openness = openness == null ? Openness.UNKNOWN : openness;
        trust = trust == null ? Trust.UNKNOWN : trust;
        delivery = delivery == null ? Delivery.UNKNOWN : delivery;
        mutualGoals = mutualGoals == null ? MutualGoals.UNKNOWN : mutualGoals;
        innovation = innovation == null ? Innovation.UNKNOWN : innovation;
        perceptions = perceptions == null ? Perceptions.UNKNOWN : perceptions;
    }

    /**
     * Why this snapshot cannot be the one before {@code later}, or empty when it can: both must be
     * of the same relationship, and this one assessed earlier. The one home of that check; the
     * advisor, the command line and the scenario runner each translate the problem into their own
     * error.
     */
    public Optional<Problem> problemAsPreviousOf(Snapshot later) {
        if (!relationship.id().equals(later.relationship.id())) {
            return Optional.of(Problem.atField("relationship.id", "the previous snapshot is of relationship "
                    + relationship.id() + ", not " + later.relationship.id()));
        }
        if (!assessedOn.isBefore(later.assessedOn)) {
            return Optional.of(Problem.atField("assessedOn", "the previous snapshot (" + assessedOn
                    + ") must be assessed before this one (" + later.assessedOn + ")"));
        }
        return Optional.empty();
    }
}
