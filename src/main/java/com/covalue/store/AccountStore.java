package com.covalue.store;

import com.covalue.model.Role;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The web app's users, their API tokens and their browser sessions, in the history store's database. Thread-safe. */
public final class AccountStore {

    /** A stored user: name, role and bcrypt password hash. */
    public record StoredUser(String name, Role role, String passwordHash, Instant createdAt) {
    }

    private static final String USER_COLUMNS = "name, role, password_hash, created_at";

    private final Database db;
    private final Clock clock;

    AccountStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Adds a user; false when one of that name exists already. */
    public boolean add(String name, Role role, String passwordHash) {
        return db.run("cannot add user " + name, c -> {
            try {
                Sql.update(c, "INSERT INTO app_user (name, role, password_hash, created_at) VALUES (?, ?, ?, ?)",
                        name, role.name(), passwordHash, clock.instant());
                return true;
            } catch (SQLException e) {
                if (isDuplicate(e)) {
                    return false;
                }
                throw e;
            }
        });
    }

    public Optional<StoredUser> user(String name) {
        return db.read(c -> Sql.first(c, "SELECT " + USER_COLUMNS + " FROM app_user WHERE name = ?", AccountStore::user, name));
    }

    public List<StoredUser> users() {
        return db.read(c -> Sql.list(c, "SELECT " + USER_COLUMNS + " FROM app_user ORDER BY name", AccountStore::user));
    }

    public int userCount() {
        return db.read(c -> Sql.first(c, "SELECT COUNT(*) AS n FROM app_user", rs -> rs.getInt("n"))).orElse(0);
    }

    /** Keeps the hash of a new API token for {@code user}. */
    public void addToken(String tokenHash, String user, String label) {
        db.run("cannot add an API token for " + user, c -> Sql.update(c,
                "INSERT INTO api_token (token_hash, user_name, label, created_at) VALUES (?, ?, ?, ?)",
                tokenHash, user, label, clock.instant()));
    }

    /** Removes a user; their API tokens go with them (the table's foreign key cascades). False when there was none. */
    public boolean remove(String name) {
        return db.run("cannot remove user " + name, c -> Sql.update(c, "DELETE FROM app_user WHERE name = ?", name) > 0);
    }

    /** Removes every API token of a user; how many there were. */
    public int removeTokens(String user) {
        return db.run("cannot revoke the API tokens of " + user, c -> Sql.update(c, "DELETE FROM api_token WHERE user_name = ?", user));
    }

    /** How many API tokens each user has (users without any are left out). */
    public Map<String, Integer> tokenCounts() {
        return db.read(c -> Sql.list(c, "SELECT user_name, COUNT(*) AS n FROM api_token GROUP BY user_name",
                rs -> Map.entry(rs.getString("user_name"), rs.getInt("n"))))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The user an API token (by its hash) acts as. */
    public Optional<StoredUser> userByToken(String tokenHash) {
        return db.read(c -> Sql.first(c, "SELECT u.name, u.role, u.password_hash, u.created_at FROM api_token t"
                + " JOIN app_user u ON u.name = t.user_name WHERE t.token_hash = ?", AccountStore::user, tokenHash));
    }

    /** A browser session, by the hash of its id, with its user as stored now. */
    public record StoredSession(String idHash, StoredUser user, String csrf, Instant expiresAt) {
    }

    public void addSession(String idHash, String user, String csrf, Instant expiresAt) {
        db.run("cannot keep the session of " + user, c -> Sql.update(c,
                "INSERT INTO web_session (id_hash, user_name, csrf, expires_at) VALUES (?, ?, ?, ?)", idHash, user, csrf, expiresAt));
    }

    /** The session with this id hash, expired or not; empty when unknown or its user was removed. */
    public Optional<StoredSession> session(String idHash) {
        return db.read(c -> Sql.first(c, "SELECT s.id_hash, s.csrf, s.expires_at, u.name, u.role, u.password_hash, u.created_at"
                + " FROM web_session s JOIN app_user u ON u.name = s.user_name WHERE s.id_hash = ?",
                rs -> new StoredSession(rs.getString("id_hash"), user(rs), rs.getString("csrf"), rs.getTimestamp("expires_at").toInstant()),
                idHash));
    }

    public void removeSession(String idHash) {
        db.run("cannot end the session", c -> Sql.update(c, "DELETE FROM web_session WHERE id_hash = ?", idHash));
    }

    /** Forgets the sessions that ended before {@code now}; how many. */
    public int removeSessionsEndedBefore(Instant now) {
        return db.run("cannot forget ended sessions", c -> Sql.update(c, "DELETE FROM web_session WHERE expires_at <= ?", now));
    }

    private static StoredUser user(java.sql.ResultSet rs) throws SQLException {
        return new StoredUser(rs.getString("name"), Role.valueOf(rs.getString("role")), rs.getString("password_hash"),
                rs.getTimestamp("created_at").toInstant());
    }

    /** SQLState class 23: an integrity constraint (here, the primary key) refused the row. */
    static boolean isDuplicate(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }
}
