package com.covalue.store;

import com.covalue.model.Advice;
import com.covalue.model.Json;
import com.covalue.model.Snapshot;
import com.covalue.model.Verdict;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

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

    private final HikariDataSource pool;
    private final StoreSettings settings;
    private final Clock clock;
    /**
     * H2 only: one writer at a time. H2 writes its file at commit only when no other commit is in
     * progress (otherwise it leaves the write to the next one), so concurrent commits could be
     * acknowledged before they are on disk; one writer at a time closes that gap.
     */
    private final ReentrantLock embeddedWriter = new ReentrantLock();

    private HistoryStore(HikariDataSource pool, StoreSettings settings, Clock clock) {
        this.pool = pool;
        this.settings = settings;
        this.clock = clock;
    }

    /** Opens the store, creating or upgrading its schema; throws {@link StoreException} saying why it cannot. */
    public static HistoryStore open(StoreSettings settings, Clock clock) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setPoolName("covalue-store");
        config.setMaximumPoolSize(settings.isEmbedded() ? 4 : 8);
        config.setConnectionTimeout(10_000);
        config.setInitializationFailTimeout(10_000);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException("cannot open the history store at " + settings.describe() + ": " + rootMessage(e), e);
        }
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        } catch (FlywayException e) {
            pool.close();
            throw new StoreException("cannot create or upgrade the history store's tables at " + settings.describe() + ": "
                    + rootMessage(e), e);
        }
        return new HistoryStore(pool, settings, clock);
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
            Snapshot previous;
            try (Connection c = pool.getConnection()) {
                if (!replace && exists(c, id, on)) {
                    throw new SnapshotExistsException(id, on); // early, before spending an evaluation
                }
                previous = previousOf(c, id, on);
            } catch (SQLException e) {
                throw new StoreException("cannot read the history store: " + e.getMessage(), e);
            }
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

    private Optional<Saved> writeOnce(Snapshot snapshot, String snapshotJson, boolean replace, LocalDate expectedPrevious,
            Advice advice) throws SQLException {
        String id = snapshot.relationship().id();
        LocalDate on = snapshot.assessedOn();
        Instant now = clock.instant();
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                lockRelationship(c, id, now);
                boolean exists = exists(c, id, on);
                if (exists && !replace) {
                    throw new SnapshotExistsException(id, on);
                }
                LocalDate previousOn = previousDayOf(c, id, on);
                if (!java.util.Objects.equals(previousOn, expectedPrevious)) {
                    c.rollback();
                    return Optional.empty();
                }
                if (exists) {
                    update(c, "DELETE FROM snapshot WHERE relationship_id = ? AND assessed_on = ?", id, Date.valueOf(on));
                }
                String adviceJson = json(advice);
                var r = snapshot.relationship();
                update(c, "INSERT INTO snapshot (relationship_id, assessed_on, display_name, client_name, supplier_name, body, stored_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)", id, Date.valueOf(on), clip(r.name()), clip(r.client()), clip(r.supplier()),
                        snapshotJson, Timestamp.from(now));
                Integer health = advice.health().overall();
                Verdict verdict = advice.renewal() == null ? null : advice.renewal().verdict();
                update(c, "INSERT INTO advice (relationship_id, assessed_on, rules_revision, previous_on, overall_health, verdict,"
                        + " renewal_date, body, given_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, Date.valueOf(on),
                        advice.rules().revision(), sqlDate(previousOn), health, verdict == null ? null : verdict.name(),
                        sqlDate(r.renewalDate()), adviceJson, Timestamp.from(now));
                refreshSummary(c, id, now);
                c.commit();
                return Optional.of(new Saved(new StoredSnapshot(id, on, now, advice.rules().revision(), previousOn, health, verdict,
                        r.renewalDate(), snapshotJson, adviceJson), exists));
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static LocalDate previousDayOf(Connection c, String id, LocalDate on) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT MAX(assessed_on) FROM snapshot WHERE relationship_id = ?"
                + " AND assessed_on < ?")) {
            s.setString(1, id);
            s.setDate(2, Date.valueOf(on));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return localDate(rs.getDate(1));
            }
        }
    }

    /** Creates the relationship's row if it is new, and locks it until the transaction ends. */
    private static void lockRelationship(Connection c, String id, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM relationship WHERE id = ? FOR UPDATE")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
        }
        // New: the insert holds the row until commit; a concurrent first write fails with a unique
        // violation and is retried by save().
        update(c, "INSERT INTO relationship (id, snapshot_count, updated_at) VALUES (?, 0, ?)", id, Timestamp.from(now));
    }

    private static boolean exists(Connection c, String id, LocalDate on) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM snapshot WHERE relationship_id = ? AND assessed_on = ?")) {
            s.setString(1, id);
            s.setDate(2, Date.valueOf(on));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static Snapshot previousOf(Connection c, String id, LocalDate on) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT body FROM snapshot WHERE relationship_id = ? AND assessed_on < ?"
                + " ORDER BY assessed_on DESC LIMIT 1")) {
            s.setString(1, id);
            s.setDate(2, Date.valueOf(on));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? snapshotOf(rs.getString(1)) : null;
            }
        }
    }

    /** Brings the relationship's row in line with its latest snapshot and that snapshot's advice. */
    private static void refreshSummary(Connection c, String id, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT s.assessed_on, s.display_name, s.client_name, s.supplier_name,"
                + " a.overall_health, a.verdict, a.renewal_date,"
                + " (SELECT COUNT(*) FROM snapshot x WHERE x.relationship_id = s.relationship_id),"
                + " (SELECT MIN(x.assessed_on) FROM snapshot x WHERE x.relationship_id = s.relationship_id)"
                + " FROM snapshot s JOIN advice a ON a.relationship_id = s.relationship_id AND a.assessed_on = s.assessed_on"
                + " WHERE s.relationship_id = ? ORDER BY s.assessed_on DESC LIMIT 1")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("relationship " + id + " has no snapshot after a write");
                }
                update(c, "UPDATE relationship SET latest_on = ?, display_name = ?, client_name = ?, supplier_name = ?,"
                        + " overall_health = ?, verdict = ?, renewal_date = ?, snapshot_count = ?, first_on = ?, updated_at = ?"
                        + " WHERE id = ?", rs.getDate(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        (Integer) rs.getObject(5, Integer.class), rs.getString(6), rs.getDate(7), rs.getInt(8), rs.getDate(9),
                        Timestamp.from(now), id);
            }
        }
    }

    // ---- reading ----

    public Optional<RelationshipSummary> relationship(String id) {
        List<RelationshipSummary> found = query("SELECT " + SUMMARY_COLUMNS + " FROM relationship WHERE id = ?",
                HistoryStore::summaryOf, id);
        return found.stream().findFirst();
    }

    /** Relationships by id, {@code limit} at a time; {@code cursor} is the previous page's {@code next}, or null. */
    public Page<RelationshipSummary> relationships(int limit, String cursor) {
        String after = cursor == null ? "" : Cursor.decode("relationships", cursor).orElseThrow(() -> new InvalidCursorException(cursor));
        List<RelationshipSummary> rows = query("SELECT " + SUMMARY_COLUMNS + " FROM relationship WHERE id > ? ORDER BY id LIMIT ?",
                HistoryStore::summaryOf, after, limit + 1);
        return page(rows, limit, last -> Cursor.encode("relationships", last.id()));
    }

    /** A relationship's snapshots, newest first, {@code limit} at a time; empty when it is not stored. */
    public Page<StoredSnapshot> snapshots(String id, int limit, String cursor) {
        LocalDate before = cursor == null ? LocalDate.of(9999, 12, 31) : Cursor.decode("snapshots", cursor)
                .flatMap(HistoryStore::date).orElseThrow(() -> new InvalidCursorException(cursor));
        List<StoredSnapshot> rows = query("SELECT " + STORED_COLUMNS + " FROM snapshot s JOIN advice a ON a.relationship_id"
                + " = s.relationship_id AND a.assessed_on = s.assessed_on WHERE s.relationship_id = ? AND s.assessed_on < ?"
                + " ORDER BY s.assessed_on DESC LIMIT ?", HistoryStore::storedOf, id, Date.valueOf(before), limit + 1);
        return page(rows, limit, last -> Cursor.encode("snapshots", last.assessedOn().toString()));
    }

    public Optional<StoredSnapshot> snapshot(String id, LocalDate assessedOn) {
        return query("SELECT " + STORED_COLUMNS + " FROM snapshot s JOIN advice a ON a.relationship_id = s.relationship_id"
                + " AND a.assessed_on = s.assessed_on WHERE s.relationship_id = ? AND s.assessed_on = ?",
                HistoryStore::storedOf, id, Date.valueOf(assessedOn)).stream().findFirst();
    }

    /** The relationship's latest snapshot (by assessment day) with its advice. */
    public Optional<StoredSnapshot> latest(String id) {
        return query("SELECT " + STORED_COLUMNS + " FROM snapshot s JOIN advice a ON a.relationship_id = s.relationship_id"
                + " AND a.assessed_on = s.assessed_on WHERE s.relationship_id = ? ORDER BY s.assessed_on DESC LIMIT 1",
                HistoryStore::storedOf, id).stream().findFirst();
    }

    /**
     * Relationships whose latest snapshot puts the renewal between today and {@code withinDays}
     * from today, soonest first (then worst verdict first, then id).
     */
    public List<RenewalDue> renewals(int withinDays) {
        LocalDate today = LocalDate.now(clock);
        List<RenewalDue> due = query("SELECT r.id, r.display_name, r.renewal_date, r.latest_on, r.overall_health, r.verdict, a.body"
                + " FROM relationship r JOIN advice a ON a.relationship_id = r.id AND a.assessed_on = r.latest_on"
                + " WHERE r.renewal_date >= ? AND r.renewal_date <= ? ORDER BY r.renewal_date, r.id",
                rs -> {
                    LocalDate renewal = rs.getDate(3).toLocalDate();
                    return new RenewalDue(rs.getString(1), rs.getString(2), renewal, ChronoUnit.DAYS.between(today, renewal),
                            rs.getDate(4).toLocalDate(), (Integer) rs.getObject(5, Integer.class), verdict(rs.getString(6)),
                            conditionsIn(rs.getString(7)));
                }, Date.valueOf(today), Date.valueOf(today.plusDays(withinDays)));
        List<RenewalDue> sorted = new ArrayList<>(due);
        sorted.sort(java.util.Comparator.comparing(RenewalDue::renewalDate)
                .thenComparing(d -> d.verdict() == null ? -1 : -d.verdict().ordinal())
                .thenComparing(RenewalDue::id));
        return sorted;
    }

    /** Every stored relationship id, in order. */
    public List<String> relationshipIds() {
        return query("SELECT id FROM relationship ORDER BY id", rs -> rs.getString(1));
    }

    /** Every stored snapshot of a relationship, oldest first (for reviews that read the direction of travel). */
    public List<Snapshot> history(String id) {
        return query("SELECT body FROM snapshot WHERE relationship_id = ? ORDER BY assessed_on", rs -> snapshotOf(rs.getString(1)), id);
    }

    /** A stored snapshot's JSON as it was received, with where it is in the store. */
    public record StoredJson(String relationshipId, LocalDate assessedOn, String json) {
    }

    /** Every stored snapshot of every relationship as received, by relationship id then day (for the renewal review). */
    public List<StoredJson> allSnapshotJson() {
        return query("SELECT relationship_id, assessed_on, body FROM snapshot ORDER BY relationship_id, assessed_on",
                rs -> new StoredJson(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getString(3)));
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
        try (Connection c = pool.getConnection()) {
            // snapshots and advice go with it (ON DELETE CASCADE)
            return update(c, "DELETE FROM relationship WHERE id = ?", id) > 0;
        } catch (SQLException e) {
            throw new StoreException("cannot delete relationship " + id + ": " + e.getMessage(), e);
        }
    }

    /** True when the database answers. */
    public boolean reachable() {
        try (Connection c = pool.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    // ---- plumbing ----

    private static final String SUMMARY_COLUMNS = "id, display_name, client_name, supplier_name, snapshot_count, first_on,"
            + " latest_on, overall_health, verdict, renewal_date, updated_at";
    private static final String STORED_COLUMNS = "s.relationship_id, s.assessed_on, s.stored_at, a.rules_revision, a.previous_on,"
            + " a.overall_health, a.verdict, a.renewal_date, s.body, a.body";

    @FunctionalInterface
    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, Row<T> row, Object... params) {
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(row.read(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read the history store: " + e.getMessage(), e);
        }
    }

    private static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            return s.executeUpdate();
        }
    }

    private static void bind(PreparedStatement s, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p == null) {
                s.setNull(i + 1, Types.NULL);
            } else if (p instanceof Integer n) {
                s.setInt(i + 1, n);
            } else if (p instanceof String text) {
                s.setString(i + 1, text);
            } else {
                s.setObject(i + 1, p);
            }
        }
    }

    private static <T> Page<T> page(List<T> rows, int limit, Function<T, String> cursorOf) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<T> items = rows.subList(0, limit);
        return new Page<>(items, cursorOf.apply(items.get(limit - 1)));
    }

    private static RelationshipSummary summaryOf(ResultSet rs) throws SQLException {
        return new RelationshipSummary(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                localDate(rs.getDate(6)), localDate(rs.getDate(7)), (Integer) rs.getObject(8, Integer.class),
                verdict(rs.getString(9)), localDate(rs.getDate(10)), rs.getTimestamp(11).toInstant());
    }

    private static StoredSnapshot storedOf(ResultSet rs) throws SQLException {
        return new StoredSnapshot(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getTimestamp(3).toInstant(), rs.getString(4),
                localDate(rs.getDate(5)), (Integer) rs.getObject(6, Integer.class), verdict(rs.getString(7)),
                localDate(rs.getDate(8)), rs.getString(9), rs.getString(10));
    }

    /** Stored snapshots were validated when written, so they are bound without validating again. */
    private static Snapshot snapshotOf(String json) {
        try {
            return Json.MAPPER.readValue(json, Snapshot.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored snapshot cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    private static List<String> conditionsIn(String adviceJson) {
        try {
            JsonNode conditions = Json.MAPPER.readTree(adviceJson).path("renewal").path("conditions");
            List<String> out = new ArrayList<>();
            conditions.forEach(n -> out.add(n.asText()));
            return List.copyOf(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored advice cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    private static String json(Advice advice) {
        try {
            return Json.MAPPER.writeValueAsString(advice);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write advice", e);
        }
    }

    private static Optional<LocalDate> date(String text) {
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Verdict verdict(String name) {
        return name == null ? null : Verdict.valueOf(name);
    }

    private static LocalDate localDate(Date d) {
        return d == null ? null : d.toLocalDate();
    }

    private static Date sqlDate(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    private static String clip(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
