package com.covalue.store;

import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * How a write is retried, in one place. Two loops, one inside the other: advice that went stale
 * because another write changed the snapshot before it is worked out again, and a transaction that
 * lost a race the database reported is run again with the same advice.
 */
final class Retries {

    private Retries() {
    }

    /** Tries to run the write transaction this many times when the database reports a race. */
    static final int RACE_ATTEMPTS = 3;
    /** Works out the advice this many times when the snapshot before it keeps changing. */
    static final int ADVICE_ATTEMPTS = RACE_ATTEMPTS * 3;

    /**
     * Races: two first snapshots of a new relationship at once (one insert of its row fails with a
     * unique violation), deadlocks and serialisation failures. The next attempt sees the winner.
     */
    private static final Set<String> RACES = Set.of("23505", "40001", "40P01");

    /** A transaction that throws {@link SQLException}. */
    @FunctionalInterface
    interface Transaction<T> {
        T run() throws SQLException;
    }

    /** Runs {@code attempt} until it gives a result; empty means its advice went stale. */
    static <T> T whileAdviceStale(Supplier<Optional<T>> attempt) {
        for (int i = 1; i <= ADVICE_ATTEMPTS; i++) {
            Optional<T> done = attempt.get();
            if (done.isPresent()) {
                return done.get();
            }
        }
        throw new StoreException("cannot store the snapshot: the relationship's history kept changing while it was advised", null);
    }

    /** Runs {@code transaction}, again when it lost a race; any other database error, or the last, is a {@link StoreException}. */
    static <T> T onRace(Transaction<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.run();
            } catch (SQLException e) {
                boolean race = e.getSQLState() != null && RACES.contains(e.getSQLState()); // Set.of refuses contains(null)
                if (!race || attempt == RACE_ATTEMPTS) {
                    throw new StoreException("cannot store the snapshot: " + e.getMessage(), e);
                }
            }
        }
    }
}
