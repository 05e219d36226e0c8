package com.covalue.web;

import com.covalue.app.Accounts;
import com.covalue.app.Secrets;
import com.covalue.app.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Browser sessions: the cookie carries a random id; the history store keeps only its hash with
 * the user and the session's CSRF token (see {@link Accounts#keepSession}), so sessions survive a
 * restart, and a removed user's sessions end with them. Without a history store there are no
 * users and so no sessions.
 *
 * <p>A session also holds "flash" values, in memory: something a page that answers a form must
 * show once after its redirect (a new respondent link, a new API token) but that may not travel in
 * a URL. Taking a flash value removes it, so a refresh no longer shows it; one never taken is
 * dropped after {@link #FLASH_LIFETIME}.
 */
public final class Sessions {

    static final Duration FLASH_LIFETIME = Duration.ofMinutes(10);

    /** One signed-in browser: its key (the hash of its cookie's id), who, its CSRF token, and when it ends. */
    public record Session(String key, User user, String csrf, Instant expiresAt) {
    }

    /** A new session and the id to set in its cookie (seen only here). */
    public record Started(String id, Session session) {
    }

    private record Flash(Object value, Instant until) {
    }

    private final Map<String, Map<String, Flash>> flashes = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration lifetime;
    private final Accounts accounts; // null without a history store

    public Sessions(Clock clock, Duration lifetime, Accounts accounts) {
        this.clock = clock;
        this.lifetime = lifetime;
        this.accounts = accounts;
    }

    public Started start(User user) {
        if (accounts == null) {
            throw new IllegalStateException("no history store: no users to sign in");
        }
        Instant now = clock.instant();
        accounts.forgetSessionsEndedBefore(now); // now and then, the ended ones go
        String id = Secrets.newToken();
        Session session = new Session(Secrets.hash(id), user, Secrets.newToken(), now.plus(lifetime));
        accounts.keepSession(session.key(), user, session.csrf(), session.expiresAt());
        return new Started(id, session);
    }

    /** The session with this cookie id, with its user as stored now (their current role); empty when unknown, ended or the user removed. */
    public Optional<Session> find(String id) {
        if (id == null || id.isEmpty() || accounts == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return accounts.keptSession(Secrets.hash(id)).filter(s -> now.isBefore(s.expiresAt()))
                .map(s -> new Session(s.key(), s.user(), s.csrf(), s.expiresAt()));
    }

    public void end(String id) {
        if (id != null && !id.isEmpty() && accounts != null) {
            String key = Secrets.hash(id);
            accounts.forgetSession(key);
            flashes.remove(key);
        }
    }

    /** Keeps {@code value} under {@code name} for the next page of this session that {@link #take}s it. */
    public void flash(Session session, String name, Object value) {
        Instant now = clock.instant();
        flashes.values().forEach(values -> values.values().removeIf(f -> !now.isBefore(f.until())));
        flashes.values().removeIf(Map::isEmpty);
        flashes.computeIfAbsent(session.key(), k -> new ConcurrentHashMap<>()).put(name, new Flash(value, now.plus(FLASH_LIFETIME)));
    }

    /** The flash value under {@code name}, removed as it is taken; empty when none (or of another type). */
    public <T> Optional<T> take(Session session, String name, Class<T> type) {
        if (session == null) {
            return Optional.empty();
        }
        Map<String, Flash> values = flashes.get(session.key());
        Flash flash = values == null ? null : values.remove(name);
        return flash != null && type.isInstance(flash.value()) && clock.instant().isBefore(flash.until())
                ? Optional.of(type.cast(flash.value())) : Optional.empty();
    }

    public int lifetimeSeconds() {
        return (int) lifetime.toSeconds();
    }
}
