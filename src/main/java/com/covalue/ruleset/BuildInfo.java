package com.covalue.ruleset;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.Properties;

/** Which build of Covalue this is, from {@code covalue-build.properties} written by Maven. */
final class BuildInfo {

    private static final Optional<String> FINGERPRINT = load();

    private BuildInfo() {
    }

    /**
     * Covalue's version and build time, the Drools version and the Java runtime, as one string;
     * empty when the build did not record itself (then nothing compiled may be reused).
     */
    static Optional<String> fingerprint() {
        return FINGERPRINT;
    }

    private static Optional<String> load() {
        try (InputStream in = BuildInfo.class.getResourceAsStream("/covalue-build.properties")) {
            if (in == null) {
                return Optional.empty();
            }
            Properties p = new Properties();
            p.load(in);
            String version = p.getProperty("version", "");
            String built = p.getProperty("built", "");
            String drools = p.getProperty("drools", "");
            if (version.isBlank() || built.isBlank() || drools.isBlank() || (version + built + drools).contains("${")) {
                return Optional.empty(); // not filtered by Maven: this build cannot be told from another
            }
            return Optional.of("covalue " + version + " built " + built + "; rule checks " + RuleTextChecker.VERSION + "; drools " + drools + "; java "
                    + System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.version"));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
