package com.covalue.cli;

import com.covalue.store.StoreException;
import com.covalue.store.StoreSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the history store is: an embedded database in a data folder, or PostgreSQL by JDBC URL. */
final class StoreOptions {

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "${env:COVALUE_DATA:-data}",
            description = "Folder of the embedded history database, created if missing (default ${DEFAULT-VALUE}; env COVALUE_DATA).")
    Path data;

    @Option(names = "--db", paramLabel = "URL", defaultValue = "${env:COVALUE_DB_URL}",
            description = "JDBC URL of a PostgreSQL database to keep the history in instead, e.g. "
                    + "jdbc:postgresql://host:5432/covalue (env COVALUE_DB_URL).")
    String url;

    @Option(names = "--db-user", paramLabel = "USER", defaultValue = "${env:COVALUE_DB_USER}",
            description = "Database user (env COVALUE_DB_USER).")
    String user;

    @Option(names = "--db-password", paramLabel = "PASSWORD", defaultValue = "${env:COVALUE_DB_PASSWORD}",
            description = "Database password (env COVALUE_DB_PASSWORD; prefer the variable, which stays out of process listings).")
    String password;

    /** Where the service keeps its history; the embedded store's data folder is created if missing. */
    StoreSettings settings() {
        if (url != null && !url.isBlank()) {
            return new StoreSettings(url.strip(), blankToNull(user), blankToNull(password));
        }
        try {
            Files.createDirectories(data);
        } catch (IOException e) {
            throw new StoreException("cannot create the data folder " + data.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        return StoreSettings.embedded(data);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
