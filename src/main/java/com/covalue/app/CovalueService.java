package com.covalue.app;

import com.covalue.model.Problem;
import com.covalue.ruleset.RuleSet;
import com.covalue.store.HistoryStore;
import com.covalue.store.StoreSettings;
import com.covalue.validation.SnapshotReader;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running service without its web server: live rules (loaded at start, reloaded when the folder
 * changes), the history store, metrics, and the {@link Covalue} front door over them.
 */
public final class CovalueService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("covalue");

    private final RuleRegistry registry;
    private final HistoryStore store;
    private final ServiceMetrics metrics;
    private final Covalue covalue;
    private final CompletableFuture<ReloadOutcome> firstLoad;
    private RuleFolderWatcher watcher;

    private CovalueService(RuleRegistry registry, HistoryStore store, ServiceMetrics metrics, Clock clock,
            CompletableFuture<ReloadOutcome> firstLoad, java.time.Duration evalBudget) {
        this.registry = registry;
        this.store = store;
        this.metrics = metrics;
        this.firstLoad = firstLoad;
        this.covalue = Covalue.service(registry, new SnapshotReader(clock), store, clock, metrics, evalBudget);
    }

    /**
     * Starts loading the rules and opens the history store meanwhile: on two cores the start then
     * takes little more than the longer of the two. Until the rules are loaded, advice answers
     * {@code not_ready}.
     *
     * @throws com.covalue.store.StoreException when the store cannot be opened (the rules load is abandoned)
     */
    public static CovalueService open(RuleFolder rules, StoreSettings storeSettings, Clock clock) {
        ServiceMetrics metrics = new ServiceMetrics();
        AtomicReference<RuleRegistry> self = new AtomicReference<>();
        ReloadJournal journal = new ReloadJournal(rules.folder());
        RuleRegistry registry = rules.registry(clock, outcome -> {
            reported(outcome, self.get(), metrics);
            journal.record(outcome);
        });
        self.set(registry);
        CompletableFuture<ReloadOutcome> firstLoad = CompletableFuture.supplyAsync(() -> registry.reload("startup"),
                runnable -> daemon("covalue-rules-startup", runnable).start());
        HistoryStore store = HistoryStore.open(storeSettings, clock);
        journal.attach(store);
        return new CovalueService(registry, store, metrics, clock, firstLoad, rules.evalBudget());
    }

    public Covalue covalue() {
        return covalue;
    }

    public RuleRegistry registry() {
        return registry;
    }

    public ServiceMetrics metrics() {
        return metrics;
    }

    /**
     * Waits for the first load of the rules, then watches the folder: edits are reloaded once they
     * settle for {@code quietPeriod}.
     *
     * @return the active revision, or a note that none is active (the first load was refused)
     */
    public String watchRules(Duration quietPeriod) {
        firstLoad.join();
        watcher = new RuleFolderWatcher(registry, quietPeriod).start();
        registry.primeCompilerInBackground();
        return registry.active().map(RuleSet::revision).orElse("none (not ready)");
    }

    /** Where the history is kept, with any password masked. */
    public String storeDescription() {
        return store.settings().describe();
    }

    /** Stops watching the rules; call before the web server stops, then {@link #close()}. */
    public void stopWatching() {
        if (watcher != null) {
            watcher.close();
        }
    }

    @Override
    public void close() {
        stopWatching();
        store.close();
    }

    private static void reported(ReloadOutcome outcome, RuleRegistry registry, ServiceMetrics metrics) {
        RuleSet active = registry == null ? null : registry.active().orElse(null);
        metrics.reloaded(outcome, active == null ? 0 : active.ruleCount(), active == null ? null : active.revision());
        if (outcome.rejected()) {
            LOG.warn("rules rejected ({} problems); {}", outcome.errors().size(),
                    active == null ? "no rules are active yet" : "still serving " + active.revision());
            for (Problem p : outcome.errors()) {
                LOG.warn("  {}", p.describe());
            }
        } else if (!outcome.trigger().equals("startup")) {
            LOG.info("rules {} {} in {} ms ({})", outcome.revision(), outcome.outcome(), outcome.durationMs(), outcome.trigger());
        }
    }

    private static Thread daemon(String name, Runnable task) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        return t;
    }
}
