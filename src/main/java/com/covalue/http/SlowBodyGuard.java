package com.covalue.http;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.NanoTime;

/**
 * Ends request bodies that arrive slower than a minimum rate.
 *
 * <p>It sits in front of Jetty's {@code EagerContentHandler}, which reads a body without holding a
 * thread and hands the request to Javalin only once the body is complete: so a client sending one
 * byte every few seconds costs a connection, not a request thread, and cannot starve the others
 * ({@code /health/live} among them). This guard then makes such a body fail as soon as it has
 * fallen behind {@code minBytesPerSecond} (after a grace period, so a short pause at the start is
 * forgiven); the route answers 408 {@code request_timeout}. A client that stops sending altogether
 * meets the connector's idle timeout.
 */
final class SlowBodyGuard extends Handler.Wrapper {

    private final long minBytesPerSecond;
    private final long graceNanos;

    SlowBodyGuard(long minBytesPerSecond, long graceMillis) {
        this.minBytesPerSecond = minBytesPerSecond;
        this.graceNanos = TimeUnit.MILLISECONDS.toNanos(graceMillis);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (minBytesPerSecond <= 0) {
            return super.handle(request, response, callback);
        }
        return super.handle(new RateCheckedRequest(request), response, callback);
    }

    private final class RateCheckedRequest extends Request.Wrapper {

        private final long start = NanoTime.now();
        private long bytes;
        private boolean failed;

        RateCheckedRequest(Request wrapped) {
            super(wrapped);
        }

        @Override
        public Content.Chunk read() {
            if (failed) {
                return Content.Chunk.from(new TimeoutException("body abandoned"), true);
            }
            Content.Chunk chunk = super.read();
            if (chunk == null || Content.Chunk.isFailure(chunk)) {
                return chunk;
            }
            bytes += chunk.remaining();
            if (chunk.isLast()) {
                return chunk;
            }
            long elapsed = NanoTime.since(start);
            if (elapsed > graceNanos && bytes < minBytesPerSecond * TimeUnit.NANOSECONDS.toMillis(elapsed) / 1000) {
                chunk.release();
                failed = true;
                return Content.Chunk.from(new TimeoutException("request body slower than " + minBytesPerSecond + " bytes/s"), true);
            }
            return chunk;
        }
    }
}
