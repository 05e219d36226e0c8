package com.covalue.ruleset;

import java.util.List;

/**
 * The sources a rule's {@code @source} and a catalogue entry's {@code source:} may cite: the
 * research in {@code ../shared/seeds} (the study's section 4.1 ranking, its tables 4.2.1-4.2.7
 * and its section 5 conclusion, and the four practitioner sources), or {@link #POLICY} for a
 * threshold or verdict that is Covalue's own reading and no source states.
 */
public final class Sources {

    /** Cited where the advice is Covalue's own judgement, for example a renewal verdict's threshold. */
    public static final String POLICY = "Covalue policy";

    public static final List<String> KNOWN = List.of("study 4.1", "study 4.2.1", "study 4.2.2", "study 4.2.3",
            "study 4.2.4", "study 4.2.5", "study 4.2.6", "study 4.2.7", "study 5", "Willcocks et al.", "McKenzie",
            "Hutchinson", "Fair Trade Outsourcing", POLICY);

    private Sources() {
    }

    /** Null when {@code source} is known; otherwise why it is not, for a problem message. */
    static String problemWith(String source) {
        return KNOWN.contains(source) ? null
                : "'" + source + "' is not a source Covalue knows; cite one of " + String.join(", ", KNOWN)
                        + " (\"" + POLICY + "\" for a threshold or verdict of Covalue's own that no source states)";
    }
}
