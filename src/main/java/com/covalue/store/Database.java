package com.covalue.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/** The store's database: a connection pool, opened with its schema created or upgraded by Flyway. */
final class Database implements AutoCloseable {

    /** How long a readiness probe waits for the database to answer. */
    static final long PROBE_TIMEOUT_MS = 2_000;
    private static final Executor PROBES = runnable -> {
        Thread t = new Thread(runnable, "covalue-store-probe");
        t.setDaemon(true);
        t.start();
    };

    private final HikariDataSource pool;
    private final AtomicBoolean probing = new AtomicBoolean();

    private Database(HikariDataSource pool) {
        this.pool = pool;
    }

    /** Opens the pool and migrates the schema ({@code db/migration}); throws {@link StoreException} saying why it cannot. */
    static Database open(StoreSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setPoolName("covalue-store");
        config.setMaximumPoolSize(settings.isEmbedded() ? 4 : 8);
        config.setConnectionTimeout(10_000);
        // A database server may be starting: wait for it. An embedded file that another process holds
        // stays held, so say so at once instead of retrying for seconds.
        config.setInitializationFailTimeout(settings.isEmbedded() ? 1 : 10_000);
        AtomicReference<HikariDataSource> self = new AtomicReference<>();
        config.setExceptionOverride(new SQLExceptionOverride() {
            @java.lang.Override
            public SQLExceptionOverride.Override adjudicate(SQLException e) {
                if (!databaseLost(e)) {
                    return SQLExceptionOverride.Override.CONTINUE_EVICT;
                }
                // The database closed under us (H2 does after a fatal write error, such as a full disk):
                // every pooled connection is dead. Drop them all, so the next one opens the database again.
                HikariDataSource lostPool = self.get();
                if (lostPool != null && lostPool.getHikariPoolMXBean() != null) {
                    lostPool.getHikariPoolMXBean().softEvictConnections();
                }
                return SQLExceptionOverride.Override.MUST_EVICT;
            }
        });
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
            self.set(pool);
        } catch (RuntimeException e) {
            if (settings.isEmbedded() && rootMessage(e).contains("locked")) {
                throw new StoreException("the history store at " + settings.describe() + " is in use by another process "
                        + "(another 'covalue serve', or a 'covalue review --data' still running). Stop that one, or give "
                        + "this one a folder of its own with --data DIR (env COVALUE_DATA).", e);
            }
            throw new StoreException("cannot open the history store at " + settings.describe() + ": " + rootMessage(e), e);
        }
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        } catch (FlywayException e) {
            pool.close();
            throw new StoreException("cannot create or upgrade the history store's tables at " + settings.describe() + ": "
                    + rootMessage(e), e);
        }
        return new Database(pool);
    }

    Connection connection() throws SQLException {
        return pool.getConnection();
    }

    /** Runs {@code work} on a pooled connection in auto-commit; a database error becomes a {@link StoreException} starting {@code failure}. */
    <T> T run(String failure, Sql.Work<T> work) {
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException(failure + ": " + e.getMessage(), e);
        }
    }

    /** {@link #run} for reads; a read that met a database that had closed is tried once more, on a new connection. */
    <T> T read(Sql.Work<T> work) {
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            if (databaseLost(e)) {
                return run("cannot read the history store", work);
            }
            throw new StoreException("cannot read the history store: " + e.getMessage(), e);
        }
    }

    /**
     * True when the database answers a query within {@link #PROBE_TIMEOUT_MS}. One probe runs at a
     * time: while one hangs, the store is not reachable, and no thread piles up behind it.
     */
    boolean reachable() {
        if (!probing.compareAndSet(false, true)) {
            return false;
        }
        CompletableFuture<Boolean> probe = CompletableFuture.supplyAsync(() -> {
            try {
                return read(c -> Sql.first(c, "SELECT 1", rs -> rs.getInt(1)).isPresent());
            } catch (RuntimeException e) {
                return false;
            } finally {
                probing.set(false);
            }
        }, PROBES);
        try {
            return probe.get(PROBE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** H2's "database is closed", "connection broken" and "called at shutdown", and any lost connection (SQL state 08...). */
    private static boolean databaseLost(SQLException e) {
        return switch (e.getErrorCode()) {
            case 90098, 90067, 90121 -> true;
            default -> e.getSQLState() != null && e.getSQLState().startsWith("08");
        };
    }

    @Override
    public void close() {
        pool.close();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
