package com.covalue.app;

import com.covalue.model.CovalueException;
import com.covalue.model.ErrorCode;
import com.covalue.model.Factor;
import com.covalue.model.Json;
import com.covalue.model.PracticeAnswer;
import com.covalue.model.Problem;
import com.covalue.model.Relationship;
import com.covalue.model.Side;
import com.covalue.ruleset.Practice;
import com.covalue.ruleset.PracticeList;
import com.covalue.store.AssessmentStore;
import com.covalue.store.AssessmentStore.StoredAssessment;
import com.covalue.store.AssessmentStore.StoredLink;
import com.covalue.store.HistoryStore;
import com.covalue.validation.SnapshotReader;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Two-sided assessments: a lead enters a relationship's objective facts for one day and gets a
 * link for each side; each side answers its own questionnaire (its ratings of the seven factors
 * and each practice of the rule set's practice list) on its link, never seeing the other's; the
 * lead closes it, and the snapshot is assembled, validated and stored like any other.
 *
 * <p>A link is a capability, not an account: 256 random bits, stored only as a hash, good for one
 * side of one assessment until it expires, is revoked, or the assessment is closed.
 */
public final class Assessments {

    /** How long a respondent link works unless the lead says otherwise. */
    public static final Duration DEFAULT_LINK_LIFETIME = Duration.ofDays(14);

    /** An assessment with the state of its two links. */
    public record Assessment(String id, String relationshipId, LocalDate assessedOn, String createdBy, Instant createdAt,
            Instant closedAt, List<LinkState> links, @com.fasterxml.jackson.annotation.JsonRawValue String facts) {
        public boolean closed() {
            return closedAt != null;
        }
    }

    /** Where one side's link stands; never its answers. */
    public record LinkState(Side side, Instant expiresAt, boolean expired, boolean revoked, Instant savedAt, Instant submittedAt) {
        public String status() {
            return revoked ? "revoked" : submittedAt != null ? "answered" : expired ? "expired" : savedAt != null ? "draft saved" : "not started";
        }
    }

    /** A new assessment and its two links' tokens, seen only now (only their hashes are kept). */
    public record Opened(Assessment assessment, Map<Side, String> linkTokens) {
    }

    /** A side's new link: its token, seen only now, and when it expires. */
    public record Reissued(String token, Instant expiresAt) {
    }

    /**
     * One side's answers, in the shape of a snapshot's view: its respondent's role, its 1-5 rating
     * per factor (by key) and its answer per practice id; anything left out is "don't know".
     */
    public record Answers(String respondentRole, Map<String, Integer> ratings, Map<String, PracticeAnswer> practices) {
        public static final Answers NONE = new Answers(null, Map.of(), Map.of());

        public Answers {
            ratings = Map.copyOf(ratings == null ? Map.of() : ratings);
            practices = Map.copyOf(practices == null ? Map.of() : practices);
        }
    }

    /** One practice as a question for one side. */
    public record Question(String practice, String text, String kind) {
    }

    /** A factor's part of the questionnaire: the factor and its practices' questions. */
    public record FactorQuestions(Factor factor, List<Question> questions) {
    }

    /** What a respondent link opens: the questions for its side and that side's answers so far. */
    public record Questionnaire(String relationshipId, LocalDate assessedOn, Side side, Instant expiresAt, boolean submitted,
            List<FactorQuestions> factors, Answers answers) {
        public int questionCount() {
            return factors.size() + factors.stream().mapToInt(f -> f.questions().size()).sum();
        }
    }

    private final Covalue covalue;
    private final RuleSource rules;
    private final AssessmentStore store;
    private final Clock clock;

    Assessments(Covalue covalue, RuleSource rules, AssessmentStore store, Clock clock) {
        this.covalue = covalue;
        this.rules = rules;
        this.store = store;
        this.clock = clock;
    }

    /**
     * Opens an assessment. The facts are checked at once, as a snapshot without views, so a lead
     * hears of a mistake now rather than when closing.
     *
     * @param facts the objective facts, by snapshot section (no views, no id or day)
     * @throws CovalueException {@code invalid_parameter} or {@code invalid_snapshot} naming the field at fault
     */
    public Opened open(User lead, String relationshipId, LocalDate assessedOn, ObjectNode facts, Duration linkLifetime) {
        if (relationshipId == null || !Relationship.isValidId(relationshipId)) {
            throw CovalueException.invalidParameter("relationshipId",
                    "a relationship id is 1-64 characters of A-Z a-z 0-9 . _ -");
        }
        if (assessedOn == null) {
            throw CovalueException.invalidParameter("assessedOn", "give the day the facts describe, YYYY-MM-DD");
        }
        if (facts.has("views")) {
            throw new CovalueException(ErrorCode.INVALID_SNAPSHOT, "The two sides give their views on their own links.",
                    List.of(Problem.atField("views", "not part of the facts")));
        }
        ObjectNode snapshot = snapshot(relationshipId, assessedOn, facts, Map.of());
        covalue.read(snapshot.toString()); // validates: every problem named by its field
        String id = Secrets.newToken().substring(0, 16);
        Instant now = clock.instant();
        Instant expires = now.plus(linkLifetime);
        Map<Side, String> tokens = new LinkedHashMap<>();
        List<AssessmentStore.NewLink> links = new ArrayList<>();
        for (Side side : Side.values()) {
            String token = Secrets.newToken();
            tokens.put(side, token);
            links.add(new AssessmentStore.NewLink(Secrets.hash(token), side, expires));
        }
        StoredAssessment stored = new StoredAssessment(id, relationshipId, assessedOn, facts.toString(), lead.name(), now, null);
        store.create(stored, links);
        return new Opened(assessment(id), tokens);
    }

    public Assessment assessment(String id) {
        return view(store.assessment(id).orElseThrow(() -> new CovalueException(ErrorCode.NOT_FOUND,
                "There is no assessment " + id + ".")));
    }

    /** Every assessment, open ones first. */
    public List<Assessment> all() {
        return store.assessments().stream().map(this::view).toList();
    }

    /** The questionnaire a link opens. @throws CovalueException when the link is unknown, expired, revoked or its assessment closed */
    public Questionnaire questionnaire(String token) {
        StoredLink link = usableLink(token);
        StoredAssessment a = store.assessment(link.assessmentId()).orElseThrow();
        PracticeList practices = rules.current().practices();
        List<FactorQuestions> factors = new ArrayList<>();
        for (Factor factor : Factor.values()) {
            List<Question> questions = practices.of(factor).stream()
                    .map(p -> new Question(p.id(), question(p, link.side()), p.kind().name().toLowerCase()))
                    .toList();
            factors.add(new FactorQuestions(factor, questions));
        }
        return new Questionnaire(a.relationshipId(), a.assessedOn(), link.side(), link.expiresAt(), link.submittedAt() != null,
                factors, answers(link.answersJson()));
    }

    /**
     * Saves one side's answers on its link, as a draft or as its final answers (which it may still
     * change until the lead closes the assessment).
     *
     * @throws CovalueException naming each rating or practice at fault, or when the link cannot be used
     */
    public void answer(String token, Answers answers, boolean submit) {
        StoredLink link = usableLink(token);
        checkAnswers(link.side(), answers);
        try {
            store.saveAnswers(link.tokenHash(), Json.MAPPER.writeValueAsString(answers), submit);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("answers cannot be written as JSON", e);
        }
    }

    /** Revokes one side's link: it stops working at once. */
    public void revoke(String assessmentId, Side side) {
        Assessment a = assessment(assessmentId);
        if (a.closed()) {
            throw closed(a.id());
        }
        store.revoke(assessmentId, side);
    }

    /**
     * Issues a fresh link for one side: the side's earlier link stops working at once, and the new
     * one opens with the answers saved so far. Like the first links, its token is seen only now.
     *
     * @throws CovalueException {@code not_found} for an unknown assessment, {@code forbidden} once it is closed
     */
    public Reissued reissue(String assessmentId, Side side, Duration linkLifetime) {
        Assessment a = assessment(assessmentId);
        if (a.closed()) {
            throw closed(a.id());
        }
        String token = Secrets.newToken();
        Instant expires = clock.instant().plus(linkLifetime);
        store.reissue(assessmentId, new AssessmentStore.NewLink(Secrets.hash(token), side, expires));
        return new Reissued(token, expires);
    }

    /**
     * Closes an assessment: assembles the snapshot from the facts and each side's submitted answers
     * (a side that did not submit is left out, which the advice shows as unknown), validates and
     * stores it with its advice.
     */
    public HistoryStore.Saved close(String assessmentId) {
        Assessment a = assessment(assessmentId);
        if (!store.markClosed(assessmentId)) {
            throw closed(assessmentId);
        }
        try {
            Map<Side, StoredLink> submitted = new LinkedHashMap<>();
            for (StoredLink link : store.links(assessmentId)) {
                if (link.submittedAt() != null && !link.revoked()) {
                    submitted.put(link.side(), link);
                }
            }
            ObjectNode facts = (ObjectNode) SnapshotReader.parse(store.assessment(assessmentId).orElseThrow().factsJson());
            ObjectNode snapshot = snapshot(a.relationshipId(), a.assessedOn(), facts, submitted);
            return covalue.storeAndAdvise(a.relationshipId(), snapshot.toString(), false);
        } catch (RuntimeException e) {
            store.reopen(assessmentId); // nothing was stored: the lead can fix the cause and close again
            throw e;
        }
    }

    /** The latest stored snapshot of a relationship, whose facts a new assessment offers; empty when none. */
    public Optional<JsonNode> previousSnapshot(String relationshipId) {
        if (!Relationship.isValidId(relationshipId) || covalue.relationshipIfStored(relationshipId).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(SnapshotReader.parse(covalue.latest(relationshipId).snapshotJson()));
    }

    // ---- helpers ----

    private ObjectNode snapshot(String relationshipId, LocalDate assessedOn, ObjectNode facts, Map<Side, StoredLink> views) {
        ObjectNode s = Json.MAPPER.createObjectNode();
        s.put("schemaVersion", 2);
        s.put("assessedOn", assessedOn.toString());
        ObjectNode relationship = s.putObject("relationship");
        relationship.put("id", relationshipId);
        if (facts.get("relationship") instanceof ObjectNode given) {
            given.fields().forEachRemaining(e -> {
                if (!e.getKey().equals("id")) {
                    relationship.set(e.getKey(), e.getValue());
                }
            });
        }
        facts.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("relationship")) {
                s.set(e.getKey(), e.getValue());
            }
        });
        if (!views.isEmpty()) {
            ObjectNode viewsNode = s.putObject("views");
            views.forEach((side, link) -> viewsNode.set(side.key(), view(answers(link.answersJson()), link, assessedOn)));
        }
        return s;
    }

    private static ObjectNode view(Answers answers, StoredLink link, LocalDate assessedOn) {
        ObjectNode v = Json.MAPPER.createObjectNode();
        if (answers.respondentRole() != null && !answers.respondentRole().isBlank()) {
            v.put("respondentRole", answers.respondentRole().strip());
        }
        LocalDate answeredOn = LocalDate.ofInstant(link.submittedAt(), ZoneOffset.UTC);
        if (!answeredOn.isAfter(assessedOn)) { // the contract has no room for answers given after the day assessed
            v.put("answeredOn", answeredOn.toString());
        }
        if (!answers.ratings().isEmpty()) {
            ObjectNode ratings = v.putObject("ratings");
            for (Factor f : Factor.values()) {
                Integer r = answers.ratings().get(f.key());
                if (r != null) {
                    ratings.put(f.key(), r);
                }
            }
        }
        if (!answers.practices().isEmpty()) {
            ObjectNode practices = v.putObject("practices");
            answers.practices().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> practices.put(e.getKey(), e.getValue().name()));
        }
        return v;
    }

    private void checkAnswers(Side side, Answers answers) {
        String at = "views." + side.key() + ".";
        List<Problem> problems = new ArrayList<>();
        if (answers.respondentRole() != null && answers.respondentRole().length() > 100) {
            problems.add(Problem.atField(at + "respondentRole", "at most 100 characters"));
        }
        answers.ratings().forEach((factor, rating) -> {
            if (Factor.byKey(factor).isEmpty()) {
                problems.add(Problem.atField(at + "ratings." + factor, "not one of the seven factors"));
            } else if (rating == null || rating < 1 || rating > 5) {
                problems.add(Problem.atField(at + "ratings." + factor, "a rating is 1 to 5"));
            }
        });
        PracticeList practices = rules.current().practices();
        answers.practices().forEach((id, answer) -> {
            if (practices.find(id).isEmpty()) {
                problems.add(Problem.atField(at + "practices." + id, "not a practice of the rule set's practice list"));
            } else if (answer == null) {
                problems.add(Problem.atField(at + "practices." + id, "YES, PARTLY or NO (leave it out for don't know)"));
            }
        });
        if (!problems.isEmpty()) {
            throw new CovalueException(ErrorCode.INVALID_SNAPSHOT, "Some answers cannot be saved.", problems);
        }
    }

    private StoredLink usableLink(String token) {
        StoredLink link = token == null ? null : store.link(Secrets.hash(token)).orElse(null);
        if (link == null) {
            throw new CovalueException(ErrorCode.NOT_FOUND, "This link is not a questionnaire link. Check that it was copied whole.");
        }
        if (link.revoked()) {
            throw new CovalueException(ErrorCode.FORBIDDEN, "This link has been withdrawn. Ask the assessment's lead for a new one.");
        }
        if (!clock.instant().isBefore(link.expiresAt())) {
            throw new CovalueException(ErrorCode.FORBIDDEN, "This link expired on " + link.expiresAt().toString().substring(0, 10)
                    + ". Ask the assessment's lead for a new one.");
        }
        if (store.assessment(link.assessmentId()).map(StoredAssessment::closed).orElse(true)) {
            throw new CovalueException(ErrorCode.FORBIDDEN, "This assessment is closed: its answers have been used.");
        }
        return link;
    }

    private Assessment view(StoredAssessment a) {
        Instant now = clock.instant();
        // each side's current link: the ones a reissue replaced are history
        Map<Side, StoredLink> current = new LinkedHashMap<>();
        store.links(a.id()).stream().sorted(AssessmentStore.CURRENT_FIRST).forEach(l -> current.putIfAbsent(l.side(), l));
        List<LinkState> links = current.values().stream().sorted(java.util.Comparator.comparing(StoredLink::side))
                .map(l -> new LinkState(l.side(), l.expiresAt(), !now.isBefore(l.expiresAt()), l.revoked(), l.savedAt(), l.submittedAt()))
                .toList();
        return new Assessment(a.id(), a.relationshipId(), a.assessedOn(), a.createdBy(), a.createdAt(), a.closedAt(), links,
                a.factsJson());
    }

    private static String question(Practice p, Side side) {
        return side == Side.CLIENT ? p.clientQuestion() : p.supplierQuestion();
    }

    private static Answers answers(String json) {
        if (json == null) {
            return Answers.NONE;
        }
        try {
            return Json.MAPPER.readValue(json, Answers.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored answers cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    private static CovalueException closed(String id) {
        return new CovalueException(ErrorCode.INVALID_PARAMETER, "Assessment " + id + " is closed already.",
                List.of(Problem.atField("id", "closed")));
    }
}
