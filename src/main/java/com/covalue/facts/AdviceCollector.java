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

    /** Proposes a renewal verdict; the worst verdict proposed wins, with all its reasons. */
    void verdict(Verdict verdict, String reason);

    /** Makes a given recommendation a condition of renewal. */
    void condition(String id);
}
