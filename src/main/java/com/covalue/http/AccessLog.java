package com.covalue.http;

import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.NanoTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request on the logger {@code covalue.access}, as {@code key=value} pairs a log
 * shipper can split: method, path, status, duration in milliseconds and the rule revision active
 * when it ended. Never a body, a header (so never a token) or a query string (a query value may
 * hold something private); the path is cut at 200 characters and stripped of control characters.
 * Jetty calls it for every request, including those it refused before any route ran.
 */
final class AccessLog implements RequestLog {

    static final String LOGGER = "covalue.access";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    /** Compiled once: String.replaceAll compiled it three times per request. */
    private static final Pattern UNPRINTABLE = Pattern.compile("[\\p{Cntrl}\\s]");

    private final Supplier<String> revision;

    AccessLog(Supplier<String> revision) {
        this.revision = revision;
    }

    @Override
    public void log(Request request, Response response) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        // the path only: getPath() leaves the query string out
        LOG.info(line(request.getMethod(), request.getHttpURI().getPath(), response.getStatus(),
                NanoTime.millisSince(request.getBeginNanoTime()), revision.get()));
    }

    /** One access line. */
    static String line(String method, String path, int status, long millis, String revision) {
        return "method=" + printable(method, 16) + " path=" + printable(path, 200) + " status=" + status + " ms=" + millis
                + " revision=" + printable(revision, 64);
    }

    private static String printable(String s, int max) {
        if (s == null || s.isEmpty()) {
            return "-";
        }
        String cut = s.length() <= max ? s : s.substring(0, max) + "...";
        return UNPRINTABLE.matcher(cut).replaceAll("_");
    }
}
