package com.covalue.app;

import com.covalue.advice.Advisor;
import com.covalue.model.Advice;
import com.covalue.model.CovalueException;
import com.covalue.model.ErrorCode;
import com.covalue.model.ErrorResponse;
import com.covalue.model.Problem;
import com.covalue.model.RenewalWindow;
import com.covalue.model.Snapshot;
import com.covalue.properties.Property;
import com.covalue.properties.PropertyChecker;
import com.covalue.properties.ScenarioCases;
import com.covalue.properties.Violation;
import com.covalue.review.Impact;
import com.covalue.review.ImpactReviewer;
import com.covalue.review.PortfolioFiles;
import com.covalue.review.PortfolioItem;
import com.covalue.review.PortfolioReviewer;
import com.covalue.review.Review;
import com.covalue.review.ReviewOptions;
import com.covalue.ruleset.RuleInfo;
import com.covalue.ruleset.RuleSet;
import com.covalue.scenario.PortfolioScenarioRunner;
import com.covalue.scenario.ScenarioResult;
import com.covalue.scenario.ScenarioRunner;
import com.covalue.store.HistoryStore;
import com.covalue.store.InvalidCursorException;
import com.covalue.store.Page;
import com.covalue.store.RelationshipSummary;
import com.covalue.store.RenewalDue;
import com.covalue.store.RuleReload;
import com.covalue.store.SnapshotExistsException;
import com.covalue.store.StoreSettings;
import com.covalue.store.StoredSnapshot;
import com.covalue.validation.SnapshotReader;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.function.IntConsumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The front door: every use case the service and the command line offer, each one call. Adapters
 * parse their input (an HTTP request, command-line options), call one method here, and write what
 * it returns; errors come out as {@link CovalueException}s with the contract's codes.
 *
 * <p>Thread-safe. Evaluations run in {@link EvaluationSlots}, so a busy service keeps a core for a
 * rule reload; each piece of work takes the rule set once and uses it to its end.
 */
public final class Covalue {

    private static final Logger LOG = LoggerFactory.getLogger(Covalue.class);
    /**
     * The heap a review's results may fill before the rest go to a temporary file: two fifths of the
     * heap, which holds every result of the generated 10,000 (4,263 due) at -Xmx256m. A review whose
     * results do not all fit holds only a quarter of it (a tenth of the heap): held for a whole
     * second pass, two fifths kept G1 marking over and over at 100,000 (BENCHMARKS, session 23).
     */
    private static final long HELD_RESULTS_BUDGET = Runtime.getRuntime().maxMemory() * 2 / 5;

    private final RuleSource rules;
    private final SnapshotReader reader;
    private final EvaluationSlots slots;
    private final HistoryStore store;
    private final Clock clock;
    private final IntConsumer evaluated;
    private final Advisor advisor;
    private final Accounts accounts;
    private final Assessments assessments;
    /** One review of the whole stored portfolio at a time, in arrival order. */
    private final Semaphore storedReviews = new Semaphore(1, true);

    private Covalue(RuleSource rules, SnapshotReader reader, EvaluationSlots slots, HistoryStore store, Clock clock,
            IntConsumer evaluated, Duration evalBudget) {
        this.advisor = new Advisor(evalBudget);
        this.rules = rules;
        this.reader = reader;
        this.slots = slots;
        this.store = store;
        this.clock = clock;
        this.evaluated = evaluated;
        this.accounts = store == null ? null : new Accounts(store.accounts());
        this.assessments = store == null ? null : new Assessments(this, rules, store.assessments(), clock);
    }

    /**
     * The service's front door: one evaluation per core at a time, every evaluation counted.
     *
     * @param store the history store, or null for the stateless service
     * @param clock "today" for the renewal calendar and a review's default as-of day
     */
    public static Covalue service(RuleSource rules, SnapshotReader reader, HistoryStore store, Clock clock,
            ServiceMetrics metrics) {
        return service(rules, reader, store, clock, metrics, Advisor.DEFAULT_BUDGET);
    }

    /** @param evalBudget how long one evaluation may take before it is halted with {@code evaluation_halted} */
    public static Covalue service(RuleSource rules, SnapshotReader reader, HistoryStore store, Clock clock,
            ServiceMetrics metrics, Duration evalBudget) {
        return new Covalue(rules, reader, EvaluationSlots.perCore(), store, clock, metrics::evaluated, evalBudget);
    }

    /** A command's front door: no history store, evaluations not queued (a command is its own machine). */
    public static Covalue command(RuleSource rules, Clock clock) {
        return new Covalue(rules, new SnapshotReader(clock), new EvaluationSlots(Integer.MAX_VALUE), null, clock, n -> { },
                Advisor.DEFAULT_BUDGET);
    }

    /** "Today", for the renewal calendar and a review's default as-of day. */
    public Clock clock() {
        return clock;
    }

    // ---- reading ----

    /**
     * Parses and validates one snapshot, version 1 or 2, its practice answers against the rule
     * set's practice list. @throws CovalueException naming every problem
     */
    public Snapshot read(String json) {
        return read(json, rules.current());
    }

    private Snapshot read(String json, RuleSet ruleSet) {
        return reader.read(SnapshotReader.parse(json), ruleSet.practices().ids());
    }

    /** As {@link #read(String)}, with the input's name (a file) in front of the message. */
    public Snapshot read(String json, String name) {
        try {
            return read(json);
        } catch (CovalueException e) {
            throw new CovalueException(e.code(), name + ": " + e.getMessage(), e.problems());
        }
    }

    /**
     * Reads and parses a body and does nothing else: what advice would cost if the rules were
     * free, the limit the HTTP benchmark measures advice against. Answers the number of fields.
     */
    public int parseOnly(String json) {
        return SnapshotReader.parse(json).size();
    }

    // ---- advice ----

    /**
     * Advice on one snapshot in its JSON text, without history. The rule set is taken once, so the
     * practice list that checks the answers is the one that judges them, even across a reload.
     */
    public Advice advise(String json, boolean explain) {
        RuleSet ruleSet = rules.current();
        return advise(ruleSet, new AdviceRequest(read(json, ruleSet), explain));
    }

    public Advice advise(AdviceRequest request) {
        return advise(rules.current(), request);
    }

    private Advice advise(RuleSet ruleSet, AdviceRequest request) {
        Advice advice = slots.run(() -> advisor.evaluate(ruleSet, request.snapshot(),
                new Advisor.Options(request.explain(), request.previous())).advice());
        evaluated.accept(1);
        return advice;
    }

    /**
     * Advice on each snapshot of a JSON array, all with one rule set. An item that is not a valid
     * snapshot gets its error in place of advice; the others are not affected.
     */
    public BatchAdvice adviseBatch(String json, int maxItems) {
        JsonNode body = SnapshotReader.parse(json);
        if (!body.isArray()) {
            throw new CovalueException(ErrorCode.INVALID_BATCH, "A batch must be a JSON array of snapshots.",
                    List.of(Problem.atField("", "expected an array, got " + typeOf(body))));
        }
        if (body.size() > maxItems) {
            throw new CovalueException(ErrorCode.BATCH_TOO_LARGE, "A batch may hold at most " + maxItems
                    + " snapshots; this one has " + body.size() + ".");
        }
        RuleSet ruleSet = rules.current(); // the whole batch is judged by one rule set
        List<BatchAdvice.Item> results = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            results.add(adviseItem(ruleSet, i, body.get(i)));
        }
        evaluated.accept(body.size());
        return new BatchAdvice(new Advice.RulesUsed(ruleSet.revision(), ruleSet.ruleCount()), results);
    }

    private BatchAdvice.Item adviseItem(RuleSet ruleSet, int index, JsonNode item) {
        try {
            Snapshot snapshot = reader.read(item, ruleSet.practices().ids());
            // a slot per item, not per batch: single requests queue behind one item at most
            return new BatchAdvice.Item(index, slots.run(() -> advisor.advise(ruleSet, snapshot)), null);
        } catch (CovalueException e) {
            return new BatchAdvice.Item(index, null, e.error());
        } catch (RuntimeException e) {
            // one item our code cannot handle must not fail the others
            LOG.error("unexpected error on batch item {}", index, e);
            return new BatchAdvice.Item(index, null, new ErrorResponse(ErrorCode.INTERNAL_ERROR,
                    "Something went wrong on our side with this item; the error has been logged.", List.of()));
        }
    }

    // ---- renewal review ----

    /**
     * The renewal review of the snapshots in a JSON array (at most {@code maxItems}), one after the
     * other on one thread, each evaluation in a slot of its own: a large review never holds a slot
     * for long, so single requests keep their turn.
     */
    public Review review(String json, ReviewOptions options, int maxItems) {
        JsonNode body = SnapshotReader.parse(json);
        if (!body.isArray()) {
            throw new CovalueException(ErrorCode.INVALID_REVIEW, "A review takes a JSON array of snapshots.",
                    List.of(Problem.atField("", "expected an array, got " + typeOf(body))));
        }
        if (body.size() > maxItems) {
            throw new CovalueException(ErrorCode.BATCH_TOO_LARGE, "A review over HTTP may hold at most " + maxItems
                    + " snapshots; this one has " + body.size() + ". Split it, or review files with 'covalue review'.");
        }
        RuleSet ruleSet = rules.current();
        List<JsonNode> items = StreamSupport.stream(body.spliterator(), false).toList();
        // Sequential: the server already runs requests side by side, so one review takes one thread.
        Review review = new PortfolioReviewer(reader, false, PortfolioReviewer.Progress.NONE, slots::run)
                .review(() -> ruleSet, options, PortfolioReviewer.indexed(items), List.of());
        evaluated.accept(review.summary().reviewed());
        return review;
    }

    /**
     * The renewal review of snapshot files and, optionally, a history store, on every core. The rule
     * set is taken only once the files are read, so a one-shot compile runs while they are.
     *
     * @throws CovalueException {@code file_not_found} for a path that does not exist,
     *                          {@code invalid_parameter} when there is nothing to review
     */
    public Review review(PortfolioRequest request, PortfolioReviewer.Progress progress) {
        Portfolio portfolio = portfolio(request);
        return new PortfolioReviewer(reader, true, progress).spillingResultsBeyond(HELD_RESULTS_BUDGET).review(rules::current, request.options(), portfolio.inputs(),
                portfolio.found().unreadable(), portfolio.found().warnings());
    }

    /**
     * What a draft rule folder would change in the advice on a portfolio (the same inputs as
     * {@link #review(PortfolioRequest, PortfolioReviewer.Progress)}), compared with this front
     * door's rules.
     *
     * @param draft   the draft rules; {@code rules_rejected} when they do not compile
     * @param folders the two folders' names, for the report: the rules in use, then the draft
     */
    public Impact impact(PortfolioRequest request, RuleSource draft, String againstFolder, String draftFolder) {
        Portfolio portfolio = portfolio(request);
        RuleSet against = rules.current();
        RuleSet drafted = draft.current();
        return new ImpactReviewer(reader).compare(portfolio.inputs(), portfolio.found().unreadable(),
                new Impact.Rules(againstFolder, against.revision(), against.ruleCount()), against,
                new Impact.Rules(draftFolder, drafted.revision(), drafted.ruleCount()), drafted);
    }

    /** A portfolio's snapshots, found in files and the store, before any is read. */
    private record Portfolio(PortfolioFiles.Found found, List<PortfolioReviewer.Input> inputs) {
    }

    private Portfolio portfolio(PortfolioRequest request) {
        for (Path path : request.paths()) {
            if (!Files.exists(path)) {
                throw new CovalueException(ErrorCode.FILE_NOT_FOUND, "no such file or folder: " + path);
            }
        }
        PortfolioFiles.Found found;
        try {
            found = PortfolioFiles.find(request.paths(), request.report()); // a report in the portfolio is not a snapshot
        } catch (PortfolioFiles.MissingPathException e) { // deleted since the check above
            throw new CovalueException(ErrorCode.FILE_NOT_FOUND, e.getMessage());
        }
        List<PortfolioReviewer.Input> inputs = new ArrayList<>(found.inputs());
        if (request.store() != null) {
            inputs.addAll(storedInputs(request.store()));
        }
        if (inputs.isEmpty() && found.unreadable().isEmpty()) {
            throw new CovalueException(ErrorCode.INVALID_PARAMETER, request.paths().isEmpty()
                    ? "the history store has no snapshots"
                    : "found no snapshot files (*.json, *.jsonl, *.ndjson) in " + request.paths()
                            + (request.store() != null ? " and no snapshot in the history store" : ""));
        }
        return new Portfolio(found, inputs);
    }

    /**
     * Every snapshot in a history store, each named {@code store:<id>/<assessedOn>} in reports.
     * They are checked again like files: the review trusts no input it did not read itself.
     */
    private List<PortfolioReviewer.Input> storedInputs(StoreSettings settings) {
        try (HistoryStore history = HistoryStore.open(settings, clock)) {
            return storedInputs(history);
        }
    }

    private static List<PortfolioReviewer.Input> storedInputs(HistoryStore history) {
        return history.allSnapshotJson().stream()
                .map(s -> PortfolioReviewer.Input.text(
                        PortfolioItem.file("store:" + s.relationshipId() + "/" + s.assessedOn()), s.json()))
                .toList();
    }

    // ---- rules ----

    /** The rule set in use; for a command, waits for its compile. */
    public RulesInUse rulesInUse() {
        RuleSet ruleSet = rules.current();
        return new RulesInUse(ruleSet.revision(), ruleSet.ruleCount(), ruleSet.files().size());
    }

    /**
     * Runs every scenario and portfolio scenario under {@code scenarios} against the rules, checks
     * the contract's properties on every scenario and each one-fact improvement of it, and lists
     * the rules none of them fired.
     *
     * @param selected which scenarios to run, by name (e.g. {@code contract-example},
     *                 {@code portfolios/renewal-season}); when it leaves any out, coverage is not judged
     * @throws CovalueException {@code invalid_parameter} when there is no scenario at all, or none selected
     */
    public Verification verify(Path scenarios, Predicate<String> selected) {
        List<Path> all = ScenarioRunner.find(scenarios);
        if (all.isEmpty()) {
            throw new CovalueException(ErrorCode.INVALID_PARAMETER, "no scenarios found under " + scenarios
                    + " (each needs a folder with snapshot.json and expect.yaml)");
        }
        List<Path> folders = all.stream().filter(f -> selected.test(ScenarioRunner.nameOf(scenarios, f))).toList();
        List<Path> portfolioFolders = PortfolioScenarioRunner.find(scenarios).stream()
                .filter(f -> selected.test(ScenarioRunner.nameOf(scenarios, f))).toList();
        boolean everything = folders.size() == all.size()
                && portfolioFolders.size() == PortfolioScenarioRunner.find(scenarios).size();
        if (folders.isEmpty() && portfolioFolders.isEmpty()) {
            throw new CovalueException(ErrorCode.INVALID_PARAMETER, "no scenario under " + scenarios + " matches the selection");
        }
        RuleSet ruleSet = rules.current();
        ScenarioRunner runner = new ScenarioRunner(reader.clock());
        Set<String> fired = new HashSet<>();
        List<Verification.Outcome> outcomes = new ArrayList<>();
        for (Path folder : folders) {
            ScenarioResult result = runner.run(ruleSet, scenarios, folder);
            fired.addAll(result.rulesFired());
            outcomes.add(new Verification.Outcome(result.name(), result.failures()));
        }
        PortfolioScenarioRunner reviews = new PortfolioScenarioRunner(reader.clock());
        List<Verification.Outcome> portfolios = portfolioFolders.stream()
                .map(folder -> reviews.run(ruleSet, scenarios, folder))
                .map(result -> new Verification.Outcome(result.name(), result.failures()))
                .toList();
        PropertyChecker.Report report = new PropertyChecker(reader).check(ruleSet,
                ScenarioCases.under(scenarios, reader, selected), PropertyChecker.Sampling.ALL);
        List<Verification.PropertyOutcome> properties = new ArrayList<>();
        for (String scenario : report.checked()) {
            for (Property property : Property.values()) {
                properties.add(new Verification.PropertyOutcome(scenario, property.title(),
                        report.of(scenario, property).stream().map(Violation::describe).toList()));
            }
        }
        List<Verification.UnfiredRule> unfired = !everything ? List.of() : ruleSet.rules().values().stream()
                .filter(rule -> !fired.contains(rule.name()))
                .sorted(Comparator.comparing(RuleInfo::file).thenComparingInt(RuleInfo::line))
                .map(rule -> new Verification.UnfiredRule(rule.file(), rule.line(), rule.name()))
                .toList();
        return new Verification(outcomes, portfolios, properties, unfired, everything,
                new Verification.PropertyStats(report.checked().size(), report.evaluations(), report.millis()));
    }

    // ---- history ----

    /**
     * Stores a snapshot of relationship {@code id} with its advice, judged against the snapshot
     * before it; {@code replace} allows replacing one of the same day.
     */
    public HistoryStore.Saved storeAndAdvise(String id, String json, boolean replace) {
        JsonNode body = SnapshotReader.parse(json);
        RuleSet ruleSet = rules.current();
        Snapshot snapshot = reader.read(body, ruleSet.practices().ids());
        if (!snapshot.relationship().id().equals(id)) {
            throw new CovalueException(ErrorCode.ID_MISMATCH, "The snapshot is of relationship '" + snapshot.relationship().id()
                    + "' but was sent to /relationships/" + id + ".",
                    List.of(Problem.atField("relationship.id", "must be '" + id + "', the id in the path")));
        }
        HistoryStore.Saved saved;
        try {
            saved = history().save(snapshot, body.toString(), replace, previous -> slots.run(() ->
                    advisor.evaluate(ruleSet, snapshot, new Advisor.Options(false, previous)).advice()));
        } catch (SnapshotExistsException e) {
            throw new CovalueException(ErrorCode.SNAPSHOT_EXISTS, "Relationship " + id + " already has a snapshot assessed on "
                    + e.assessedOn + "; send it with ?replace=true to replace it.",
                    List.of(Problem.atField("assessedOn", "already stored for " + e.assessedOn)));
        }
        evaluated.accept(1);
        return saved;
    }

    public Page<RelationshipSummary> relationships(int limit, String cursor) {
        return paged(() -> history().relationships(limit, cursor));
    }

    /** The service's attempts to load its rules, newest first. */
    public Page<RuleReload> ruleReloads(int limit, String cursor) {
        return paged(() -> history().reloads(limit, cursor));
    }

    public RelationshipSummary relationship(String id) {
        return history().relationship(id).orElseThrow(() -> notStored(id));
    }

    /** One page of a relationship's snapshots, newest first. */
    public Page<StoredSnapshot> snapshots(String id, int limit, String cursor) {
        Page<StoredSnapshot> page = paged(() -> history().snapshots(id, limit, cursor));
        if (page.items().isEmpty() && history().relationship(id).isEmpty()) {
            throw notStored(id);
        }
        return page;
    }

    public StoredSnapshot snapshot(String id, LocalDate assessedOn) {
        return history().snapshot(id, assessedOn).orElseThrow(() -> new CovalueException(ErrorCode.NOT_FOUND,
                "Relationship " + id + " has no snapshot assessed on " + assessedOn + "."));
    }

    public StoredSnapshot latest(String id) {
        return history().latest(id).orElseThrow(() -> notStored(id));
    }

    /** Relationships whose renewal falls within the window from today, or is overdue. */
    public Renewals renewals(RenewalWindow window) {
        return new Renewals(LocalDate.now(clock()), window.days(), history().renewals(window.days()));
    }

    /** What {@link #renewals} answers. */
    public record Renewals(LocalDate today, int within, List<RenewalDue> items) {
    }

    /** Deletes a relationship with its whole history. */
    public void delete(String id) {
        if (!history().delete(id)) {
            throw notStored(id);
        }
    }

    /** The web app's users and API tokens; null without a history store. */
    public Accounts accounts() {
        return accounts;
    }

    /** Two-sided assessments; null without a history store. */
    public Assessments assessments() {
        return assessments;
    }

    /** The relationship, or empty when it is not stored. */
    public java.util.Optional<RelationshipSummary> relationshipIfStored(String id) {
        return history().relationship(id);
    }

    /** Every stored snapshot of a relationship with its advice, oldest first (for its history chart). */
    public List<StoredSnapshot> fullHistory(String id) {
        List<StoredSnapshot> all = new ArrayList<>();
        String cursor = null;
        do {
            Page<StoredSnapshot> page = paged(cursorOf(cursor, c -> history().snapshots(id, HistoryStore.MAX_PAGE, c)));
            all.addAll(page.items());
            cursor = page.next();
        } while (cursor != null);
        java.util.Collections.reverse(all);
        return all;
    }

    /** Every stored relationship, by id. */
    public List<RelationshipSummary> allRelationships() {
        List<RelationshipSummary> all = new ArrayList<>();
        String cursor = null;
        do {
            Page<RelationshipSummary> page = paged(cursorOf(cursor, c -> history().relationships(HistoryStore.MAX_PAGE, c)));
            all.addAll(page.items());
            cursor = page.next();
        } while (cursor != null);
        return all;
    }

    /** The active rules for a person to read: factors, practices, catalogue entries and the rules behind them. */
    public RulesOverview rulesOverview(ReloadOutcome lastReload) {
        return RulesOverview.of(rules.current(), lastReload);
    }

    /** Each practice of the active practice list by id, with the practice in one line. */
    public java.util.Map<String, String> practiceStatements() {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        rules.current().practices().all().forEach(p -> out.put(p.id(), p.statement()));
        return out;
    }

    /**
     * The renewal review of the service's own history store: each relationship's latest snapshot,
     * the earlier ones for its direction of travel. The same inputs, named the same way
     * ({@code store:<id>/<assessedOn>}), as {@code covalue review --data} reads, so the two give the
     * same report. Each evaluation takes a slot of its own, as a posted review's do; one stored
     * review runs at a time (others wait their turn), since each holds the whole portfolio in memory.
     *
     * @throws CovalueException {@code not_found} when nothing is stored yet
     */
    public Review reviewStored(ReviewOptions options) {
        storedReviews.acquireUninterruptibly();
        try {
            List<PortfolioReviewer.Input> inputs = storedInputs(history());
            if (inputs.isEmpty()) {
                throw new CovalueException(ErrorCode.NOT_FOUND, "No relationship is stored yet, so there is nothing to review.");
            }
            RuleSet ruleSet = rules.current();
            Review review = new PortfolioReviewer(reader, false, PortfolioReviewer.Progress.NONE, slots::run)
                    .review(() -> ruleSet, options, inputs, List.of());
            evaluated.accept(review.summary().reviewed());
            return review;
        } finally {
            storedReviews.release();
        }
    }

    private static <T> Supplier<Page<T>> cursorOf(String cursor, java.util.function.Function<String, Page<T>> read) {
        return () -> read.apply(cursor);
    }

    /** True when snapshots can be stored: the service was started with a history store. */
    public boolean hasHistory() {
        return store != null;
    }

    /** How long the longest evaluation running now has been running (zero when none is). */
    public Duration longestEvaluation() {
        return slots.longestRunning();
    }

    /** The last snapshot write the history store refused, until one succeeds again; empty without a store. */
    public java.util.Optional<HistoryStore.WriteFailure> lastStoreWriteFailure() {
        return store == null ? java.util.Optional.empty() : store.lastWriteFailure();
    }

    /** False when the history store cannot be reached (true without one: nothing to reach). */
    public boolean storeReachable() {
        return store == null || store.reachable();
    }

    private HistoryStore history() {
        if (store == null) {
            throw new IllegalStateException("this front door has no history store");
        }
        return store;
    }

    private static <T> Page<T> paged(Supplier<Page<T>> read) {
        try {
            return read.get();
        } catch (InvalidCursorException e) {
            throw CovalueException.invalidParameter("cursor", e.getMessage());
        }
    }

    private static CovalueException notStored(String id) {
        return new CovalueException(ErrorCode.NOT_FOUND, "No relationship '" + id + "' is stored.");
    }

    private static String typeOf(JsonNode node) {
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
