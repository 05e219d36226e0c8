package com.covalue.store;

/** The store contract on a real PostgreSQL server started by the tests ({@link TestPostgres}); a new database per test. */
class PostgresHistoryStoreTest extends HistoryStoreContract {

    @Override
    StoreSettings freshDatabase() {
        return TestPostgres.freshDatabase();
    }
}
