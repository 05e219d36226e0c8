package com.covalue.advice;

import com.covalue.facts.BelowGoodEnough;
import com.covalue.facts.Change;
import com.covalue.facts.FiringLog;
import com.covalue.facts.PracticeAnswers;
import com.covalue.facts.HealthScore;
import com.covalue.facts.OverallHealth;
import com.covalue.facts.UnhappyClient;
import com.covalue.facts.Perception;
import com.covalue.facts.PerceptionTrend;
import com.covalue.facts.Previous;
import com.covalue.facts.Recommended;
import com.covalue.facts.Timeline;
import com.covalue.model.Advice;
import com.covalue.model.Advice.Alignment;
import com.covalue.model.Advice.DataGap;
import com.covalue.model.Advice.Explanation;
import com.covalue.model.Advice.FactorHealth;
import com.covalue.model.Advice.Health;
import com.covalue.model.Advice.Priority;
import com.covalue.model.Advice.Recommendation;
import com.covalue.model.Advice.Renewal;
import com.covalue.model.Cadence;
import com.covalue.model.Factor;
import com.covalue.model.PracticeAnswer;
import com.covalue.model.SnapshotField;
import com.covalue.model.Snapshot;
import com.covalue.model.Verdict;
import com.covalue.model.CovalueException;
import com.covalue.model.ErrorCode;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.WeakHashMap;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ThreadSafeOption;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.Match;
import com.covalue.ruleset.CatalogueEntry;
import com.covalue.ruleset.RuleInfo;
import com.covalue.ruleset.Practice;
import com.covalue.ruleset.HealthPolicy;
import com.covalue.ruleset.RuleSet;

/**
 * Turns one snapshot into advice with one rule set. Stateless and thread-safe: every call opens
 * its own Drools session, so a rule set can serve many threads and be swapped between calls.
 *
 * <p>Evaluation has two stages in one session. First the snapshot's facts are inserted and the
 * factor rules fire, recommending catalogue entries. Then the recommendations are prioritised and
 * inserted, with the health scores, as {@link Recommended} and {@link HealthScore} facts, and the
 * renewal rules fire on them to propose a verdict.
 *
 * <p>With the relationship's previous snapshot (see {@link Options#previous()}), the first stage
 * also sees trend facts, so rules can notice what worsened since then. Without it, nothing about
 * the advice changes.
 */
public final class Advisor {

    /** How long one evaluation may take by default before it is halted (see {@link #Advisor(Duration)}). */
    public static final Duration DEFAULT_BUDGET = Duration.ofMillis(500);

    /**
     * One daemon thread for every evaluation's alarm: it only raises the alarm's flag. An alarm
     * cancelled by an evaluation that finished in time leaves the queue at once; kept until its
     * time, as by default, the queue held every evaluation of the last half second (tens of
     * thousands) and the watchdog thread woke for each of them.
     */
    private static final ScheduledExecutorService WATCHDOG = watchdog();

    /**
     * Extra time the first evaluation of a rule set gets: it also pays for Drools compiling the
     * rules' conditions and actions lazily (about 150 ms for the shipped rules on an idle machine,
     * seconds on a busy one). The service's reload does that first evaluation in its warm-up, so
     * requests always run on a warm rule set and get the plain budget.
     */
    static final Duration COLD_START_ALLOWANCE = Duration.ofSeconds(20);

    /** However little CPU an evaluation gets, it is halted after this many times its budget of wall time. */
    static final int WALL_TIME_FACTOR = 20;

    /** Rule sets (by knowledge base) that have finished one evaluation, shared by every Advisor. */
    private static final Set<KieBase> WARM = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    /**
     * The configuration of every session: without Drools' thread safety ({@link ThreadSafeOption#NO}).
     * A session here is only ever touched by the thread that evaluates (the watchdog does not call
     * into it, see {@link Alarm}), so the locks and queued propagation that let other threads
     * insert or halt are pure cost. The option is read by the session alone (its agenda's state
     * machine, its propagation list, its entry points); the knowledge base every request thread
     * creates sessions from works the same either way. One configuration is shared by every
     * session, as {@code KieBase.newKieSession()} shares the knowledge base's default one.
     */
    private static final KieSessionConfiguration ONE_THREAD = oneThread();

    /** Whether each knowledge base's rules record their own firings (see {@link FiringLog}), by knowledge base. */
    private static final Map<KieBase, Boolean> RECORDS_FIRINGS = Collections.synchronizedMap(new WeakHashMap<>());

    private final Duration budget;

    public Advisor() {
        this(DEFAULT_BUDGET);
    }

    /**
     * @param budget how long one evaluation may take (CPU time of its thread; at most 20 times as
     *               much wall time): past it, the session is halted between two
     *               rule firings and the evaluation fails with {@link ErrorCode#EVALUATION_HALTED}.
     *               The rule language has no loops, so a rule that keeps firing (or a slow
     *               join) is what it stops; the service thread is then free for other requests.
     */
    public Advisor(Duration budget) {
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("the evaluation budget must be positive, got " + budget);
        }
        this.budget = budget;
    }

    public Duration budget() {
        return budget;
    }

    /**
     * Evaluation options beyond the contract.
     *
     * @param explain  add each rule that fired and the facts it matched to every recommendation
     * @param previous the relationship's snapshot before this one, or null: when given, the trend
     *                 facts ({@link Change}, {@link PerceptionTrend}, {@link Previous}) are inserted
     *                 for the rules and the advice gets a {@code trend} section
     * @param asOf     the day elapsed time is counted to (days to renewal, months since a review),
     *                 or null for the snapshot's own {@code assessedOn}. The contract's advice always
     *                 uses null, so it depends on the snapshot alone; a renewal review passes its
     *                 as-of day, so urgency is judged on the day of the review.
     */
    public record Options(boolean explain, Snapshot previous, LocalDate asOf) {
        public static final Options DEFAULT = new Options(false);

        public Options(boolean explain) {
            this(explain, null, null);
        }

        public Options(boolean explain, Snapshot previous) {
            this(explain, previous, null);
        }
    }

    /** Advice plus the names of the rules that fired (for coverage in {@code verify}). */
    public record Result(Advice advice, Set<String> rulesFired) {
    }

    public Advice advise(RuleSet rules, Snapshot snapshot) {
        return evaluate(rules, snapshot, Options.DEFAULT).advice();
    }

    public Result evaluate(RuleSet rules, Snapshot snapshot, Options options) {
        Snapshot previous = options.previous();
        if (previous != null) {
            checkComparable(previous, snapshot);
        }
        List<Change> changes = previous == null ? List.of() : Trends.changes(previous, snapshot);
        Findings findings = new Findings(rules.catalogue(), options.explain());
        Timeline timeline = Timeline.of(snapshot, options.asOf() == null ? snapshot.assessedOn() : options.asOf());
        Readings readings = new Readings(snapshot, rules.practices());
        Health health = HealthScorer.score(snapshot, readings, rules.priority());
        List<Recommendation> recommendations;
        Renewal renewal = null;

        KieSession session = rules.kieBase().newKieSession(ONE_THREAD, null);
        boolean cold = !WARM.contains(rules.kieBase());
        Alarm alarm = new Alarm(cold ? budget.plus(COLD_START_ALLOWANCE) : budget);
        try {
            session.setGlobal("advice", findings);
            if (recordsFiringsItself(rules.kieBase())) {
                session.setGlobal(FiringLog.GLOBAL, findings);
            } else {
                // rules compiled elsewhere than the rule compiler (some tests): a listener records each firing
                session.addEventListener(new DefaultAgendaEventListener() {
                    @Override
                    public void beforeMatchFired(BeforeMatchFiredEvent event) {
                        findings.fired(event.getMatch().getRule().getName(), event.getMatch().getObjects());
                    }
                });
            }
            insertFacts(session, snapshot, timeline, readings, rules.priority().health());
            if (previous != null) {
                insertTrendFacts(session, previous, snapshot, changes);
            }
            fireAll(session, alarm, findings);
            recommendations = prioritise(rules, findings, timeline, options, readings);

            if (snapshot.relationship().renewalDate() != null) {
                insertRenewalFacts(session, health, recommendations, snapshot, rules.priority().health());
                fireAll(session, alarm, findings);
                renewal = renewal(snapshot, timeline, findings, recommendations);
            }
            if (cold) {
                WARM.add(rules.kieBase()); // once: the set is locked, and every request thread passes here
            }
        } catch (StackOverflowError | OutOfMemoryError e) {
            // a rule that recurses or allocates without end: this evaluation is refused, the thread lives on
            throw new RulesFailedError(e);
        } finally {
            alarm.cancel();
            session.dispose();
        }

        Matching matching = Matching.of(readings);
        Advice advice = new Advice(Advice.VERSION, snapshot.relationship().id(), snapshot.assessedOn(),
                new Advice.RulesUsed(rules.revision(), rules.ruleCount()), health, Focus.of(recommendations, renewal),
                alignment(snapshot), matching.mismatches(), matching.matched(), recommendations, dataGaps(rules, readings),
                renewal, previous == null ? null : Trends.section(previous, snapshot, changes));
        // a view, not a copy: the findings end with this evaluation
        return new Result(advice, Collections.unmodifiableSet(findings.rulesFired()));
    }

    private static ScheduledExecutorService watchdog() {
        ScheduledThreadPoolExecutor watchdog = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "covalue-evaluation-watchdog");
            t.setDaemon(true);
            return t;
        });
        watchdog.setRemoveOnCancelPolicy(true);
        return watchdog;
    }

    private static KieSessionConfiguration oneThread() {
        KieSessionConfiguration conf = KieServices.get().newKieSessionConfiguration();
        conf.setOption(ThreadSafeOption.NO);
        return conf;
    }

    /**
     * True when the rule compiler built these rules: every consequence then starts by telling the
     * global {@link FiringLog#GLOBAL} that it fired, which the compiler declares in each file.
     */
    private static boolean recordsFiringsItself(KieBase kieBase) {
        return RECORDS_FIRINGS.computeIfAbsent(kieBase, base -> base.getKiePackages().stream()
                .anyMatch(p -> p.getGlobalVariables().stream().anyMatch(g -> g.getName().equals(FiringLog.GLOBAL))));
    }

    /**
     * Most firings one stage may take. The real rules fire about 110 at most and a synthetic base
     * of 2,000 rules about 1,300; a rule that keeps re-triggering itself (it inserts or updates a
     * fact) would otherwise never return, hanging the request or the reload that met it.
     */
    public static final int MAX_FIRINGS = 100_000;

    /** Most renewal conditions (the contract's property 7); the others the rules set are listed as still open. */
    static final int MAX_CONDITIONS = 5;

    private static void fireAll(KieSession session, Alarm alarm, Findings findings) {
        int fired = session.fireAllRules(alarm, MAX_FIRINGS);
        alarm.check();
        if (fired >= MAX_FIRINGS) {
            throw EvaluationHaltedException.tooManyFirings(MAX_FIRINGS, findings.lastRuleFired());
        }
    }

    /**
     * The alarm of one evaluation. The budget is counted in CPU time of the evaluating thread
     * where the JVM can measure it, so a busy machine (many requests, other processes) does not
     * make good rules overrun; a rule that keeps firing burns CPU and is caught. Wall time is
     * bounded too, at {@link #WALL_TIME_FACTOR} times the budget. At the limit the watchdog raises
     * the alarm; the evaluating thread, which Drools asks before each firing whether to fire the
     * match (this is the session's agenda filter), then declines every match, so the rules stop
     * between two firings as {@link KieSession#halt()} would stop them, without another thread
     * reaching into a session that is not thread-safe. {@link #check()} fails the evaluation.
     */
    private static final class Alarm implements AgendaFilter {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        private static final boolean CPU_TIME = THREADS.isCurrentThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();

        private final Duration budget;
        private final long threadId = Thread.currentThread().getId();
        private final long startCpu = CPU_TIME ? THREADS.getCurrentThreadCpuTime() : 0;
        private final long startWall = System.nanoTime();
        private volatile ScheduledFuture<?> next;
        private volatile boolean rang;
        private volatile boolean cancelled;

        Alarm(Duration budget) {
            this.budget = budget;
            this.next = WATCHDOG.schedule(this::look, budget.toNanos(), TimeUnit.NANOSECONDS);
        }

        /** On the watchdog: ring if the budget is spent, else look again when it could be. */
        private void look() {
            if (cancelled) {
                return;
            }
            long wall = System.nanoTime() - startWall;
            long used = CPU_TIME ? THREADS.getThreadCpuTime(threadId) - startCpu : wall;
            if (used >= budget.toNanos() || wall >= budget.toNanos() * WALL_TIME_FACTOR) {
                rang = true;
            } else {
                next = WATCHDOG.schedule(this::look, Math.max(budget.toNanos() - used, 5_000_000L), TimeUnit.NANOSECONDS);
            }
        }

        /** Asked by Drools on the evaluating thread before each firing: fire it unless the alarm rang. */
        @Override
        public boolean accept(Match match) {
            return !rang;
        }

        void check() {
            if (rang) {
                throw EvaluationHaltedException.overBudget(budget);
            }
        }

        void cancel() {
            cancelled = true;
            next.cancel(false);
        }
    }

    /**
     * A rule failed with a JVM error (a stack overflow, memory exhausted) on this snapshot. It is
     * an exception, not an error, from here on: the evaluation is refused and the thread carries on.
     */
    public static final class RulesFailedError extends RuntimeException {
        RulesFailedError(Error cause) {
            super("the rules failed with " + cause.getClass().getSimpleName() + " on this snapshot", cause);
        }
    }

    private static void insertFacts(KieSession session, Snapshot s, Timeline timeline, Readings readings,
            HealthPolicy health) {
        session.insert(s.relationship());
        session.insert(timeline);
        session.insert(s.governance());
        session.insert(s.trust());
        session.insert(s.openness());
        session.insert(s.delivery());
        session.insert(s.mutualGoals());
        session.insert(s.measurement());
        session.insert(s.innovation());
        session.insert(s.context());
        List<Practice> practices = readings.practices();
        for (int i = 0; i < practices.size(); i++) {
            Practice p = practices.get(i);
            PracticeAnswer client = readings.client(i);
            PracticeAnswer supplier = readings.supplier(i);
            if (client != null || supplier != null) {
                session.insert(new PracticeAnswers(p.id(), p.factor(), p.kind(), p.statement(), client, supplier));
            }
        }
        health.goodEnough().forEach((field, goodEnough) -> {
            Cadence value = (Cadence) readings.value(field);
            if (value != null && !value.atLeast(goodEnough)) {
                session.insert(new BelowGoodEnough(field, value, goodEnough));
            }
        });
        for (Factor f : Factor.values()) {
            session.insert(new Perception(f, s.views().client().ratings().of(f), s.views().supplier().ratings().of(f)));
        }
    }

    private static void checkComparable(Snapshot previous, Snapshot now) {
        previous.problemAsPreviousOf(now).ifPresent(problem -> {
            throw new IllegalArgumentException(problem.message());
        });
    }


    private static void insertTrendFacts(KieSession session, Snapshot previous, Snapshot now, List<Change> changes) {
        session.insert(Previous.of(previous, now));
        changes.forEach(session::insert);
        Trends.perceptions(previous, now).forEach(session::insert);
    }

    private static void insertRenewalFacts(KieSession session, Health health, List<Recommendation> recommendations,
            Snapshot snapshot, HealthPolicy policy) {
        if (health.overall() != null) {
            session.insert(new OverallHealth(health.overall()));
        }
        int ratedLow = HealthScorer.factorsClientRatesLow(snapshot);
        if (policy.clientUnhappy(ratedLow)) {
            session.insert(new UnhappyClient(ratedLow));
        }
        for (FactorHealth h : health.factors()) {
            if (h.score() != null) {
                session.insert(new HealthScore(h.factor(), h.score()));
            }
        }
        for (Recommendation r : recommendations) {
            session.insert(new Recommended(r.id(), r.factor(), r.priority().level(), r.priority().score(), r.title()));
        }
    }

    private static List<Recommendation> prioritise(RuleSet rules, Findings findings, Timeline timeline, Options options,
            Readings readings) {
        List<Recommendation> out = new ArrayList<>();
        findings.byId().forEach((id, f) -> {
            CatalogueEntry entry = rules.catalogue().find(id)
                    .orElseThrow(() -> new IllegalStateException("rule recommended unknown id " + id));
            List<String> evidence = evidence(rules, f, readings);
            int score = rules.priority().score(entry.factor(), f.severity, corroboration(evidence), timeline.daysToRenewal());
            List<Explanation> explain = !options.explain() ? null : f.firings.stream()
                    .map(firing -> new Explanation(firing.rule(), fileOf(rules, firing.rule()), firing.matched()))
                    .toList();
            out.add(new Recommendation(id, entry.title(), entry.action(), entry.factor(), entry.kind(), entry.owner(),
                    new Priority(score, rules.priority().level(score)), List.copyOf(f.reasons), List.copyOf(f.rules),
                    entry.source(), f.practices.isEmpty() ? entry.practices() : List.copyOf(f.practices),
                    evidence, explain));
        });
        out.sort(PRIORITY_ORDER);
        return List.copyOf(out);
    }

    /** Highest score first, then by factor, then by id. */
    private static final Comparator<Recommendation> PRIORITY_ORDER = Comparator
            .comparingInt((Recommendation r) -> -r.priority().score())
            .thenComparingInt(r -> r.factor().ordinal())
            .thenComparing(Recommendation::id);

    /**
     * How many distinct pieces of evidence corroborate a recommendation: its evidence, less the
     * contract dates (the renewal date has its own term in the priority), and at least one. It
     * counts what the snapshot shows, never how many rules an author wrote about the same fact.
     */
    private static int corroboration(List<String> evidence) {
        int count = 0;
        for (String path : evidence) {
            count += path.startsWith("relationship.") ? 0 : 1;
        }
        return Math.max(1, count);
    }

    /**
     * The known snapshot facts that the rules behind a recommendation read, and the practice
     * answers their matches rest on, sorted by path.
     */
    private static List<String> evidence(RuleSet rules, Findings.Finding finding, Readings readings) {
        Set<String> paths = new TreeSet<>();
        for (Object fact : finding.matched) {
            if (fact instanceof PracticeAnswers answers) {
                paths.addAll(answers.evidence());
            }
        }
        for (String name : finding.rules) {
            for (SnapshotField field : rules.fieldsAsked().getOrDefault(name, List.of())) {
                if (readings.known(field)) {
                    paths.add(field.path());
                }
            }
        }
        return List.copyOf(paths);
    }

    private static String fileOf(RuleSet rules, String rule) {
        RuleInfo info = rules.rules().get(rule);
        return info == null ? null : info.location();
    }

    private static Renewal renewal(Snapshot s, Timeline timeline, Findings findings, List<Recommendation> recommendations) {
        // the worst verdict proposed wins, with its reasons; none proposed means RENEW
        var worst = findings.verdicts().entrySet().stream().max(Map.Entry.comparingByKey());
        Verdict verdict = worst.map(Map.Entry::getKey).orElse(Verdict.RENEW);
        List<String> reasons = worst.<List<String>>map(e -> List.copyOf(e.getValue()))
                .orElse(List.of("no renewal rule found a reason to hold back"));
        // Conditions keep the recommendations' priority order; beyond the first few they are still open, not conditions.
        List<String> all = recommendations.stream().map(Recommendation::id).filter(findings.conditions()::contains).toList();
        int shown = Math.min(all.size(), MAX_CONDITIONS);
        return new Renewal(s.relationship().renewalDate(), timeline.daysToRenewal(), verdict, all.subList(0, shown),
                all.subList(shown, all.size()), reasons);
    }

    private static List<Alignment> alignment(Snapshot s) {
        List<Alignment> out = new ArrayList<>();
        for (Factor f : Factor.values()) {
            Integer c = s.views().client().ratings().of(f);
            Integer p = s.views().supplier().ratings().of(f);
            if (c != null && p != null) {
                out.add(new Alignment(f, c, p, Math.abs(c - p)));
            }
        }
        return List.copyOf(out);
    }

    private static List<DataGap> dataGaps(RuleSet rules, Readings readings) {
        List<DataGap> gaps = new ArrayList<>();
        for (RuleSet.AskedField asked : rules.gapOrder()) {
            if (!readings.known(asked.field())) {
                gaps.add(new DataGap(asked.field().path(), asked.rules()));
            }
        }
        return List.copyOf(gaps);
    }
}
