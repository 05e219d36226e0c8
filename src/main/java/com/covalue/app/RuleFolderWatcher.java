package com.covalue.app;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the rules folder and reloads once edits settle. Editors save in several steps (temporary
 * file, rename, touch), so every change restarts a short quiet period and only the end of it
 * triggers a compile, on a background thread. If the folder itself disappears, the watcher keeps
 * polling its parent so that a recreated folder is picked up again.
 */
public final class RuleFolderWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RuleFolderWatcher.class);

    private final RuleRegistry registry;
    private final Duration quietPeriod;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "covalue-rules-reload");
        t.setDaemon(true);
        return t;
    });
    private final Thread watchThread;
    private volatile WatchService watcher;
    private volatile boolean closed;
    private ScheduledFuture<?> pending;
    /** When the last reload ended and how long it ran (System.nanoTime; 0 before the first). */
    private long lastReloadEnd;
    private long lastReloadNanos;

    public RuleFolderWatcher(RuleRegistry registry, Duration quietPeriod) {
        this.registry = registry;
        this.quietPeriod = quietPeriod;
        this.watchThread = new Thread(this::watchLoop, "covalue-rules-watch");
        this.watchThread.setDaemon(true);
    }

    public RuleFolderWatcher start() {
        watchThread.start();
        return this;
    }

    private void watchLoop() {
        Path folder = registry.folder().toAbsolutePath().normalize();
        Path parent = folder.getParent();
        boolean firstRegistration = true;
        while (!closed) {
            try (WatchService ws = FileSystems.getDefault().newWatchService()) {
                watcher = ws;
                register(ws, folder);
                WatchKey parentKey = register(ws, parent); // notices the folder itself being deleted or recreated
                if (!firstRegistration) {
                    changed(); // whatever happened while we were registering again is picked up
                }
                firstRegistration = false;
                while (!closed) {
                    WatchKey key = ws.take();
                    boolean relevant = false;
                    boolean folderReplaced = false;
                    for (WatchEvent<?> event : key.pollEvents()) {
                        // in the parent, only events about the rules folder itself matter: it was
                        // deleted, created or renamed over, so the watch must follow the new folder
                        boolean aboutFolder = key == parentKey && folder.getFileName().equals(event.context());
                        folderReplaced |= aboutFolder;
                        relevant |= key != parentKey || aboutFolder;
                    }
                    boolean valid = key.reset();
                    if (relevant) {
                        changed();
                    }
                    if (!valid || folderReplaced) {
                        break; // register again, on whatever folder now has the name
                    }
                }
            } catch (ClosedWatchServiceException | InterruptedException e) {
                return;
            } catch (IOException e) {
                LOG.warn("cannot watch {}: {}; retrying", folder, e.getMessage());
                sleepQuietly();
            }
        }
    }

    private static WatchKey register(WatchService ws, Path dir) throws IOException {
        if (dir == null || !Files.isDirectory(dir)) {
            return null;
        }
        return dir.register(ws, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
    }

    /**
     * Restarts the quiet period; the reload runs when no change has come for its length, and not
     * before the last reload has rested as long as it ran (see {@link #reloadDelay}).
     */
    synchronized void changed() {
        if (pending != null) {
            pending.cancel(false);
        }
        long delay = reloadDelay(quietPeriod.toNanos(), System.nanoTime(), lastReloadEnd, lastReloadNanos);
        pending = scheduler.schedule(() -> {
            long start = System.nanoTime();
            try {
                registry.reload("watch");
            } catch (RuntimeException e) {
                LOG.error("reload failed unexpectedly; the active rules keep serving", e);
            } finally {
                recordReload(start, System.nanoTime());
            }
        }, delay, TimeUnit.NANOSECONDS);
    }

    private synchronized void recordReload(long start, long end) {
        lastReloadNanos = end - start;
        lastReloadEnd = end;
    }

    /**
     * Nanoseconds to wait before reloading: the quiet period, and at least until the last reload has
     * been over for as long as it took. Under an edit every second or two a compile then has at most
     * half the time (one core of two, at most a quarter of the machine's time), so requests keep
     * theirs; a quick reload rests briefly and a slow one longer.
     */
    static long reloadDelay(long quietNanos, long now, long lastReloadEnd, long lastReloadNanos) {
        long rested = lastReloadNanos == 0 ? quietNanos : lastReloadEnd + lastReloadNanos - now;
        return Math.max(quietNanos, rested);
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            if (watcher != null) {
                watcher.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
        watchThread.interrupt();
        scheduler.shutdownNow();
    }
}
