package com.covalue.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One attempt of the service to load its rules folder, as the store keeps it.
 *
 * @param id           its number, in the order the attempts were recorded (0 before it is stored)
 * @param trigger      {@code startup}, {@code watch} (a file changed) or {@code admin}
 * @param outcome      {@code loaded}, {@code unchanged} or {@code rejected}
 * @param revision     the revision loaded, or null when rejected
 * @param filesChanged the rule files added, edited or removed since the attempt before (every file at start)
 * @param errorCount   how many problems refused it (0 when it loaded)
 */
public record RuleReload(long id, Instant at, String trigger, String outcome, String revision, long durationMs,
        List<String> filesChanged, int errorCount) {

    public RuleReload {
        Objects.requireNonNull(at, "at == null");
        Objects.requireNonNull(trigger, "trigger == null");
        Objects.requireNonNull(outcome, "outcome == null");
        filesChanged = List.copyOf(filesChanged);
    }
}
