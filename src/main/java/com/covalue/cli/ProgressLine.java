package com.covalue.cli;

import com.covalue.review.PortfolioReviewer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongSupplier;

/**
 * A progress line on standard error for long runs: redrawn in place at most a few times a
 * second, shown only after the run has taken a moment, and erased at the end. Never written to
 * standard output, so a report piped or redirected from stdout stays clean.
 */
final class ProgressLine implements PortfolioReviewer.Progress, AutoCloseable {

    private static final long SHOW_AFTER_NANOS = 700_000_000L;
    private static final long REDRAW_EVERY_NANOS = 150_000_000L;

    private final PrintWriter err;
    private final boolean enabled;
    private final LongSupplier nanoTime;
    private final long start;
    private long lastDrawn;
    private int width;

    ProgressLine(PrintWriter err, boolean enabled) {
        this(err, enabled, System::nanoTime);
    }

    ProgressLine(PrintWriter err, boolean enabled, LongSupplier nanoTime) {
        this.err = err;
        this.enabled = enabled;
        this.nanoTime = nanoTime;
        this.start = nanoTime.getAsLong();
    }

    /** Linux tells where file descriptor 2 points; anything but a terminal (a file, a pipe) means no progress. */
    static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    @Override
    public synchronized void update(String what, int done, int total) {
        if (!enabled) {
            return;
        }
        long now = nanoTime.getAsLong();
        if (now - start < SHOW_AFTER_NANOS || (now - lastDrawn < REDRAW_EVERY_NANOS && done < total)) {
            return;
        }
        lastDrawn = now;
        String text = String.format("covalue review: %,d of %,d %s (%d%%)", done, total, what,
                total == 0 ? 100 : done * 100L / total);
        err.print("\r" + text + " ".repeat(Math.max(0, width - text.length())));
        err.flush();
        width = text.length();
    }

    @Override
    public synchronized void close() {
        if (enabled && width > 0) {
            err.print("\r" + " ".repeat(width) + "\r");
            err.flush();
        }
    }
}
