package com.covalue.review;

import com.covalue.advice.Advisor;
import com.covalue.ruleset.RuleSet;
import com.covalue.model.Advice;
import com.covalue.model.Advice.Recommendation;
import com.covalue.model.ErrorResponse;
import com.covalue.model.Problem;
import com.covalue.model.Snapshot;
import com.covalue.model.SnapshotJson;
import com.covalue.model.Verdict;
import com.covalue.review.Review.Action;
import com.covalue.review.Review.Direction;
import com.covalue.review.Review.NotDue;
import com.covalue.review.Review.Point;
import com.covalue.review.Review.Reviewed;
import com.covalue.review.Review.Travel;
import com.covalue.review.Review.Unreadable;
import com.covalue.review.ReviewedResults.Urgency;
import com.covalue.validation.InvalidInputException;
import com.covalue.validation.SnapshotReader;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import com.covalue.model.ErrorCode;

/**
 * Reviews a portfolio of snapshots before renewal: reads and checks every snapshot, keeps the
 * latest of each relationship, advises on those whose renewal falls in the window, and decides
 * the gate. The verdicts come from the rules; this class only gathers, orders and counts.
 *
 * <p>Snapshots are checked and advised on in parallel when asked (the command line uses both
 * cores); the result does not depend on it: every list is sorted before it is returned.
 */
public final class PortfolioReviewer {

    /** How many recommendations beyond the conditions a review shows per relationship. */
    static final int TOP_RECOMMENDATIONS = 5;
    /** Health points of change that count as a direction of travel rather than noise. */
    static final int HEALTH_CHANGE_THAT_COUNTS = 5;

    /**
     * One snapshot to review and where it came from: JSON text, parsed JSON, or a stretch of a file
     * that is read again each time it is needed, so that a portfolio larger than memory is never
     * held whole.
     */
    public sealed interface Input permits Input.Text, Input.Parsed, Input.InFile {

        PortfolioItem source();

        /** The snapshot's JSON text (parsed JSON written out again). */
        String text();

        /** The snapshot's JSON; throws {@link InvalidInputException} when the text is not JSON. */
        default JsonNode json() {
            return SnapshotReader.parse(text());
        }

        static Input text(PortfolioItem source, String text) {
            return new Text(source, Objects.requireNonNull(text, "text == null"));
        }

        static Input json(PortfolioItem source, JsonNode node) {
            return new Parsed(source, Objects.requireNonNull(node, "node == null"));
        }

        /** Text held in memory: a stored snapshot, say. */
        record Text(PortfolioItem source, String text) implements Input {
        }

        /** JSON held in memory: an element of a request body or of a JSON array file. */
        record Parsed(PortfolioItem source, JsonNode node) implements Input {
            @Override
            public String text() {
                return node.toString();
            }

            @Override
            public JsonNode json() {
                return node;
            }
        }

        /** {@code length} bytes of UTF-8 at {@code offset} in {@code file}: a line of a JSON Lines file, or a whole file. */
        record InFile(PortfolioItem source, Path file, long offset, int length) implements Input {
            @Override
            public String text() {
                ByteBuffer bytes = ByteBuffer.allocate(length);
                try (FileChannel channel = FileChannel.open(file)) {
                    while (bytes.hasRemaining() && channel.read(bytes, offset + bytes.position()) >= 0) {
                        // read on until the stretch is whole or the file ends
                    }
                    if (bytes.hasRemaining()) {
                        throw new IOException("it is shorter than when it was first read");
                    }
                    return StandardCharsets.UTF_8.newDecoder().decode(bytes.flip()).toString();
                } catch (IOException e) { // a malformed-input exception included: it was UTF-8 when found
                    throw new UncheckedIOException(file + " changed while it was reviewed: " + e.getMessage(), e);
                }
            }
        }
    }

    /** Told how far a long review has got; called from several threads. */
    public interface Progress {
        Progress NONE = (phase, done, total) -> { };

        void update(String what, int done, int total);
    }

    /** The outcome of checking one input. */
    private sealed interface Checked permits Read, Invalid {
    }

    /**
     * A snapshot that passed its checks, as the first pass keeps it: what groups, orders and lists
     * it, and the input to read it again from. A snapshot from a file is not kept ({@code held} is
     * null): the second pass reads again only those it evaluates, and knows its text by its hash.
     */
    private record Read(Input input, String id, String name, LocalDate assessedOn, LocalDate renewalDate, Snapshot held,
                        int textHash) implements Checked {

        static Read held(Input input, Snapshot s) {
            var rel = s.relationship();
            return new Read(input, rel.id(), rel.name(), s.assessedOn(), rel.renewalDate(), s, 0);
        }

        static Read inFile(Input.InFile input, Snapshot s, String text) {
            var rel = s.relationship();
            return new Read(input, rel.id(), rel.name(), s.assessedOn(), rel.renewalDate(), null, text.hashCode());
        }

        PortfolioItem source() {
            return input.source();
        }
    }

    private record Invalid(Unreadable why) implements Checked {
    }

    /**
     * Where each evaluation runs: the service passes its evaluation slots, so that a review of many
     * snapshots takes a slot per snapshot and ordinary advice queues behind one evaluation at most.
     */
    public interface EvaluationGate {
        Advice run(Supplier<Advice> evaluation);

        /** Evaluates at once, on the calling thread. */
        EvaluationGate NONE = Supplier::get;
    }

    private final SnapshotReader reader;
    private final Advisor advisor = new Advisor();
    private final boolean parallel;
    private final Progress progress;
    private final EvaluationGate gate;
    /** Where each review's results go: all held (a request body's review), or spilled beyond a budget. */
    private final IntFunction<ReviewedResults> results; // of the number of due relationships

    public PortfolioReviewer(SnapshotReader reader, boolean parallel, Progress progress) {
        this(reader, parallel, progress, EvaluationGate.NONE);
    }

    public PortfolioReviewer(SnapshotReader reader, boolean parallel, Progress progress, EvaluationGate gate) {
        this(reader, parallel, progress, gate, due -> new ReviewedResults.Kept());
    }

    private PortfolioReviewer(SnapshotReader reader, boolean parallel, Progress progress, EvaluationGate gate,
                              IntFunction<ReviewedResults> results) {
        this.reader = reader;
        this.parallel = parallel;
        this.progress = progress;
        this.gate = Objects.requireNonNull(gate, "gate == null");
        this.results = results;
    }

    /**
     * This reviewer, writing each reviewed relationship to a temporary file as it is made and the
     * report reading them back one at a time.
     */
    public PortfolioReviewer spillingResults() {
        return spillingResultsBeyond(0);
    }

    /**
     * This reviewer, holding every reviewed relationship in memory when all of them fill at most
     * {@code heldBudget} bytes of heap (by an estimate), and otherwise a quarter of that, spilling the
     * rest as {@link #spillingResults()} does: for portfolios larger than memory (the command line),
     * without the spill's cost on those that fit.
     */
    public PortfolioReviewer spillingResultsBeyond(long heldBudget) {
        ReviewedResults.Spilled.checkBudget(heldBudget);
        return new PortfolioReviewer(reader, parallel, progress, gate, due -> ReviewedResults.Spilled.forReview(due, heldBudget));
    }

    /**
     * Reviews the inputs with one rule set. {@code unreadable} holds inputs that failed before
     * they were JSON (an undecodable file); they are counted like invalid snapshots. The rule set
     * is asked for only after the inputs are checked, so a caller can compile it meanwhile.
     */
    public Review review(Supplier<RuleSet> ruleSet, ReviewOptions options, List<Input> inputs, List<Unreadable> unreadable) {
        return review(ruleSet, options, inputs, unreadable, List.of());
    }

    /** As above, with warnings already found while gathering the inputs (a skipped link, say). */
    public Review review(Supplier<RuleSet> ruleSet, ReviewOptions options, List<Input> inputs, List<Unreadable> unreadable,
                         List<String> gatheringWarnings) {
        List<String> warnings = new ArrayList<>(gatheringWarnings);
        List<Unreadable> invalid = new ArrayList<>(unreadable);
        // one rule set for the whole review: the practice list that checks the answers is the one that judges them
        RuleSet rules = ruleSet.get();
        Set<String> practiceIds = rules.practices().ids();
        // Two passes, so that a portfolio larger than memory reviews in a fixed heap. The first checks
        // every snapshot and keeps of each only what groups and orders it (a Read, no Snapshot when it
        // came from a file); the second reads again and evaluates only the due relationships' histories,
        // handing each result to `results` (a temporary file on the command line) as it is made.
        List<Read> read = readable(check(inputs, practiceIds), invalid);
        List<NotDue> notDue = new ArrayList<>();
        List<Read> known = knownOnAsOf(read, options, warnings, notDue);
        List<List<Read>> histories = histories(known, warnings);
        List<List<Read>> due = due(histories, options, notDue);
        ReviewedResults results = this.results.apply(due.size());
        reviewAll(rules, options, due, results);
        invalid.sort(UNREADABLE_ORDER);
        notDue.sort(NOT_DUE_ORDER);
        Review.Summary summary = summary(options, inputs.size() + unreadable.size(), read, results.urgencies(), notDue.size(),
                invalid.size());
        return new Review(1, options.asOf(), options.withinDays(), options.failOn(),
                new Advice.RulesUsed(rules.revision(), rules.ruleCount()), summary, results.reviewed(), List.copyOf(notDue),
                List.copyOf(invalid), List.copyOf(warnings));
    }

    /** The snapshots that were read; the others are added to {@code invalid}. */
    private static List<Read> readable(List<Checked> checked, List<Unreadable> invalid) {
        List<Read> read = new ArrayList<>();
        for (Checked outcome : checked) {
            if (outcome instanceof Read r) {
                read.add(r);
            } else if (outcome instanceof Invalid bad) {
                invalid.add(bad.why());
            }
        }
        return read;
    }

    /**
     * The review sees only what was known on its as-of date; a relationship known only from
     * later snapshots is listed as not due rather than silently dropped.
     */
    private static List<Read> knownOnAsOf(List<Read> read, ReviewOptions options, List<String> warnings, List<NotDue> notDue) {
        List<Read> known = read.stream().filter(r -> !r.assessedOn().isAfter(options.asOf())).toList();
        if (known.size() < read.size()) {
            warnings.add((read.size() - known.size()) + " snapshot(s) assessed after " + options.asOf() + " were left out");
            Set<String> knownIds = known.stream().map(Read::id).collect(Collectors.toSet());
            for (List<Read> later : histories(read.stream().filter(r -> !knownIds.contains(r.id())).toList(),
                    new ArrayList<>())) {
                Read first = later.get(0);
                notDue.add(notDue(first, null, "assessed only after the as-of date (first on " + first.assessedOn() + ")"));
            }
        }
        return known;
    }

    /** The histories whose latest renewal date falls in the window; the others are added to {@code notDue}. */
    private static List<List<Read>> due(List<List<Read>> histories, ReviewOptions options, List<NotDue> notDue) {
        List<List<Read>> due = new ArrayList<>();
        for (List<Read> history : histories) {
            Read latest = history.get(history.size() - 1);
            LocalDate renewal = latest.renewalDate();
            if (renewal == null) {
                notDue.add(notDue(latest, null, "no renewal date in the latest snapshot"));
            } else if (renewal.isAfter(options.windowEnd())) {
                long days = ChronoUnit.DAYS.between(options.asOf(), renewal);
                notDue.add(notDue(latest, days, "renews in " + days + " days, after the " + options.withinDays() + "-day window"));
            } else {
                due.add(history);
            }
        }
        return due;
    }

    /** Every due relationship reviewed, each handed to {@code results} as it is made. */
    private void reviewAll(RuleSet rules, ReviewOptions options, List<List<Read>> due,
                           ReviewedResults results) {
        AtomicInteger done = new AtomicInteger();
        stream(due).forEach(history -> {
            results.add(reviewOne(rules, options, snapshots(history), history.get(history.size() - 1).source()));
            progress.update("relationships reviewed", done.incrementAndGet(), due.size());
        });
    }

    /**
     * A history's snapshots, oldest first. Those from files are read again and bound without being
     * checked again (a third of their cost): the first pass checked this very text, as its hash shows.
     */
    private static List<Snapshot> snapshots(List<Read> history) {
        return history.stream().map(r -> {
            if (r.held() != null) {
                return r.held();
            }
            String text = r.input().text();
            if (text.hashCode() != r.textHash()) {
                throw new IllegalStateException(r.source().describe() + " changed while it was reviewed");
            }
            try {
                return SnapshotJson.bind(SnapshotReader.parse(text));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("checked snapshot could not be bound: " + e.getOriginalMessage(), e);
            }
        }).toList();
    }

    private static final Comparator<Unreadable> UNREADABLE_ORDER = Comparator
            .comparing((Unreadable u) -> Objects.toString(u.source().file(), ""))
            .thenComparing(u -> u.source().line() == null ? 0 : u.source().line())
            .thenComparing(u -> u.source().index() == null ? 0 : u.source().index());

    private static final Comparator<NotDue> NOT_DUE_ORDER = Comparator
            .comparing(NotDue::renewalDate, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(NotDue::id);

    /** The counts, the verdicts and the gate's decision. */
    private static Review.Summary summary(ReviewOptions options, int given, List<Read> read, List<Urgency> reviewed,
                                          int notDue, int invalid) {
        Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            verdicts.put(v, 0);
        }
        reviewed.forEach(r -> verdicts.merge(r.verdict(), 1, Integer::sum));
        int relationships = (int) read.stream().map(Read::id).distinct().count();
        return new Review.Summary(given, invalid, relationships, reviewed.size(), notDue, verdicts,
                gate(options, reviewed, invalid));
    }

    /** Reads every input, checking its practice answers against {@code practiceIds} as advice and the store do. */
    private List<Checked> check(List<Input> inputs, Set<String> practiceIds) {
        AtomicInteger done = new AtomicInteger();
        return stream(inputs).map(input -> {
            Checked outcome;
            try {
                if (input instanceof Input.InFile inFile) {
                    String text = inFile.text();
                    outcome = Read.inFile(inFile, reader.read(SnapshotReader.parse(text), practiceIds), text);
                } else {
                    outcome = Read.held(input, reader.read(input.json(), practiceIds));
                }
            } catch (InvalidInputException e) {
                outcome = new Invalid(new Unreadable(input.source(), located(input.source(), e.error())));
            }
            progress.update("snapshots checked", done.incrementAndGet(), inputs.size());
            return outcome;
        }).toList();
    }

    /** A line of a JSON Lines file is its own document: its "line 1" would only contradict the file's line number. */
    private static ErrorResponse located(PortfolioItem source, ErrorResponse error) {
        if (source.line() == null || !ErrorCode.MALFORMED_JSON.code().equals(error.code())) {
            return error;
        }
        return new ErrorResponse(error.code(), error.message().replace(" at line 1, column ", " at column "),
                error.errors().stream().map(p -> new Problem(p.field(), p.file(), p.line(),
                        p.message().replace(" at line 1, column ", " at column "))).toList());
    }

    /** Groups snapshots by relationship, each history oldest first; same-day duplicates keep the last given. */
    private static List<List<Read>> histories(List<Read> read, List<String> warnings) {
        Map<String, Map<LocalDate, Read>> byId = new LinkedHashMap<>();
        for (Read r : read) {
            Map<LocalDate, Read> days = byId.computeIfAbsent(r.id(), id -> new LinkedHashMap<>());
            Read earlier = days.put(r.assessedOn(), r);
            if (earlier != null) {
                warnings.add(r.id() + " has two snapshots assessed on " + r.assessedOn()
                        + " (" + earlier.source().describe() + " and " + r.source().describe() + "); reviewed the second");
            }
        }
        return byId.values().stream()
                .map(days -> days.values().stream().sorted(Comparator.comparing(Read::assessedOn)).toList())
                .toList();
    }

    /** One due relationship from its history, oldest first; {@code source} is where its latest snapshot came from. */
    private Reviewed reviewOne(RuleSet rules, ReviewOptions options, List<Snapshot> history, PortfolioItem source) {
        Snapshot s = history.get(history.size() - 1);
        // Judged on the review's day, and against the snapshot before it, so trend rules speak too.
        Snapshot previous = history.size() < 2 ? null : history.get(history.size() - 2);
        Advice advice = gate.run(() -> advisor.evaluate(rules, s, new Advisor.Options(false, previous, options.asOf())).advice());
        Advice.Renewal renewal = advice.renewal(); // present: only snapshots with a renewal date are due

        Map<String, Recommendation> byId = advice.recommendations().stream()
                .collect(Collectors.toMap(Recommendation::id, r -> r));
        List<Action> focus = advice.focus().stream().map(byId::get).map(PortfolioReviewer::action).toList();
        List<Action> conditions = renewal.conditions().stream().map(byId::get).map(PortfolioReviewer::action).toList();
        List<Action> alsoOpen = renewal.alsoOpen().stream().map(byId::get).map(PortfolioReviewer::action).toList();
        // the top recommendations are those the focus and the conditions do not already show
        Set<String> shown = new HashSet<>(advice.focus());
        shown.addAll(renewal.conditions());
        shown.addAll(renewal.alsoOpen());
        List<Action> top = advice.recommendations().stream().filter(r -> !shown.contains(r.id()))
                .limit(TOP_RECOMMENDATIONS).map(PortfolioReviewer::action).toList();

        var rel = s.relationship();
        return new Reviewed(rel.id(), rel.name(), rel.client(), rel.supplier(), rel.annualValue(), rel.currency(),
                s.assessedOn(), ChronoUnit.DAYS.between(s.assessedOn(), options.asOf()), source, rel.renewalDate(), ChronoUnit.DAYS.between(options.asOf(), rel.renewalDate()),
                renewal.verdict(), renewal.reasons(), focus, conditions, alsoOpen, top, advice.recommendations().size(),
                advice.health(), advice.alignment(), advice.matching(), advice.matched(), travel(rules, history, advice));
    }

    /** Health and verdict then and now; null when the relationship has only one snapshot. */
    private Travel travel(RuleSet rules, List<Snapshot> history, Advice now) {
        if (history.size() < 2) {
            return null;
        }
        // Each earlier snapshot as it was judged then: on its own day, against the one before it.
        List<Point> earlier = IntStream.range(0, history.size() - 1).mapToObj(i -> {
            Snapshot then = history.get(i);
            Snapshot before = i == 0 ? null : history.get(i - 1);
            Advice advice = gate.run(() -> advisor.evaluate(rules, then, new Advisor.Options(false, before)).advice());
            return new Point(then.assessedOn(), advice.health().overall(),
                    advice.renewal() == null ? null : advice.renewal().verdict());
        }).toList();
        Point before = earlier.get(earlier.size() - 1);
        Integer healthNow = now.health().overall();
        Verdict verdictNow = now.renewal().verdict();
        return new Travel(direction(before, healthNow, verdictNow), before.health(), healthNow, before.verdict(), verdictNow,
                before.assessedOn(), earlier);
    }

    static Direction direction(Point before, Integer healthNow, Verdict verdictNow) {
        if (before.verdict() != null && before.verdict() != verdictNow) {
            return verdictNow.worseThan(before.verdict()) ? Direction.WORSE : Direction.BETTER;
        }
        if (before.health() == null || healthNow == null) {
            return Direction.STEADY;
        }
        int change = healthNow - before.health();
        if (Math.abs(change) < HEALTH_CHANGE_THAT_COUNTS) {
            return Direction.STEADY;
        }
        return change > 0 ? Direction.BETTER : Direction.WORSE;
    }

    private static Action action(Recommendation r) {
        return new Action(r.id(), r.title(), r.factor(), r.owner(), r.priority().score(), r.priority().level(), r.because());
    }

    private static NotDue notDue(Read r, Long days, String reason) {
        return new NotDue(r.id(), r.name(), r.assessedOn(), r.renewalDate(), days, reason);
    }

    private static Review.Gate gate(ReviewOptions options, List<Urgency> reviewed, int invalid) {
        List<String> failing = reviewed.stream().filter(r -> !options.failOn().worseThan(r.verdict()))
                .map(Urgency::id).toList();
        List<String> why = new ArrayList<>();
        if (!failing.isEmpty()) {
            why.add(failing.size() + " relationship(s) at or worse than " + options.failOn());
        }
        if (options.strict() && invalid > 0) {
            why.add(invalid + " snapshot(s) could not be read (strict)");
        }
        String reason = why.isEmpty()
                ? "no reviewed relationship is at or worse than " + options.failOn()
                        + (invalid > 0 && !options.strict() ? "; " + invalid + " unreadable snapshot(s) did not count (not strict)" : "")
                : String.join("; ", why);
        return new Review.Gate(why.isEmpty(), options.failOn(), options.strict(), failing, reason);
    }

    private <T> Stream<T> stream(Collection<T> items) {
        return parallel ? items.parallelStream() : items.stream();
    }

    /** The elements of a JSON array as inputs named by their index (a request body). */
    public static List<Input> indexed(List<JsonNode> nodes) {
        return IntStream.range(0, nodes.size()).mapToObj(i -> Input.json(PortfolioItem.index(i), nodes.get(i))).toList();
    }
}
