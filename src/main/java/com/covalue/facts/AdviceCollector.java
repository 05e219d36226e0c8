package com.covalue.facts;

import com.covalue.model.Verdict;

/**
 * What a rule's consequence may say, through the global {@code advice}: recommend a catalogue
 * entry, propose a renewal verdict, or make a recommendation a condition of renewal. Rules see
 * only these three calls; the evaluation reads the results through its own implementation.
 */
public interface AdviceCollector {

    /**
     * Recommends a catalogue entry.
     *
     * @param id       the catalogue id
     * @param severity how far the facts are from good, 0 (barely) to 1 (as bad as it gets)
     * @param reason   what in the facts shows it, in a few words
     */
    void recommend(String id, double severity, String reason);

    /**
     * Recommends what the catalogue lists for putting one research practice in place: the most
     * specific entry that serves it (its {@code practices:} key), drawn from the study's tables.
     *
     * @param practice the practice id, e.g. {@code GOV-05}
     */
    void recommendPractice(String practice, double severity, String reason);

    /**
     * Recommends that the two sides agree how one research practice really works (section 5's
     * practice matching): the catalogue entry sourced {@code study 5} that serves the practice.
     */
    void recommendAgreement(String practice, double severity, String reason);

    /** Proposes a renewal verdict; the worst verdict proposed wins, with all its reasons. */
    void verdict(Verdict verdict, String reason);

    /** Makes a given recommendation a condition of renewal. */
    void condition(String id);
}
