package com.covalue.store;

import com.covalue.model.Advice;
import com.covalue.model.Json;
import com.covalue.model.Relationship;
import com.covalue.model.Snapshot;
import com.covalue.model.Verdict;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Stores a snapshot with its advice in one transaction, the relationship's row locked; see
 * {@link HistoryStore#save} for the contract.
 */
final class SnapshotWriter {

    private final Database db;
    private final Clock clock;
    /**
     * H2 only (else null): one writer at a time. H2 writes its file at commit only when no other
     * commit is in progress (otherwise it leaves the write to the next one), so concurrent commits
     * could be acknowledged before they are on disk; one writer at a time closes that gap.
     */
    private final ReentrantLock embeddedWriter;

    SnapshotWriter(Database db, Clock clock, boolean embedded) {
        this.db = db;
        this.clock = clock;
        this.embeddedWriter = embedded ? new ReentrantLock() : null;
    }

    HistoryStore.Saved save(Snapshot snapshot, String snapshotJson, boolean replace, Function<Snapshot, Advice> advise) {
        String id = snapshot.relationship().id();
        LocalDate on = snapshot.assessedOn();
        return Retries.whileAdviceStale(() -> {
            // advice is worked out outside the transaction, so slow rules hold no locks
            Snapshot previous = db.read(c -> {
                if (!replace && exists(c, id, on)) {
                    throw new SnapshotExistsException(id, on); // early, before spending an evaluation
                }
                return previousOf(c, id, on).orElse(null);
            });
            Advice advice = advise.apply(previous);
            return write(snapshot, snapshotJson, replace, previous == null ? null : previous.assessedOn(), advice);
        });
    }

    /** The write transaction, retried on races the database reports; empty when the previous snapshot changed. */
    private Optional<HistoryStore.Saved> write(Snapshot snapshot, String snapshotJson, boolean replace, LocalDate expectedPrevious,
            Advice advice) {
        if (embeddedWriter != null) {
            embeddedWriter.lock();
        }
        try {
            return Retries.onRace(() -> writeOnce(snapshot, snapshotJson, replace, expectedPrevious, advice));
        } finally {
            if (embeddedWriter != null) {
                embeddedWriter.unlock();
            }
        }
    }

    private Optional<HistoryStore.Saved> writeOnce(Snapshot snapshot, String snapshotJson, boolean replace,
            LocalDate expectedPrevious, Advice advice) throws SQLException {
        Relationship r = snapshot.relationship();
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
                return Optional.of(new HistoryStore.Saved(new StoredSnapshot(id, on, now, advice.rules().revision(), previousOn, health,
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
        // violation and is retried (Retries.onRace).
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
}
