package com.covalue.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot as version 2 of the contract reads it: the facts about one outsourcing relationship
 * as it stood on one day, and each side's own view. A version 1 snapshot is read into the same
 * shape (its perceptions become the views' ratings). Sections that were absent from the input are
 * present here with every fact unknown (null), never false.
 *
 * @param schemaVersion the version the snapshot was written in, 1 or 2
 */
public record Snapshot(
        int schemaVersion,
        LocalDate assessedOn,
        Relationship relationship,
        Governance governance,
        Measurement measurement,
        Openness openness,
        Trust trust,
        Delivery delivery,
        MutualGoals mutualGoals,
        Innovation innovation,
        Views views,
        Context context) {

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
        views = views == null ? Views.UNKNOWN : views;
        context = context == null ? Context.UNKNOWN : context;
    }

    /** Each side's rating of each factor (the views' ratings). */
    @JsonIgnore
    public Perceptions perceptions() {
        return new Perceptions(views.client().ratings(), views.supplier().ratings());
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
