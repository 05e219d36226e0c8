package com.covalue.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down guessing passwords at the sign-in form, in memory. Failed sign-ins are counted three
 * ways, each forgotten {@link #WINDOW} after its last failure (or after its wait ended):
 * <ul>
 * <li>per name from one address: after {@link #PAIR_FREE} failures that address waits before
 * trying that name again, 30 seconds doubling with each further failure up to {@link #LONGEST};</li>
 * <li>per address, whatever the names: after {@link #ADDRESS_FREE} failures the same backoff, so
 * one address cannot try many names instead;</li>
 * <li>per name, from every address together: after {@link #NAME_FREE} failures one try per
 * {@link #NAME_PAUSE}. This one never grows: guessing from many addresses is slowed, but an
 * attacker cannot lock the real user out for longer than that pause.</li>
 * </ul>
 * A refused try checks no password and counts nothing. A successful sign-in clears its name's counts.
 */
final class SignInThrottle {

    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration FIRST_WAIT = Duration.ofSeconds(30);
    static final Duration LONGEST = Duration.ofMinutes(15);
    static final Duration NAME_PAUSE = Duration.ofSeconds(30);
    static final int PAIR_FREE = 5;
    static final int ADDRESS_FREE = 20;
    static final int NAME_FREE = 20;
    private static final int MAX_ENTRIES = 100_000; // past this, forgotten counts are swept out

    /** Failures counted under one key, and until when tries under it are refused (the last failure's time when not). */
    private record Count(int failures, Instant blockedUntil) {
    }

    private final Map<String, Count> counts = new ConcurrentHashMap<>();
    private final Clock clock;

    SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long this try must wait, or empty when it may go ahead. */
    Optional<Duration> waitFor(String name, String address) {
        Instant now = clock.instant();
        Duration longest = Duration.ZERO;
        for (String key : keys(name, address)) {
            Count c = counts.get(key);
            if (c != null && now.isBefore(c.blockedUntil())) {
                Duration left = Duration.between(now, c.blockedUntil());
                longest = left.compareTo(longest) > 0 ? left : longest;
            }
        }
        return longest.isZero() ? Optional.empty() : Optional.of(longest);
    }

    void failed(String name, String address) {
        Instant now = clock.instant();
        if (counts.size() > MAX_ENTRIES) {
            counts.values().removeIf(c -> forgotten(c, now));
        }
        String[] keys = keys(name, address);
        count(keys[0], now, PAIR_FREE, true);
        count(keys[1], now, ADDRESS_FREE, true);
        count(keys[2], now, NAME_FREE, false);
    }

    void succeeded(String name, String address) {
        String[] keys = keys(name, address);
        counts.remove(keys[0]);
        counts.remove(keys[2]);
    }

    private void count(String key, Instant now, int free, boolean growing) {
        counts.compute(key, (k, c) -> {
            int failures = c == null || forgotten(c, now) ? 1 : c.failures() + 1;
            Instant blockedUntil = failures < free ? now : now.plus(growing ? backoff(failures - free + 1) : NAME_PAUSE);
            return new Count(failures, blockedUntil);
        });
    }

    /** 30 s after the last free failure ({@code beyond} 1), doubling with each one after it, at most {@link #LONGEST}. */
    static Duration backoff(int beyond) {
        Duration wait = FIRST_WAIT.multipliedBy(1L << Math.min(beyond - 1, 10));
        return wait.compareTo(LONGEST) > 0 ? LONGEST : wait;
    }

    /** A count is forgotten a quiet {@link #WINDOW} after its last failure or, when it was blocked, after the block ended. */
    private static boolean forgotten(Count c, Instant now) {
        return !now.isBefore(c.blockedUntil().plus(WINDOW));
    }

    private static String[] keys(String name, String address) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return new String[] {"pair\n" + n + "\n" + address, "address\n" + address, "name\n" + n};
    }
}
