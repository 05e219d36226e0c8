package com.covalue.cli;

import com.covalue.store.StoreSettings;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Where a portfolio's snapshots are read from, for the commands that read one ({@code review},
 * {@code diff}): files and folders, and optionally a history store (PostgreSQL or the embedded one).
 */
final class PortfolioOptions {

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Snapshot files, folders of them, or JSON Lines files.")
    List<Path> paths = List.of();

    @Option(names = "--db", paramLabel = "URL",
            description = "Also read every snapshot in the service's history store at this JDBC URL (jdbc:postgresql://..."
                    + " with --db-user and --db-password or COVALUE_DB_USER and COVALUE_DB_PASSWORD).")
    String dbUrl;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Also read every snapshot in the embedded history store in DIR (the service's --data; the embedded"
                    + " store has one user at a time, so stop the service first).")
    Path data;

    @Option(names = "--db-user", paramLabel = "USER", defaultValue = "${env:COVALUE_DB_USER}", description = "Database user.")
    String dbUser;

    @Option(names = "--db-password", paramLabel = "PASSWORD", defaultValue = "${env:COVALUE_DB_PASSWORD}",
            description = "Database password (prefer COVALUE_DB_PASSWORD, which stays out of process listings).")
    String dbPassword;

    /** True when a history store is named. */
    boolean hasStore() {
        return dbUrl != null || data != null;
    }

    /**
     * The history store to read too, or null for files only.
     *
     * @throws IllegalArgumentException when nothing is given to read, both stores are, or the URL is not PostgreSQL's
     */
    StoreSettings store(String command) {
        if (paths.isEmpty() && !hasStore()) {
            throw new IllegalArgumentException(command + " needs PATH..., --db URL or --data DIR\nTry 'covalue " + command
                    + " --help' for usage.");
        }
        if (dbUrl != null && data != null) {
            throw new IllegalArgumentException("give --db or --data, not both");
        }
        return dbUrl != null ? new StoreSettings(dbUrl.strip(), blankToNull(dbUser), blankToNull(dbPassword))
                : data != null ? StoreSettings.existingEmbedded(data) : null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
