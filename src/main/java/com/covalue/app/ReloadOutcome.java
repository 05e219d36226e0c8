package com.covalue.app;

import com.covalue.model.Problem;
import java.time.Instant;
import java.util.List;

/**
 * The result of one attempt to load the rules folder.
 *
 * @param at         when the attempt finished
 * @param trigger    what asked for it: {@code startup}, {@code watch} (a file changed) or {@code admin}
 * @param outcome    {@code loaded}, {@code unchanged} (same revision as the active set) or {@code rejected}
 * @param revision   the revision loaded, or null when rejected
 * @param durationMs how long the compile took
 * @param errors     every problem when rejected
 */
public record ReloadOutcome(Instant at, String trigger, String outcome, String revision, long durationMs, List<Problem> errors) {

    public ReloadOutcome {
        errors = List.copyOf(errors);
    }

    public boolean rejected() {
        return outcome.equals("rejected");
    }
}
