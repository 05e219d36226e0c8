package com.covalue.http;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.NanoTime;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request on the logger {@code covalue.access}, as {@code key=value} pairs a log
 * shipper can split: method, path, status, duration in milliseconds and the rule revision active
 * when it ended. Never a body, a header (so never a token) or a query string (a query value may
 * hold something private); the path is cut at 200 characters and stripped of control characters.
 * Jetty calls it for every request, including those it refused before any route ran.
 *
 * <p>Request threads only queue their line; one writer thread logs them. Logged on the request
 * threads, every line took the logger's lock (slf4j-simple writes each line to standard error under
 * one lock), and on two cores a thread preempted while holding it stalled all the others: a JFR
 * profile of 20 s under load held 266 waits of 10-21 ms for it (BENCHMARKS.md, session 24). When
 * the queue is full (the writer is behind) or the log is not running, the request thread writes its
 * own line, so no line is ever dropped; stopping (with the server) writes every queued line first.
 * A line reaches the log about 10 ms after its request ended at most, unless the writer is behind.
 */
final class AccessLog extends AbstractLifeCycle implements RequestLog {

    static final String LOGGER = "covalue.access";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    /** Compiled once: String.replaceAll compiled it three times per request. */
    private static final Pattern UNPRINTABLE = Pattern.compile("[\\p{Cntrl}\\s]");
    private static final int QUEUED_LINES = 8192;
    private static final int BATCH = 256;
    /** How long the writer sleeps when nothing is queued: how late a line may reach the log. */
    private static final long IDLE_MILLIS = 10;

    private final Supplier<String> revision;
    private final Consumer<String> sink;
    private final boolean enabled;
    private final BlockingQueue<String> queued;
    private volatile Thread writer;

    AccessLog(Supplier<String> revision) {
        this(revision, LOG::info, LOG.isInfoEnabled(), QUEUED_LINES);
    }

    /** For tests: where the lines go, and how many may wait for the writer. */
    AccessLog(Supplier<String> revision, Consumer<String> sink, boolean enabled, int queuedLines) {
        this.revision = revision;
        this.sink = sink;
        this.enabled = enabled;
        this.queued = new ArrayBlockingQueue<>(queuedLines);
    }

    @Override
    protected void doStart() {
        if (enabled) {
            Thread thread = new Thread(this::writeQueued, "access-log");
            thread.setDaemon(true); // a stop writes what is queued; a crash loses at most the queue
            writer = thread;
            thread.start();
        }
    }

    @Override
    protected void doStop() throws InterruptedException {
        Thread thread = writer;
        writer = null;
        try {
            if (thread != null) {
                thread.interrupt(); // it finishes the batch in hand, then stops waiting for lines
                thread.join(TimeUnit.SECONDS.toMillis(5));
            }
        } finally {
            writeWhatIsQueued(); // even when the stop itself is interrupted
        }
    }

    @Override
    public void log(Request request, Response response) {
        if (!enabled) {
            return;
        }
        // the path only: getPath() leaves the query string out
        write(line(request.getMethod(), request.getHttpURI().getPath(), response.getStatus(),
                NanoTime.millisSince(request.getBeginNanoTime()), revision.get()));
    }

    /** Queues a line for the writer, or writes it here when the writer is behind or not running. */
    void write(String line) {
        if (writer != null && queued.offer(line)) {
            if (writer == null) { // stopped while this line was queued: nobody else will write it
                writeWhatIsQueued();
            }
            return;
        }
        writeHere(line);
    }

    /**
     * Writes what is queued, then sleeps a moment when nothing is. It polls rather than waits on the
     * queue so that request threads never have to wake it (a system call and a context switch for
     * every line).
     */
    private void writeQueued() {
        List<String> batch = new ArrayList<>(BATCH);
        try {
            while (!Thread.currentThread().isInterrupted()) {
                if (queued.drainTo(batch, BATCH) == 0) {
                    Thread.sleep(IDLE_MILLIS);
                    continue;
                }
                batch.forEach(this::writeHere);
                batch.clear();
            }
        } catch (InterruptedException stopping) {
            // doStop writes whatever is still queued
        }
    }

    private void writeWhatIsQueued() {
        List<String> rest = new ArrayList<>();
        queued.drainTo(rest);
        rest.forEach(this::writeHere);
    }

    /** One line to the log; a log that fails loses that line, not the writer thread or the lines after it. */
    private void writeHere(String line) {
        try {
            sink.accept(line);
        } catch (RuntimeException e) {
            LoggerFactory.getLogger("covalue").warn("the access log could not write a line: {}", e.toString());
        }
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
