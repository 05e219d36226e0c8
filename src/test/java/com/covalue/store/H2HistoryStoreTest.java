package com.covalue.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on the embedded H2 file database, in a new data folder per test. */
class H2HistoryStoreTest extends HistoryStoreContract {

    @TempDir
    Path data;

    @Override
    StoreSettings freshDatabase() {
        return StoreSettings.embedded(data);
    }
}
