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
 */
public final class Sessions {

    /** One signed-in browser: who, its CSRF token, and when it ends. */
    public record Session(User user, String csrf, Instant expiresAt) {
    }

    /** A new session and the id to set in its cookie (seen only here). */
    public record Started(String id, Session session) {
    }

    private final Map<String, Session> byHash = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration lifetime;

    public Sessions(Clock clock, Duration lifetime) {
        this.clock = clock;
        this.lifetime = lifetime;
    }

    public Started start(User user) {
        Instant now = clock.instant();
        byHash.values().removeIf(s -> !now.isBefore(s.expiresAt())); // forget the expired now and then
        String id = Secrets.newToken();
        Session session = new Session(user, Secrets.newToken(), now.plus(lifetime));
        byHash.put(Secrets.hash(id), session);
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
            byHash.remove(Secrets.hash(id));
        }
    }

    public int lifetimeSeconds() {
        return (int) lifetime.toSeconds();
    }
}
