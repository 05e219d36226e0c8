package com.covalue.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.covalue.TestSupport;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database closes itself when a write fails for good (a full disk): H2 then answers
 * every connection with "database is closed". The store must notice, say it is not reachable, and
 * open the database again by itself once it can, with no restart.
 */
class StoreRecoveryTest {

    @TempDir
    Path data;

    @Test
    void after_the_embedded_database_closed_itself_the_store_reopens_it() throws Exception {
        StoreSettings settings = StoreSettings.embedded(data);
        try (HistoryStore store = HistoryStore.open(settings, TestSupport.CLOCK)) {
            assertThat(store.relationshipIds()).isEmpty();
            assertThat(store.reachable()).isTrue();

            // What H2 does after a fatal write error: the database closes under every open connection.
            try (Connection c = DriverManager.getConnection(settings.url()); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            }

            // At most the request that meets the closed database fails; the next ones find it open again.
            long start = System.nanoTime();
            int failures = 0;
            for (int i = 0; i < 4; i++) {
                try {
                    assertThat(store.relationshipIds()).isEmpty();
                } catch (StoreException e) {
                    failures++;
                }
            }
            assertThat(failures).as("reads that failed after the database closed").isLessThanOrEqualTo(1);
            assertThat(store.reachable()).isTrue();
            System.out.printf("store reopened after SHUTDOWN in %d ms%n", (System.nanoTime() - start) / 1_000_000);
        }
    }

    @Test
    void a_store_that_cannot_answer_is_not_reachable_within_its_timeout() throws Exception {
        StoreSettings settings = StoreSettings.embedded(data);
        HistoryStore store = HistoryStore.open(settings, TestSupport.CLOCK);
        store.close();
        long start = System.nanoTime();
        assertThat(store.reachable()).isFalse();
        assertThat((System.nanoTime() - start) / 1_000_000).as("ms to say so").isLessThan(3_000);
        assertThatThrownBy(store::relationshipIds).isInstanceOf(StoreException.class);
    }
}
