package com.covalue.store;

import com.covalue.model.Advice;
import com.covalue.model.Json;
import com.covalue.model.Snapshot;
import com.covalue.model.Verdict;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
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

    private static final int ATTEMPTS = 3;
    private static final String UNIQUE_VIOLATION = "23505";

    /** Soonest renewal first, then the worst verdict (a missing one ranks with the second best), then id. */
    private static final Comparator<RenewalDue> RENEWALS = Comparator.comparing(RenewalDue::renewalDate)
            .thenComparing(d -> d.verdict() == null ? -1 : -d.verdict().ordinal())
            .thenComparing(RenewalDue::id);

    private static final String STORED_FROM = " FROM snapshot s JOIN advice a ON a.relationship_id = s.relationship_id"
            + " AND a.assessed_on = s.assessed_on";

    private final Database db;
    private final StoreSettings settings;
    private final Clock clock;
    /**
     * H2 only: one writer at a time. H2 writes its file at commit only when no other commit is in
     * progress (otherwise it leaves the write to the next one), so concurrent commits could be
     * acknowledged before they are on disk; one writer at a time closes that gap.
     */
    private final ReentrantLock embeddedWriter = new ReentrantLock();

    private HistoryStore(Database db, StoreSettings settings, Clock clock) {
        this.db = db;
        this.settings = settings;
        this.clock = clock;
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
        String id = snapshot.relationship().id();
        LocalDate on = snapshot.assessedOn();
        for (int attempt = 1; ; attempt++) {
            Snapshot previous = db.read(c -> {
                if (!replace && exists(c, id, on)) {
                    throw new SnapshotExistsException(id, on); // early, before spending an evaluation
                }
                return previousOf(c, id, on).orElse(null);
            });
            Advice advice = advise.apply(previous);
            Optional<Saved> saved = write(snapshot, snapshotJson, replace, previous == null ? null : previous.assessedOn(), advice);
            if (saved.isPresent()) {
                return saved.get();
            }
            if (attempt == ATTEMPTS * 3) {
                throw new StoreException("cannot store the snapshot: the relationship's history kept changing while it was advised", null);
            }
        }
    }

    /** What {@link #save} stored, and whether it replaced a snapshot of the same day. */
    public record Saved(StoredSnapshot stored, boolean replaced) {
    }

    public Optional<RelationshipSummary> relationship(String id) {
        return db.read(c -> Sql.first(c, "SELECT " + Rows.SUMMARY_COLUMNS + " FROM relationship WHERE id = ?", Rows::summary, id));
    }

    /** The write transaction, retried on races the database reports; empty when the previous snapshot changed. */
    private Optional<Saved> write(Snapshot snapshot, String snapshotJson, boolean replace, LocalDate expectedPrevious,
            Advice advice) {
        boolean embedded = settings.isEmbedded();
        if (embedded) {
            embeddedWriter.lock();
        }
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    return writeOnce(snapshot, snapshotJson, replace, expectedPrevious, advice);
                } catch (SQLException e) {
                    // Two first snapshots of a new relationship at once: one insert of its row loses the
                    // race; so do deadlocks and serialisation failures. The next attempt sees the winner.
                    boolean retryable = UNIQUE_VIOLATION.equals(e.getSQLState()) || "40001".equals(e.getSQLState())
                            || "40P01".equals(e.getSQLState());
                    if (!retryable || attempt == ATTEMPTS) {
                        throw new StoreException("cannot store the snapshot: " + e.getMessage(), e);
                    }
                }
            }
        } finally {
            if (embedded) {
                embeddedWriter.unlock();
            }
        }
    }

    private Optional<Saved> writeOnce(Snapshot snapshot, String snapshotJson, boolean replace,
            LocalDate expectedPrevious, Advice advice) throws SQLException {
        var r = snapshot.relationship();
        String id = r.id();
        LocalDate on = snapshot.assessedOn();
        Instant now = clock.instant();
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                lockRelationship(c, id, now);
                boolean exists = exists(c, id, on);
                if (exists && !replace) {
                    throw new SnapshotExistsException(id, on);
                }
                LocalDate previousOn = previousDayOf(c, id, on);
                if (!Objects.equals(previousOn, expectedPrevious)) {
                    c.rollback();
                    return Optional.empty();
                }
                if (exists) {
                    Sql.update(c, "DELETE FROM snapshot WHERE relationship_id = ? AND assessed_on = ?", id, on);
                }
                String adviceJson = json(advice);
                Sql.update(c, "INSERT INTO snapshot (relationship_id, assessed_on, display_name, client_name, supplier_name, body,"
                        + " stored_at) VALUES (?, ?, ?, ?, ?, ?, ?)", id, on, clip(r.name()), clip(r.client()), clip(r.supplier()),
                        snapshotJson, now);
                Integer health = advice.health().overall();
                Verdict verdict = advice.renewal() == null ? null : advice.renewal().verdict();
                Sql.update(c, "INSERT INTO advice (relationship_id, assessed_on, rules_revision, previous_on, overall_health, verdict,"
                        + " renewal_date, body, given_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, on, advice.rules().revision(),
                        previousOn, health, verdict == null ? null : verdict.name(), r.renewalDate(), adviceJson, now);
                refreshSummary(c, id, now);
                c.commit();
                return Optional.of(new Saved(new StoredSnapshot(id, on, now, advice.rules().revision(), previousOn, health,
                        verdict, r.renewalDate(), snapshotJson, adviceJson), exists));
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Creates the relationship's row if it is new, and locks it until the transaction ends. */
    private static void lockRelationship(Connection c, String id, Instant now) throws SQLException {
        if (Sql.first(c, "SELECT id FROM relationship WHERE id = ? FOR UPDATE", rs -> true, id).isPresent()) {
            return;
        }
        // New: the insert holds the row until commit; a concurrent first write fails with a unique
        // violation and is retried by save().
        Sql.update(c, "INSERT INTO relationship (id, snapshot_count, updated_at) VALUES (?, 0, ?)", id, now);
    }

    private static boolean exists(Connection c, String id, LocalDate on) throws SQLException {
        return Sql.first(c, "SELECT 1 FROM snapshot WHERE relationship_id = ? AND assessed_on = ?", rs -> true, id, on).isPresent();
    }

    private static LocalDate previousDayOf(Connection c, String id, LocalDate on) throws SQLException {
        return Sql.first(c, "SELECT MAX(assessed_on) AS previous_on FROM snapshot WHERE relationship_id = ? AND assessed_on < ?",
                rs -> Sql.date(rs, "previous_on"), id, on).orElse(null);
    }

    private static Optional<Snapshot> previousOf(Connection c, String id, LocalDate on) throws SQLException {
        return Sql.first(c, "SELECT body FROM snapshot WHERE relationship_id = ? AND assessed_on < ? ORDER BY assessed_on DESC LIMIT 1",
                Rows::snapshot, id, on);
    }

    /** Brings the relationship's row in line with its latest snapshot and that snapshot's advice. */
    private static void refreshSummary(Connection c, String id, Instant now) throws SQLException {
        Object[] latest = Sql.first(c, "SELECT s.assessed_on, s.display_name, s.client_name, s.supplier_name,"
                + " a.overall_health, a.verdict, a.renewal_date,"
                + " (SELECT COUNT(*) FROM snapshot x WHERE x.relationship_id = s.relationship_id) AS snapshot_count,"
                + " (SELECT MIN(x.assessed_on) FROM snapshot x WHERE x.relationship_id = s.relationship_id) AS first_on"
                + " FROM snapshot s JOIN advice a ON a.relationship_id = s.relationship_id AND a.assessed_on = s.assessed_on"
                + " WHERE s.relationship_id = ? ORDER BY s.assessed_on DESC LIMIT 1",
                rs -> new Object[] {Sql.date(rs, "assessed_on"), rs.getString("display_name"), rs.getString("client_name"),
                    rs.getString("supplier_name"), rs.getObject("overall_health", Integer.class), rs.getString("verdict"),
                    Sql.date(rs, "renewal_date"), rs.getInt("snapshot_count"), Sql.date(rs, "first_on"), now, id}, id)
                .orElseThrow(() -> new IllegalStateException("relationship " + id + " has no snapshot after a write"));
        Sql.update(c, "UPDATE relationship SET latest_on = ?, display_name = ?, client_name = ?, supplier_name = ?,"
                + " overall_health = ?, verdict = ?, renewal_date = ?, snapshot_count = ?, first_on = ?, updated_at = ?"
                + " WHERE id = ?", latest);
    }

    private static String json(Advice advice) {
        try {
            return Json.MAPPER.writeValueAsString(advice);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write advice", e);
        }
    }

    private static String clip(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
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

    /** Every stored snapshot of every relationship as received, by relationship id then day (for the renewal review). */
    public List<StoredJson> allSnapshotJson() {
        return db.read(c -> Sql.list(c, "SELECT relationship_id, assessed_on, body FROM snapshot ORDER BY relationship_id, assessed_on",
                Rows::storedJson));
    }

    /** Every stored relationship's history, one relationship at a time, so memory holds one history at most. */
    public void forEachHistory(Consumer<List<Snapshot>> consumer) {
        for (String id : relationshipIds()) {
            List<Snapshot> h = history(id);
            if (!h.isEmpty()) {
                consumer.accept(h);
            }
        }
    }

    /** Deletes a relationship with all its snapshots and advice; false when it was not stored. */
    public boolean delete(String id) {
        // snapshots and advice go with it (ON DELETE CASCADE)
        return db.run("cannot delete relationship " + id, c -> Sql.update(c, "DELETE FROM relationship WHERE id = ?", id) > 0);
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
