package com.covalue.store;

import com.covalue.model.Advice;
import com.covalue.model.Snapshot;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The history of every relationship: its snapshots and the advice each was given, in an embedded
 * H2 file database or in PostgreSQL, through one JDBC code path and one schema (Flyway migrations
 * in {@code db/migration}).
 *
 * <p>A snapshot is stored with its advice in one transaction, so a snapshot never exists without
 * its advice; when {@link #save} returns, the transaction is committed. Writes to one relationship
 * are serialised by a row lock on it, and each checks under that lock that its advice was given
 * with the snapshot truly before it. Thread-safe.
 */
public final class HistoryStore implements AutoCloseable {

    /** The largest page a listing returns. */
    public static final int MAX_PAGE = 100;

    /** Soonest renewal first, then the worst verdict (a missing one ranks with the second best), then id. */
    private static final Comparator<RenewalDue> RENEWALS = Comparator.comparing(RenewalDue::renewalDate)
            .thenComparing(d -> d.verdict() == null ? -1 : -d.verdict().ordinal())
            .thenComparing(RenewalDue::id);

    private static final String STORED_FROM = " FROM snapshot s JOIN advice a ON a.relationship_id = s.relationship_id"
            + " AND a.assessed_on = s.assessed_on";

    private final Database db;
    private final StoreSettings settings;
    private final Clock clock;
    private final SnapshotWriter writer;
    private final AccountStore accounts;
    private final AssessmentStore assessments;
    private volatile WriteFailure lastWriteFailure;

    private HistoryStore(Database db, StoreSettings settings, Clock clock) {
        this.db = db;
        this.settings = settings;
        this.clock = clock;
        this.writer = new SnapshotWriter(db, clock, settings.isEmbedded());
        this.accounts = new AccountStore(db, clock);
        this.assessments = new AssessmentStore(db, clock);
    }

    /** The web app's users and API tokens, in the same database. */
    public AccountStore accounts() {
        return accounts;
    }

    /** Two-sided assessments and their respondent links, in the same database. */
    public AssessmentStore assessments() {
        return assessments;
    }

    /** Opens the store, creating or upgrading its schema; throws {@link StoreException} saying why it cannot. */
    public static HistoryStore open(StoreSettings settings, Clock clock) {
        return new HistoryStore(Database.open(settings), settings, clock);
    }

    public StoreSettings settings() {
        return settings;
    }

    /**
     * Stores a snapshot and the advice {@code advise} gives it, in one transaction.
     *
     * <p>The advice is worked out before the write transaction, with the snapshot then stored just
     * before this one, so that slow rule evaluations do not hold locks; the transaction checks that
     * this is still the snapshot before it, and if another write changed that meanwhile, the
     * advice is worked out again. {@code advise} may therefore be called more than once.
     *
     * @param snapshot     the validated snapshot
     * @param snapshotJson its JSON as received (stored as is)
     * @param replace      whether an existing snapshot of the same day may be replaced
     * @param advise       gives the advice, given the stored snapshot just before this one (or null)
     * @throws SnapshotExistsException when that day is already stored and {@code replace} is false
     */
    public Saved save(Snapshot snapshot, String snapshotJson, boolean replace, Function<Snapshot, Advice> advise) {
        try {
            Saved saved = writer.save(snapshot, snapshotJson, replace, advise);
            lastWriteFailure = null;
            return saved;
        } catch (StoreException e) {
            lastWriteFailure = new WriteFailure(clock.instant(), e.getMessage());
            throw e;
        }
    }

    /** The database refused a snapshot (a full disk, say): when, and what it said. */
    public record WriteFailure(java.time.Instant at, String message) {
    }

    /**
     * The last snapshot write that failed, until a later one succeeds: a store can go on answering
     * reads while it refuses writes, and the readiness probe says so.
     */
    public Optional<WriteFailure> lastWriteFailure() {
        return Optional.ofNullable(lastWriteFailure);
    }

    /** What {@link #save} stored, and whether it replaced a snapshot of the same day. */
    public record Saved(StoredSnapshot stored, boolean replaced) {
    }

    public Optional<RelationshipSummary> relationship(String id) {
        return db.read(c -> Sql.first(c, "SELECT " + Rows.SUMMARY_COLUMNS + " FROM relationship WHERE id = ?", Rows::summary, id));
    }

    /** Relationships by id, {@code limit} at a time; {@code cursor} is the previous page's {@code next}, or null. */
    public Page<RelationshipSummary> relationships(int limit, String cursor) {
        String after = cursor == null ? "" : Cursor.key("relationships", cursor);
        List<RelationshipSummary> rows = db.read(c -> Sql.list(c, "SELECT " + Rows.SUMMARY_COLUMNS
                + " FROM relationship WHERE id > ? ORDER BY id LIMIT ?", Rows::summary, after, limit + 1));
        return Page.of(rows, limit, last -> Cursor.encode("relationships", last.id()));
    }

    /** A relationship's snapshots, newest first, {@code limit} at a time; empty when it is not stored. */
    public Page<StoredSnapshot> snapshots(String id, int limit, String cursor) {
        LocalDate before = cursor == null ? LocalDate.of(9999, 12, 31) : Cursor.day("snapshots", cursor);
        List<StoredSnapshot> rows = db.read(c -> Sql.list(c, "SELECT " + Rows.STORED_COLUMNS + STORED_FROM
                + " WHERE s.relationship_id = ? AND s.assessed_on < ? ORDER BY s.assessed_on DESC LIMIT ?", Rows::stored,
                id, before, limit + 1));
        return Page.of(rows, limit, last -> Cursor.encode("snapshots", last.assessedOn().toString()));
    }

    public Optional<StoredSnapshot> snapshot(String id, LocalDate assessedOn) {
        return db.read(c -> Sql.first(c, "SELECT " + Rows.STORED_COLUMNS + STORED_FROM
                + " WHERE s.relationship_id = ? AND s.assessed_on = ?", Rows::stored, id, assessedOn));
    }

    /** The relationship's latest snapshot (by assessment day) with its advice. */
    public Optional<StoredSnapshot> latest(String id) {
        return db.read(c -> Sql.first(c, "SELECT " + Rows.STORED_COLUMNS + STORED_FROM
                + " WHERE s.relationship_id = ? ORDER BY s.assessed_on DESC LIMIT 1", Rows::stored, id));
    }

    /**
     * Relationships whose latest snapshot puts the renewal between today and {@code withinDays}
     * from today, soonest first (then worst verdict first, then id).
     */
    public List<RenewalDue> renewals(int withinDays) {
        LocalDate today = LocalDate.now(clock);
        List<RenewalDue> due = db.read(c -> Sql.list(c, "SELECT " + Rows.RENEWAL_COLUMNS
                + " FROM relationship r JOIN advice a ON a.relationship_id = r.id AND a.assessed_on = r.latest_on"
                + " WHERE r.renewal_date >= ? AND r.renewal_date <= ? ORDER BY r.renewal_date, r.id",
                rs -> Rows.renewalDue(rs, today), today, today.plusDays(withinDays)));
        return due.stream().sorted(RENEWALS).toList();
    }

    /** Every stored relationship id, in order. */
    public List<String> relationshipIds() {
        return db.read(c -> Sql.list(c, "SELECT id FROM relationship ORDER BY id", rs -> rs.getString("id")));
    }

    /** Every stored snapshot of a relationship, oldest first (for reviews that read the direction of travel). */
    public List<Snapshot> history(String id) {
        return db.read(c -> Sql.list(c, "SELECT body FROM snapshot WHERE relationship_id = ? ORDER BY assessed_on", Rows::snapshot, id));
    }

    /** A stored snapshot's JSON as it was received, with where it is in the store. */
    public record StoredJson(String relationshipId, LocalDate assessedOn, String json) {
    }

    /**
     * Every stored snapshot of every relationship as received, by relationship id then day (for the
     * renewal review). Read {@link #MAX_PAGE} relationships at a time, each page its own short
     * query, so a large store is never one long read holding the database.
     */
    public List<StoredJson> allSnapshotJson() {
        List<StoredJson> all = new ArrayList<>();
        String after = "";
        while (true) {
            String from = after;
            List<String> ids = db.read(c -> Sql.list(c, "SELECT id FROM relationship WHERE id > ? ORDER BY id LIMIT ?",
                    rs -> rs.getString("id"), from, MAX_PAGE));
            if (ids.isEmpty()) {
                return all;
            }
            String first = ids.get(0);
            String last = ids.get(ids.size() - 1);
            all.addAll(db.read(c -> Sql.list(c, "SELECT relationship_id, assessed_on, body FROM snapshot"
                    + " WHERE relationship_id >= ? AND relationship_id <= ? ORDER BY relationship_id, assessed_on",
                    Rows::storedJson, first, last)));
            after = last;
        }
    }

    /** Deletes a relationship with all its snapshots and advice; false when it was not stored. */
    public boolean delete(String id) {
        // snapshots and advice go with it (ON DELETE CASCADE)
        return db.run("cannot delete relationship " + id, c -> Sql.update(c, "DELETE FROM relationship WHERE id = ?", id) > 0);
    }

    /** Records one attempt to load the rules; answers it with its number. */
    public RuleReload recordReload(RuleReload r) {
        return db.run("cannot record the rule reload", c -> {
            Sql.update(c, "INSERT INTO rule_reload (loaded_at, reload_trigger, outcome, revision, duration_ms, error_count,"
                    + " files_changed) VALUES (?, ?, ?, ?, ?, ?, ?)", r.at(), r.trigger(), r.outcome(), r.revision(),
                    r.durationMs(), r.errorCount(), String.join("\n", r.filesChanged()));
            long id = Sql.first(c, "SELECT MAX(id) AS id FROM rule_reload", rs -> rs.getLong("id")).orElseThrow();
            return new RuleReload(id, r.at(), r.trigger(), r.outcome(), r.revision(), r.durationMs(), r.filesChanged(),
                    r.errorCount());
        });
    }

    /** The attempts to load the rules, newest first, {@code limit} at a time; {@code cursor} is the previous page's {@code next}. */
    public Page<RuleReload> reloads(int limit, String cursor) {
        long before = cursor == null ? Long.MAX_VALUE : reloadNumber(cursor);
        List<RuleReload> rows = db.read(c -> Sql.list(c, "SELECT id, loaded_at, reload_trigger, outcome, revision, duration_ms,"
                + " error_count, files_changed FROM rule_reload WHERE id < ? ORDER BY id DESC LIMIT ?", rs -> new RuleReload(
                        rs.getLong("id"), rs.getTimestamp("loaded_at").toInstant(), rs.getString("reload_trigger"),
                        rs.getString("outcome"), rs.getString("revision"), rs.getLong("duration_ms"),
                        rs.getString("files_changed").isEmpty() ? List.of() : List.of(rs.getString("files_changed").split("\n")),
                        rs.getInt("error_count")), before, limit + 1));
        return Page.of(rows, limit, last -> Cursor.encode("reloads", String.valueOf(last.id())));
    }

    private static long reloadNumber(String cursor) {
        try {
            return Long.parseLong(Cursor.key("reloads", cursor));
        } catch (NumberFormatException e) {
            throw new InvalidCursorException(cursor);
        }
    }

    /** True when the database answers. */
    public boolean reachable() {
        return db.reachable();
    }

    @Override
    public void close() {
        db.close();
    }
}
