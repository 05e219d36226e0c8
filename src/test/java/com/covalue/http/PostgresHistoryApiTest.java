package com.covalue.http;

import com.covalue.store.StoreSettings;
import com.covalue.store.TestPostgres;

/** Every history endpoint test again, on a real PostgreSQL server started by the tests. */
class PostgresHistoryApiTest extends HistoryApiTest {

    @Override
    StoreSettings freshDatabase() {
        return TestPostgres.freshDatabase();
    }
}
