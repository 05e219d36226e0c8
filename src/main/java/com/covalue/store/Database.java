package com.covalue.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/** The store's database: a connection pool, opened with its schema created or upgraded by Flyway. */
final class Database implements AutoCloseable {

    private final HikariDataSource pool;

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
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
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

    /** {@link #run} for reads. */
    <T> T read(Sql.Work<T> work) {
        return run("cannot read the history store", work);
    }

    /** True when the database answers. */
    boolean reachable() {
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

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
