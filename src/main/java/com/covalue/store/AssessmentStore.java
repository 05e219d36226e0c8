package com.covalue.store;

import com.covalue.model.Side;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Two-sided assessments and their respondent links, in the history store's database. Thread-safe. */
public final class AssessmentStore {

    /** An assessment: the facts its lead entered (a snapshot without views, as JSON) and whether it is closed. */
    public record StoredAssessment(String id, String relationshipId, LocalDate assessedOn, String factsJson, String createdBy,
            Instant createdAt, Instant closedAt) {
        public boolean closed() {
            return closedAt != null;
        }
    }

    /** A respondent link, by the hash of its token, with that side's answers so far (null before the first save). */
    public record StoredLink(String tokenHash, String assessmentId, Side side, Instant expiresAt, boolean revoked,
            String answersJson, Instant savedAt, Instant submittedAt) {
    }

    /** A new link: the hash of its token, its side and when it expires. */
    public record NewLink(String tokenHash, Side side, Instant expiresAt) {
    }

    private static final String ASSESSMENT_COLUMNS = "id, relationship_id, assessed_on, facts, created_by, created_at, closed_at";
    private static final String LINK_COLUMNS = "token_hash, assessment_id, side, expires_at, revoked, answers, saved_at, submitted_at";

    private final Database db;
    private final Clock clock;

    AssessmentStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Stores a new assessment with its links, in one transaction. */
    public void create(StoredAssessment a, List<NewLink> links) {
        db.run("cannot store the assessment", c -> inTransaction(c, () -> {
            Sql.update(c, "INSERT INTO assessment (" + ASSESSMENT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)", a.id(),
                    a.relationshipId(), a.assessedOn(), a.factsJson(), a.createdBy(), a.createdAt(), a.closedAt());
            for (NewLink link : links) {
                Sql.update(c, "INSERT INTO respondent_link (token_hash, assessment_id, side, expires_at, revoked)"
                        + " VALUES (?, ?, ?, ?, FALSE)", link.tokenHash(), a.id(), link.side().name(), link.expiresAt());
            }
            return null;
        }));
    }

    public Optional<StoredAssessment> assessment(String id) {
        return db.read(c -> Sql.first(c, "SELECT " + ASSESSMENT_COLUMNS + " FROM assessment WHERE id = ?", AssessmentStore::assessment, id));
    }

    /** Every assessment, open ones first, then newest first. */
    public List<StoredAssessment> assessments() {
        return db.read(c -> Sql.list(c, "SELECT " + ASSESSMENT_COLUMNS + " FROM assessment"
                + " ORDER BY CASE WHEN closed_at IS NULL THEN 0 ELSE 1 END, created_at DESC", AssessmentStore::assessment));
    }

    public List<StoredLink> links(String assessmentId) {
        return db.read(c -> Sql.list(c, "SELECT " + LINK_COLUMNS + " FROM respondent_link WHERE assessment_id = ? ORDER BY side",
                AssessmentStore::link, assessmentId));
    }

    public Optional<StoredLink> link(String tokenHash) {
        return db.read(c -> Sql.first(c, "SELECT " + LINK_COLUMNS + " FROM respondent_link WHERE token_hash = ?",
                AssessmentStore::link, tokenHash));
    }

    /** Saves a side's answers as a draft, or as submitted; false when the link is not stored. */
    public boolean saveAnswers(String tokenHash, String answersJson, boolean submitted) {
        Instant now = clock.instant();
        return db.run("cannot save the answers", c -> Sql.update(c, "UPDATE respondent_link SET answers = ?, saved_at = ?,"
                + " submitted_at = " + (submitted ? "?" : "NULL") + " WHERE token_hash = ?",
                submitted ? new Object[] {answersJson, now, now, tokenHash} : new Object[] {answersJson, now, tokenHash}) > 0);
    }

    /** Revokes the links of one side of an assessment; false when there was none. */
    public boolean revoke(String assessmentId, Side side) {
        return db.run("cannot revoke the link", c -> Sql.update(c,
                "UPDATE respondent_link SET revoked = TRUE WHERE assessment_id = ? AND side = ?", assessmentId, side.name()) > 0);
    }

    /**
     * Replaces one side's link with a new one, in one transaction: every earlier link of that side
     * is revoked, and the new link starts from the answers of the side's current link (see
     * {@link #CURRENT_FIRST}), so a respondent who lost the link keeps the draft.
     */
    public void reissue(String assessmentId, NewLink link) {
        db.run("cannot issue a new link", c -> inTransaction(c, () -> {
            List<StoredLink> earlier = Sql.list(c, "SELECT " + LINK_COLUMNS + " FROM respondent_link WHERE assessment_id = ? AND side = ?",
                    AssessmentStore::link, assessmentId, link.side().name());
            StoredLink current = earlier.stream().sorted(CURRENT_FIRST).findFirst().orElse(null);
            Sql.update(c, "UPDATE respondent_link SET revoked = TRUE WHERE assessment_id = ? AND side = ?", assessmentId,
                    link.side().name());
            Sql.update(c, "INSERT INTO respondent_link (token_hash, assessment_id, side, expires_at, revoked, answers, saved_at,"
                    + " submitted_at) VALUES (?, ?, ?, ?, FALSE, ?, ?, ?)", link.tokenHash(), assessmentId, link.side().name(),
                    link.expiresAt(), current == null ? null : current.answersJson(), current == null ? null : current.savedAt(),
                    current == null ? null : current.submittedAt());
            return null;
        }));
    }

    /**
     * Orders one side's links with its current one first: a link not revoked (there is at most one,
     * the latest issued), else the one that expires last (issued last).
     */
    public static final Comparator<StoredLink> CURRENT_FIRST = Comparator.comparing(StoredLink::revoked)
            .thenComparing(StoredLink::expiresAt, Comparator.reverseOrder());

    /** Marks an assessment closed; false when it was closed already (so two closes cannot both store). */
    public boolean markClosed(String id) {
        return db.run("cannot close the assessment", c -> Sql.update(c,
                "UPDATE assessment SET closed_at = ? WHERE id = ? AND closed_at IS NULL", clock.instant(), id) > 0);
    }

    /** Reopens an assessment whose snapshot could not be stored after {@link #markClosed}. */
    public void reopen(String id) {
        db.run("cannot reopen the assessment", c -> Sql.update(c, "UPDATE assessment SET closed_at = NULL WHERE id = ?", id));
    }

    private interface Body<T> {
        T run() throws SQLException;
    }

    private static <T> T inTransaction(Connection c, Body<T> body) throws SQLException {
        c.setAutoCommit(false);
        try {
            T result = body.run();
            c.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static StoredAssessment assessment(ResultSet rs) throws SQLException {
        return new StoredAssessment(rs.getString("id"), rs.getString("relationship_id"), Sql.date(rs, "assessed_on"),
                rs.getString("facts"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                instant(rs, "closed_at"));
    }

    private static StoredLink link(ResultSet rs) throws SQLException {
        return new StoredLink(rs.getString("token_hash"), rs.getString("assessment_id"), Side.valueOf(rs.getString("side")),
                rs.getTimestamp("expires_at").toInstant(), rs.getBoolean("revoked"), rs.getString("answers"),
                instant(rs, "saved_at"), instant(rs, "submitted_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        java.sql.Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
