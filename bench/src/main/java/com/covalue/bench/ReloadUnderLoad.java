package com.covalue.bench;

import com.covalue.model.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reloads under a steady load: closed-loop keep-alive clients post advice to a running
 * {@code covalue serve} on 127.0.0.1 while a rule file in the folder it watches is edited N times.
 * Each completed request is counted in a 5 ms bucket, so throughput can be read for exactly the
 * window in which each reload compiled (its reported duration, ending when the new revision shows).
 *
 * <p>Usage: ReloadUnderLoad PORT RULES_DIR BODY_FILE CONNECTIONS WARMUP_S RELOADS SPACING_MS [WARMUP_RELOADS];
 * the warm-up reloads come first and are left out of the figures. The new revision is read from
 * {@code GET /api/v1/rules}, which needs a token: the service's admin token, given in the
 * environment variable {@code COVALUE_ADMIN_TOKEN}. (Without it the endpoint answered 401, the
 * driver saw no revision at all, waited 30 s for each edit and reported 0 ms reloads.)
 * Prints one line of key=value results; an edit whose revision never shows is counted in
 * {@code unseen} and left out of the times. The load stops by itself 6.5 s after the last reload is
 * served, which gives the steady rate the reload windows are compared with (or at a cap of two
 * minutes past the schedule).
 */
public final class ReloadUnderLoad {

    private static final int BUCKET_MS = 5;
    /** Load kept on after the last reload is served: the steady rate is read from it. */
    private static final int STEADY_TAIL_MS = 6500;

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path rules = Path.of(args[1]);
        byte[] body = Files.readAllBytes(Path.of(args[2]));
        int connections = Integer.parseInt(args[3]);
        int warmupS = Integer.parseInt(args[4]);
        int reloads = Integer.parseInt(args[5]);
        int spacingMs = Integer.parseInt(args[6]);
        int warmupReloads = args.length > 7 ? Integer.parseInt(args[7]) : 0;
        reloads += warmupReloads;

        // The load runs until the last reload has been served and 6.5 s more (slow reloads must not run
        // past a fixed end and be measured against no load at all), and never longer than the cap.
        int capMs = warmupS * 1000 + reloads * spacingMs + 120_000 + STEADY_TAIL_MS;
        AtomicIntegerArray done = new AtomicIntegerArray(capMs / BUCKET_MS + 400);
        AtomicLong failures = new AtomicLong();
        long t0 = System.nanoTime();
        AtomicLong stopAt = new AtomicLong(t0 + capMs * 1_000_000L);
        byte[] request = ("POST /api/v1/advice HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);

        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Thread t = new Thread(() -> client(port, request, body, done, failures, t0, stopAt), "load-" + c);
            t.setDaemon(true);
            t.start();
            clients.add(t);
        }

        HttpClient http = HttpClient.newHttpClient();
        String token = System.getenv("COVALUE_ADMIN_TOKEN");
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("set COVALUE_ADMIN_TOKEN to the service's admin token: GET /api/v1/rules needs it");
        }
        String revision = status(http, port, token).path("revision").asText();
        Thread.sleep(warmupS * 1000L);
        Path edited = rules.resolve("trust.drl");
        String original = Files.readString(edited);
        List<long[]> windows = new ArrayList<>(); // start, end in ms since t0
        List<long[]> measuredWindows = new ArrayList<>();
        List<Long> durations = new ArrayList<>();
        List<Long> editToServed = new ArrayList<>();
        int unseen = 0;
        for (int i = 0; i < reloads; i++) {
            long slot = t0 + (warmupS * 1000L + (long) i * spacingMs) * 1_000_000L;
            sleepUntil(slot);
            long edit = System.nanoTime();
            // a real change: the rule file's text differs each time, so the revision does too
            Files.writeString(edited, original + "\n// benchmark edit " + i + "\n");
            JsonNode s;
            do {
                Thread.sleep(2);
                s = status(http, port, token);
            } while (s.path("revision").asText().equals(revision) && System.nanoTime() - edit < 30_000_000_000L);
            long seen = System.nanoTime();
            if (s.path("revision").asText().equals(revision)) { // never served: no time to report for it
                System.err.println("edit " + i + " unseen after 30 s; last reload: " + s.path("lastReload"));
                unseen++;
                continue;
            }
            revision = s.path("revision").asText();
            long duration = s.path("lastReload").path("durationMs").asLong();
            durations.add(duration);
            editToServed.add((seen - edit) / 1_000_000);
            long endMs = (seen - t0) / 1_000_000;
            windows.add(new long[] {endMs - duration, endMs});
            if (i < warmupReloads) { // JIT warm-up of the reload path: excluded from the figures
                durations.remove(durations.size() - 1);
                editToServed.remove(editToServed.size() - 1);
                measuredWindows.add(null);
            } else {
                measuredWindows.add(windows.get(windows.size() - 1));
            }
        }
        Files.writeString(edited, original);
        long lastServedMs = (System.nanoTime() - t0) / 1_000_000;
        stopAt.accumulateAndGet(System.nanoTime() + STEADY_TAIL_MS * 1_000_000L, Math::min); // never past the cap
        sleepUntil(stopAt.get());
        for (Thread t : clients) {
            t.join(5000);
        }

        // Steady: 5 s of load after the last reload was served, on the last rules, 1 s after the
        // swap. Measured in the warm-up before the first edit, the service's JIT was still cold and
        // the "steady" rate a third of the later one, so every reload window came out at about 3x
        // steady (run of 668584e); measured between reloads, nothing was left when slow reloads
        // overlapped their spacing.
        long steadyCount = 0;
        long steadyMs = 0;
        long steadyFrom = lastServedMs + 1000;
        for (long ms = steadyFrom; ms < steadyFrom + 5000; ms += BUCKET_MS) {
            steadyCount += at(done, ms);
            steadyMs += BUCKET_MS;
        }
        double steady = steadyCount * 1000.0 / steadyMs;
        List<Double> ratios = new ArrayList<>();
        for (long[] w : measuredWindows) {
            if (w == null) {
                continue;
            }
            long count = 0;
            long start = Math.max(0, w[0]) / BUCKET_MS * BUCKET_MS;
            long end = Math.max(start + BUCKET_MS, (w[1] + BUCKET_MS - 1) / BUCKET_MS * BUCKET_MS);
            for (long ms = start; ms < end; ms += BUCKET_MS) {
                count += at(done, ms);
            }
            ratios.add(count * 1000.0 / (end - start) / steady);
        }
        if (System.getenv("RELOAD_TRACE") != null) { // requests per 100 ms around each reload window
            for (long[] w : windows) {
                StringBuilder b = new StringBuilder("TRACE window " + w[0] + ".." + w[1] + " ms:");
                for (long ms = w[0] - 1000; ms < w[1] + 1500; ms += 100) {
                    long n = 0;
                    for (long x = ms; x < ms + 100; x += BUCKET_MS) {
                        n += at(done, x);
                    }
                    b.append(ms >= w[0] && ms < w[1] ? " [" + n + "]" : " " + n);
                }
                System.out.println(b);
            }
        }
        List<Long> sortedDurations = durations.stream().sorted().toList();
        List<Double> sortedRatios = ratios.stream().sorted().toList();
        if (durations.isEmpty()) {
            System.out.printf(java.util.Locale.ROOT, "RESULT steady_rps=%.1f failures=%d reloads=0 unseen=%d reload_ms_median=n/a"
                    + " reload_ms_max=n/a reload_ms_all=[] edit_to_served_ms_median=n/a window_ratio_median=n/a window_ratio_min=n/a%n",
                    steady, failures.get(), unseen);
            return;
        }
        // no steady tail (the reloads ran into the cap) or no measured window: no ratio, rather
        // than the NaN or Infinity a division by zero would print
        boolean ratioMeasured = steady > 0 && !sortedRatios.isEmpty();
        if (!ratioMeasured) {
            System.err.printf("no window ratio: steady rate %.1f req/s, %d measured windows%n", steady, sortedRatios.size());
        }
        System.out.printf(java.util.Locale.ROOT,
                "RESULT steady_rps=%.1f failures=%d reloads=%d unseen=%d reload_ms_median=%d reload_ms_max=%d reload_ms_all=%s"
                        + " edit_to_served_ms_median=%d window_ratio_median=%s window_ratio_min=%s%n",
                steady, failures.get(), durations.size(), unseen, sortedDurations.get(sortedDurations.size() / 2),
                sortedDurations.get(sortedDurations.size() - 1), durations.toString().replace(" ", ""),
                editToServed.stream().sorted().toList().get(editToServed.size() / 2),
                ratioMeasured ? String.format(java.util.Locale.ROOT, "%.3f", sortedRatios.get(sortedRatios.size() / 2)) : "n/a",
                ratioMeasured ? String.format(java.util.Locale.ROOT, "%.3f", sortedRatios.get(0)) : "n/a");
    }

    private static int at(AtomicIntegerArray done, long ms) {
        int i = (int) (ms / BUCKET_MS);
        return i >= 0 && i < done.length() ? done.get(i) : 0;
    }

    /** The service's rule status; fails on any answer but 200, so a refused read is never taken for "no new revision yet". */
    private static JsonNode status(HttpClient http, int port, String token) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/rules"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET /api/v1/rules answered " + r.statusCode() + ": " + r.body());
        }
        return Json.MAPPER.readTree(r.body());
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait = (nanoTime - System.nanoTime()) / 1_000_000;
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }

    /** One keep-alive connection posting the body again and again until stopAt. */
    private static void client(int port, byte[] head, byte[] body, AtomicIntegerArray done, AtomicLong failures, long t0, AtomicLong stopAt) {
        while (System.nanoTime() < stopAt.get()) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setTcpNoDelay(true);
                OutputStream out = socket.getOutputStream();
                InputStream in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
                while (System.nanoTime() < stopAt.get()) {
                    out.write(head);
                    out.write(body);
                    out.flush();
                    int status = readResponse(in);
                    int bucket = (int) ((System.nanoTime() - t0) / 1_000_000 / BUCKET_MS);
                    if (status == 200) {
                        if (bucket < done.length()) {
                            done.incrementAndGet(bucket);
                        }
                    } else {
                        failures.incrementAndGet();
                    }
                }
            } catch (IOException e) {
                if (System.nanoTime() < stopAt.get()) {
                    failures.incrementAndGet();
                }
            }
        }
    }

    /** Reads one HTTP/1.1 response (Content-Length or chunked) and returns its status. */
    private static int readResponse(InputStream in) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        long length = -1;
        boolean chunked = false;
        for (String h; !(h = line(in)).isEmpty(); ) {
            String lower = h.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(h.substring(15).strip());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        if (chunked) {
            for (long size; (size = Long.parseLong(line(in).strip().split(";")[0], 16)) > 0; ) {
                in.skipNBytes(size);
                line(in);
            }
            line(in);
        } else if (length > 0) {
            in.skipNBytes(length);
        }
        return status;
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int c; (c = in.read()) != '\n'; ) {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            if (c != '\r') {
                b.append((char) c);
            }
        }
        return b.toString();
    }
}
