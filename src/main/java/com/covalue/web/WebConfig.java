package com.covalue.web;

import java.time.Duration;
import java.util.Objects;

/**
 * Who may read what, and how long things last, in the web app and the API beside it.
 *
 * @param openReads    reads of anything stored need no sign-in or token ({@code serve --open-reads})
 * @param closeAdvice  the stateless advice endpoints need a sign-in or token too ({@code serve --close-advice})
 * @param linkLifetime how long a respondent link works
 * @param sessionLifetime how long a browser session lasts after sign-in
 */
public record WebConfig(boolean openReads, boolean closeAdvice, Duration linkLifetime, Duration sessionLifetime) {

    public static final Duration DEFAULT_SESSION = Duration.ofHours(12);

    public WebConfig {
        Objects.requireNonNull(linkLifetime, "linkLifetime == null");
        Objects.requireNonNull(sessionLifetime, "sessionLifetime == null");
    }

    /** The default: reads need a sign-in or token; advice is open. */
    public static WebConfig closed() {
        return new WebConfig(false, false, com.covalue.app.Assessments.DEFAULT_LINK_LIFETIME, DEFAULT_SESSION);
    }

    /** Stored data readable by anyone who reaches the port, as before sign-in existed. */
    public static WebConfig withOpenReads() {
        return new WebConfig(true, false, com.covalue.app.Assessments.DEFAULT_LINK_LIFETIME, DEFAULT_SESSION);
    }
}
