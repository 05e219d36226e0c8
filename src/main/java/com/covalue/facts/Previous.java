package com.covalue.facts;

import com.covalue.model.Delivery;
import com.covalue.model.Governance;
import com.covalue.model.Innovation;
import com.covalue.model.Measurement;
import com.covalue.model.MutualGoals;
import com.covalue.model.Openness;
import com.covalue.model.Perceptions;
import com.covalue.model.Relationship;
import com.covalue.model.Snapshot;
import com.covalue.model.Trust;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Trend fact: the previous snapshot of the same relationship, for rules that need more than
 * {@link Change} says, e.g. {@code Previous( governance.escalationPath == true, daysBefore < 200 )}.
 * Present only when the advice is given with history.
 *
 * @param daysBefore days from the previous snapshot's assessment day to this one's
 */
public record Previous(
        LocalDate assessedOn,
        long daysBefore,
        Relationship relationship,
        Governance governance,
        Measurement measurement,
        Openness openness,
        Trust trust,
        Delivery delivery,
        MutualGoals mutualGoals,
        Innovation innovation,
        Perceptions perceptions) {

    public static Previous of(Snapshot previous, Snapshot now) {
        return new Previous(previous.assessedOn(), ChronoUnit.DAYS.between(previous.assessedOn(), now.assessedOn()),
                previous.relationship(), previous.governance(), previous.measurement(), previous.openness(),
                previous.trust(), previous.delivery(), previous.mutualGoals(), previous.innovation(),
                previous.perceptions());
    }
}
