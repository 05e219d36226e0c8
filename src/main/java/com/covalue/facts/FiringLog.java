package com.covalue.facts;

import java.util.List;

/**
 * Where each rule's consequence records that it fired, before anything the rule itself says.
 * The rule compiler adds the call to every consequence (rule authors never write it, and the rule
 * language does not let them): it takes the place of an agenda listener, which cost an event
 * object and a callback per firing.
 */
public interface FiringLog {

    /** The name of the global the compiler declares in every rule file. */
    String GLOBAL = "covalueFirings";

    /**
     * @param rule    the rule about to run its consequence
     * @param matched the facts of its match, as Drools lists them (possibly with its internal
     *                {@code InitialFact} for a rule that starts with {@code not} or {@code exists})
     */
    void fired(String rule, List<Object> matched);
}
