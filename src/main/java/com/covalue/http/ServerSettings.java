package com.covalue.http;

import io.javalin.config.JavalinConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * How the web server (Jetty, under Javalin) protects itself: timeouts, the slow-body guard, JSON
 * error pages, the access log, and TLS when given a certificate. Kept apart from the routes in
 * {@link CovalueApp} so those and these can change independently.
 *
 * @param idleTimeout        a connection that sends nothing for this long is closed (a request
 *                           waiting for its body then fails with 408)
 * @param minBodyBytesPerSecond a request body slower than this on average fails with 408
 *                           {@code request_timeout}; 0 turns the check off
 * @param slowBodyGrace      how long a body may lag behind that rate at its start
 * @param tls                certificate and key to serve HTTPS with; null for plain HTTP
 */
public record ServerSettings(Duration idleTimeout, long minBodyBytesPerSecond, Duration slowBodyGrace, Tls tls) {

    /** The limits the service runs with unless told otherwise. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
    public static final long DEFAULT_MIN_BODY_RATE = 1024;
    public static final Duration DEFAULT_SLOW_BODY_GRACE = Duration.ofSeconds(2);
    /** How long a stopping server waits for requests in flight. */
    private static final long STOP_TIMEOUT_MS = 10_000;

    public ServerSettings {
        Objects.requireNonNull(idleTimeout, "idleTimeout == null");
        Objects.requireNonNull(slowBodyGrace, "slowBodyGrace == null");
        if (minBodyBytesPerSecond < 0) {
            throw new IllegalArgumentException("minBodyBytesPerSecond must not be negative, got " + minBodyBytesPerSecond);
        }
    }

    public static ServerSettings defaults() {
        return new ServerSettings(DEFAULT_IDLE_TIMEOUT, DEFAULT_MIN_BODY_RATE, DEFAULT_SLOW_BODY_GRACE, null);
    }

    public ServerSettings withTls(Tls tls) {
        return new ServerSettings(idleTimeout, minBodyBytesPerSecond, slowBodyGrace, tls);
    }

    /** A PEM certificate chain and its PEM (PKCS#8) private key. */
    public record Tls(Path certificate, Path privateKey) {
        public Tls {
            Objects.requireNonNull(certificate, "certificate == null");
            Objects.requireNonNull(privateKey, "privateKey == null");
        }
    }

    /**
     * Applies these settings to a Javalin configuration.
     *
     * @param maxBodyBytes the largest body; a body larger than this is refused before it is read in full
     * @param revision     the active rule revision, for the access log
     * @throws IllegalArgumentException when the TLS files cannot be read or do not belong together
     */
    void applyTo(JavalinConfig cfg, long maxBodyBytes, Supplier<String> revision) {
        cfg.jetty.modifyServer(server -> {
            server.setStopTimeout(STOP_TIMEOUT_MS); // graceful stop: finish requests in flight
            server.setErrorHandler(new ErrorPages());
            server.setRequestLog(new AccessLog(revision));
            // Outermost first: the guard refuses what must never reach a route, then slow bodies are
            // read without holding a thread, then Javalin's servlet runs on the complete body.
            server.insertHandler(new EagerContentHandler(new EagerContentHandler.RetainedContentLoaderFactory(
                    maxBodyBytes + 64 * 1024, -1, true)));
            server.insertHandler(new SlowBodyGuard(minBodyBytesPerSecond, slowBodyGrace.toMillis()));
            server.insertHandler(new RequestGuard());
        });
        PemKeyStore keys = tls == null ? null : PemKeyStore.load(tls.certificate(), tls.privateKey()); // bad files fail here, not at start
        cfg.jetty.addConnector((server, http) -> {
            ServerConnector connector;
            if (keys == null) {
                connector = new ServerConnector(server, new HttpConnectionFactory(http));
            } else {
                SslContextFactory.Server ssl = new SslContextFactory.Server();
                ssl.setKeyStore(keys.keyStore());
                ssl.setKeyStorePassword(keys.password());
                http.addCustomizer(new SecureRequestCustomizer(false)); // serve any host name the certificate was given for
                connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(http));
            }
            connector.setHost(cfg.jetty.host);
            connector.setPort(cfg.jetty.port);
            connector.setIdleTimeout(idleTimeout.toMillis());
            return connector;
        });
    }
}
