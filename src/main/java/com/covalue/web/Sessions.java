package com.covalue.web;

import com.covalue.app.Secrets;
import com.covalue.app.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Browser sessions, kept on the server: the cookie carries a random id, the server keeps only its
 * hash with the user and the session's CSRF token. Sessions live in memory, so a restart signs
 * everyone out (the history and the users are in the store).
 *
 * <p>A session also holds "flash" values: something a page that answers a form must show once
 * after its redirect (a new respondent link, a new API token) but that may not travel in a URL.
 * Taking a flash value removes it, so a refresh no longer shows it.
 */
public final class Sessions {

    /** One signed-in browser: its key (the hash of its cookie's id), who, its CSRF token, and when it ends. */
    public record Session(String key, User user, String csrf, Instant expiresAt) {
    }

    /** A new session and the id to set in its cookie (seen only here). */
    public record Started(String id, Session session) {
    }

    private final Map<String, Session> byHash = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> flashes = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration lifetime;

    public Sessions(Clock clock, Duration lifetime) {
        this.clock = clock;
        this.lifetime = lifetime;
    }

    public Started start(User user) {
        Instant now = clock.instant();
        byHash.values().removeIf(s -> !now.isBefore(s.expiresAt())); // forget the expired now and then
        flashes.keySet().retainAll(byHash.keySet());
        String id = Secrets.newToken();
        String key = Secrets.hash(id);
        Session session = new Session(key, user, Secrets.newToken(), now.plus(lifetime));
        byHash.put(key, session);
        return new Started(id, session);
    }

    public Optional<Session> find(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        Session s = byHash.get(Secrets.hash(id));
        return s != null && clock.instant().isBefore(s.expiresAt()) ? Optional.of(s) : Optional.empty();
    }

    public void end(String id) {
        if (id != null) {
            end(byHash.get(Secrets.hash(id)));
        }
    }

    /** Ends a session found earlier (its user was removed, say). */
    public void end(Session session) {
        if (session != null) {
            byHash.remove(session.key());
            flashes.remove(session.key());
        }
    }

    /** Keeps {@code value} under {@code name} for the next page of this session that {@link #take}s it. */
    public void flash(Session session, String name, Object value) {
        flashes.computeIfAbsent(session.key(), k -> new ConcurrentHashMap<>()).put(name, value);
    }

    /** The flash value under {@code name}, removed as it is taken; empty when none (or of another type). */
    public <T> Optional<T> take(Session session, String name, Class<T> type) {
        if (session == null) {
            return Optional.empty();
        }
        Map<String, Object> values = flashes.get(session.key());
        Object value = values == null ? null : values.remove(name);
        return type.isInstance(value) ? Optional.of(type.cast(value)) : Optional.empty();
    }

    public int lifetimeSeconds() {
        return (int) lifetime.toSeconds();
    }
}
