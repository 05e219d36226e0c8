package com.covalue.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the history store lives: a JDBC URL with its credentials.
 *
 * @param url      {@code jdbc:h2:file:...} (embedded) or {@code jdbc:postgresql://...}
 * @param user     database user, or null
 * @param password database password, or null
 */
public record StoreSettings(String url, String user, String password) {

    /**
     * H2 settings for the embedded store. WRITE_DELAY=0 makes every commit write the database file
     * before it returns (H2's default flushes up to a second later, so a killed process could lose
     * a write it had acknowledged); LOCK_TIMEOUT lets a writer wait for another instead of failing.
     */
    static final String H2_OPTIONS = ";WRITE_DELAY=0;LOCK_TIMEOUT=10000";

    public StoreSettings {
        Objects.requireNonNull(url, "url == null");
        if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("the database URL must start with jdbc:postgresql: (or jdbc:h2: for the embedded"
                    + " store), not " + url.replaceAll("password=[^&;]*", "password=***"));
        }
    }

    /** The embedded store: an H2 database file {@code covalue.mv.db} in {@code dataFolder}. */
    public static StoreSettings embedded(Path dataFolder) {
        return new StoreSettings("jdbc:h2:file:" + dataFolder.toAbsolutePath().normalize().resolve("covalue") + H2_OPTIONS, null, null);
    }

    /**
     * The embedded store in {@code dataFolder}, which must exist already: for reading a store, where
     * creating an empty one would only hide a mistyped folder.
     */
    public static StoreSettings existingEmbedded(Path dataFolder) {
        Path file = dataFolder.resolve("covalue.mv.db");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no history store in " + dataFolder + " (expected " + file + ")");
        }
        return embedded(dataFolder);
    }

    public boolean isEmbedded() {
        return url.startsWith("jdbc:h2:");
    }

    /** The URL with any password in it masked, for logs. */
    public String describe() {
        return url.replaceAll("(?i)password=[^&;]*", "password=***");
    }
}
