package com.covalue.app;

import com.covalue.store.HistoryStore;
import com.covalue.store.RuleReload;
import com.covalue.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every reload of the rules to the history store ({@code GET /api/v1/rules/history}), with
 * the files added, edited or removed since the attempt before. The first load may finish before
 * the store is open (they start together); its record waits until {@link #attach} gives the store.
 * A store that cannot be written is logged, never a reason to refuse rules.
 */
final class ReloadJournal {

    private static final Logger LOG = LoggerFactory.getLogger("covalue");

    private final Path folder;
    private Map<String, Integer> seen = Map.of(); // content hash of each file at the attempt before
    private HistoryStore store;
    private final List<RuleReload> waiting = new ArrayList<>();

    ReloadJournal(Path folder) {
        this.folder = folder;
    }

    /** Records an attempt; called on the reloading thread just after it. */
    synchronized void record(ReloadOutcome outcome) {
        Map<String, Integer> now = hashes();
        TreeSet<String> changed = new TreeSet<>();
        now.forEach((file, hash) -> {
            if (!Objects.equals(seen.get(file), hash)) {
                changed.add(file);
            }
        });
        seen.keySet().stream().filter(file -> !now.containsKey(file)).forEach(changed::add);
        seen = now;
        RuleReload reload = new RuleReload(0, outcome.at(), outcome.trigger(), outcome.outcome(), outcome.revision(),
                outcome.durationMs(), List.copyOf(changed), outcome.errors().size());
        if (store == null) {
            waiting.add(reload);
        } else {
            write(reload);
        }
    }

    /** Gives the store, and writes what waited for it. */
    synchronized void attach(HistoryStore store) {
        this.store = store;
        waiting.forEach(this::write);
        waiting.clear();
    }

    private void write(RuleReload reload) {
        try {
            store.recordReload(reload);
        } catch (StoreException e) {
            LOG.warn("could not record the rule reload in the history store: {}", e.getMessage());
        }
    }

    /** The content hash of each file the rules folder holds (not its subfolders or hidden files). */
    private Map<String, Integer> hashes() {
        Map<String, Integer> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = f.getFileName().toString();
                if (!name.startsWith(".")) {
                    out.put(name, Arrays.hashCode(Files.readAllBytes(f)));
                }
            }
        } catch (IOException e) {
            // a folder that cannot be read: every file counts as removed, which the refused reload explains
        }
        return out;
    }
}
