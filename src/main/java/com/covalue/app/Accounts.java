package com.covalue.app;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.covalue.model.CovalueException;
import com.covalue.model.ErrorCode;
import com.covalue.model.Problem;
import com.covalue.model.Role;
import com.covalue.store.AccountStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The web app's users: adding them, checking a password at sign-in, and API tokens for scripts.
 * Passwords are kept as bcrypt hashes, tokens as SHA-256 hashes; neither is ever stored as given.
 */
public final class Accounts {

    /** bcrypt's cost: 2^12 rounds, about a quarter of a second a sign-in on a small machine. */
    static final int COST = 12;
    public static final int MIN_PASSWORD = 12;
    private static final int MAX_PASSWORD = 72; // bcrypt reads at most 72 bytes
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    /**
     * Checked against when a name is unknown, so a wrong name takes as long as a wrong password: a
     * cost-12 bcrypt hash of "not a password". Written out rather than hashed at class load, which
     * put a quarter of a second of bcrypt on every start's critical path; checking takes as long
     * either way (AccountsTest keeps its cost equal to {@link #COST}).
     */
    static final String DUMMY_HASH = "$2a$12$ciCY7J4VXntJ6/PeS0uknutx92hWKzI1tHGZIOu8e3bc27HeL7ZyK";

    private final AccountStore store;

    public Accounts(AccountStore store) {
        this.store = store;
    }

    /**
     * Adds a user. @throws CovalueException {@code invalid_parameter} naming the name or password
     * at fault, or when the name is taken
     */
    public User add(String name, Role role, String password) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw CovalueException.invalidParameter("name", "a user name is 1-64 characters of A-Z a-z 0-9 . _ @ -");
        }
        int length = password == null ? 0 : password.getBytes(StandardCharsets.UTF_8).length;
        if (length < MIN_PASSWORD || length > MAX_PASSWORD) {
            throw CovalueException.invalidParameter("password", "a password is " + MIN_PASSWORD + " to " + MAX_PASSWORD
                    + " bytes long");
        }
        String hash = new String(BCrypt.withDefaults().hash(COST, password.toCharArray()), StandardCharsets.US_ASCII);
        if (!store.add(name, role, hash)) {
            throw new CovalueException(ErrorCode.INVALID_PARAMETER, "There is already a user called " + name + ".",
                    List.of(Problem.atField("name", "already taken")));
        }
        return new User(name, role);
    }

    /** The user with this name and password, or empty for any mismatch (without saying which). */
    public Optional<User> signIn(String name, String password) {
        if (name == null || password == null) {
            return Optional.empty();
        }
        Optional<AccountStore.StoredUser> stored = store.user(name);
        String hash = stored.map(AccountStore.StoredUser::passwordHash).orElse(DUMMY_HASH);
        boolean verified = BCrypt.verifyer().verify(password.toCharArray(), hash.toCharArray()).verified;
        return verified ? stored.map(u -> new User(u.name(), u.role())) : Optional.empty();
    }

    public boolean hasUsers() {
        return store.userCount() > 0;
    }

    public List<User> users() {
        return store.users().stream().map(u -> new User(u.name(), u.role())).toList();
    }

    /**
     * On a store without users, adds {@code admin} with the given password, or a generated one.
     *
     * @return the generated password (to print once), or empty when no user was added or the
     *         password was given
     */
    public Optional<String> ensureFirstAdmin(String givenPassword) {
        if (hasUsers()) {
            return Optional.empty();
        }
        boolean generate = givenPassword == null || givenPassword.isBlank();
        String password = generate ? Secrets.newPassword() : givenPassword;
        add("admin", Role.ADMIN, password);
        return generate ? Optional.of(password) : Optional.empty();
    }

    /** The user of this name as stored now (their current role), or empty when they were removed. */
    public Optional<User> current(String name) {
        return store.user(name).map(u -> new User(u.name(), u.role()));
    }

    /**
     * Removes a user: their API tokens stop working at once, and so do their browser sessions
     * (which look the user up on every request). The last admin cannot be removed, so that someone
     * can still manage users.
     *
     * @throws CovalueException {@code not_found} for an unknown name, {@code forbidden} for the last admin
     */
    public User remove(String name) {
        User user = current(name == null ? "" : name).orElseThrow(() -> unknown(name));
        if (user.role() == Role.ADMIN && users().stream().filter(u -> u.role() == Role.ADMIN).count() == 1) {
            throw new CovalueException(ErrorCode.FORBIDDEN, name + " is the only admin; add another admin before removing them.");
        }
        if (!store.remove(name)) {
            throw unknown(name);
        }
        return user;
    }

    /** Revokes every API token of a user at once; how many there were. @throws CovalueException {@code not_found} */
    public int revokeTokens(String name) {
        current(name == null ? "" : name).orElseThrow(() -> unknown(name));
        return store.removeTokens(name);
    }

    /** How many API tokens each user has; users without tokens are left out. */
    public Map<String, Integer> tokenCounts() {
        return store.tokenCounts();
    }

    private static CovalueException unknown(String name) {
        return new CovalueException(ErrorCode.NOT_FOUND, "There is no user called " + name + ".");
    }

    /** A browser session as kept: its user (as stored now, so with their current role), CSRF token and end. */
    public record KeptSession(String key, User user, String csrf, Instant expiresAt) {
    }

    /** Keeps a new browser session under {@code key}, the hash of its id (the id itself is never stored). */
    public void keepSession(String key, User user, String csrf, Instant expiresAt) {
        store.addSession(key, user.name(), csrf, expiresAt);
    }

    /** The session kept under {@code key}; empty when unknown, or its user was removed (removing cascades). */
    public Optional<KeptSession> keptSession(String key) {
        return store.session(key).map(s -> new KeptSession(s.idHash(), new User(s.user().name(), s.user().role()), s.csrf(),
                s.expiresAt()));
    }

    public void forgetSession(String key) {
        store.removeSession(key);
    }

    public void forgetSessionsEndedBefore(Instant now) {
        store.removeSessionsEndedBefore(now);
    }

    /** A new API token acting as {@code user}; only its hash is kept, so this is the one time it is seen. */
    public String newToken(User user, String label) {
        String token = "cvt_" + Secrets.newToken();
        store.addToken(Secrets.hash(token), user.name(), label);
        return token;
    }

    /** The user an API token acts as. */
    public Optional<User> byToken(String token) {
        if (token == null || !token.startsWith("cvt_")) {
            return Optional.empty();
        }
        return store.userByToken(Secrets.hash(token)).map(u -> new User(u.name(), u.role()));
    }
}
