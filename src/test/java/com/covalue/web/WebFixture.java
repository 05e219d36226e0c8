package com.covalue.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.covalue.TestSupport;
import com.covalue.app.Covalue;
import com.covalue.app.RuleRegistry;
import com.covalue.app.ServingRules;
import com.covalue.app.ServiceMetrics;
import com.covalue.http.CovalueApp;
import com.covalue.http.ServiceConfig;
import com.covalue.model.Role;
import com.covalue.store.HistoryStore;
import com.covalue.store.StoreSettings;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A running service for the web app's tests: the real rules, a fresh embedded store in a temporary
 * folder, a clock the test can move, port 0, and three users (admin, lead, viewer) with known
 * passwords. Also a small HTTP client that keeps a cookie jar per "browser".
 */
final class WebFixture implements AutoCloseable {

    static final String PASSWORD = "correct horse battery";
    static final String ADMIN_TOKEN = "admin-token-for-tests";

    private static RuleRegistry registry;
    /** PASSWORD's bcrypt hash, as Accounts made it for the first fixture of the run. */
    private static String passwordHash;

    final MovableClock clock = new MovableClock(Instant.parse("2026-11-23T12:00:00Z"));
    final HistoryStore store;
    final Covalue covalue;
    final Javalin app;
    final String origin;

    WebFixture(Path data, WebConfig web) {
        this(data, web, true);
    }

    /** @param addUsers false to start again on a store that has its users already (a restart) */
    WebFixture(Path data, WebConfig web, boolean addUsers) {
        store = HistoryStore.open(StoreSettings.embedded(data), clock);
        ServiceMetrics metrics = new ServiceMetrics();
        covalue = Covalue.service(rules(), TestSupport.reader(), store, clock, metrics);
        if (addUsers) {
            addUsers();
        }
        app = CovalueApp.create(covalue, rules(), new ServiceConfig(ServiceConfig.DEFAULT_MAX_BODY, 10, ADMIN_TOKEN), metrics, web)
                .start("127.0.0.1", 0);
        origin = "http://127.0.0.1:" + app.port();
    }

    /**
     * Adds ada, lee and vic. The first fixture of the run adds them as the app does; later ones store
     * the hash it made: bcrypt at its real cost takes a quarter of a second or more a hash, and the
     * fixtures of a run would make dozens. Signing in still checks the password against that real hash.
     */
    private void addUsers() {
        String hash;
        synchronized (WebFixture.class) {
            if (passwordHash == null) {
                covalue.accounts().add("ada", Role.ADMIN, PASSWORD);
                passwordHash = store.accounts().user("ada").orElseThrow().passwordHash();
            } else {
                assertThat(store.accounts().add("ada", Role.ADMIN, passwordHash)).isTrue();
            }
            hash = passwordHash;
        }
        assertThat(store.accounts().add("lee", Role.LEAD, hash)).isTrue();
        assertThat(store.accounts().add("vic", Role.VIEWER, hash)).isTrue();
    }

    static synchronized RuleRegistry rules() {
        if (registry == null) {
            // the rules the other tests of this run compiled already: a second build would add tens of seconds
            registry = ServingRules.registry(TestSupport.realRules(), TestSupport.CLOCK);
        }
        return registry;
    }

    @Override
    public void close() {
        app.stop();
        store.close();
    }

    /** A clock the test moves forward, as "today" for links, sessions and renewals. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** What came back: status, headers and body. */
    record Reply(int status, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> e.getValue().get(0)).orElse(null);
        }

        List<String> headerValues(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(Map.Entry::getValue).orElse(List.of());
        }
    }

    /** One browser, or script: its cookies, and a bearer token if it has one. Redirects are not followed. */
    final class Client {
        private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        final Map<String, String> cookies = new LinkedHashMap<>();
        String bearer;

        Reply get(String path) {
            return send("GET", path, null, null);
        }

        Reply form(String path, Map<String, String> fields) {
            String body = fields.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return send("POST", path, "application/x-www-form-urlencoded", body);
        }

        Reply json(String method, String path, String body) {
            return send(method, path, "application/json", body);
        }

        /** Signs in through the sign-in form, as a browser does. */
        void signIn(String name) {
            Reply page = get("/signin");
            assertThat(page.status()).isEqualTo(200);
            Reply done = form("/signin", Map.of("_csrf", hidden(page.body(), "_csrf"), "next", "/", "name", name, "password", PASSWORD));
            assertThat(done.status()).as("sign-in redirects").isEqualTo(302);
            assertThat(cookies).containsKey(AccessGate.COOKIE);
        }

        /** The CSRF token a signed-in page carries in its forms. */
        String csrf() {
            return hidden(get("/account").body(), "_csrf");
        }

        Reply send(String method, String path, String contentType, String body) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(origin + path)).timeout(Duration.ofSeconds(60))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (contentType != null) {
                b.header("Content-Type", contentType);
            }
            if (!cookies.isEmpty()) {
                b.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")));
            }
            if (bearer != null) {
                b.header("Authorization", "Bearer " + bearer);
            }
            try {
                HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                for (String set : r.headers().allValues("Set-Cookie")) {
                    String pair = set.split(";", 2)[0];
                    String name = pair.substring(0, pair.indexOf('='));
                    String value = pair.substring(pair.indexOf('=') + 1);
                    if (value.isEmpty()) {
                        cookies.remove(name);
                    } else {
                        cookies.put(name, value);
                    }
                }
                return new Reply(r.statusCode(), r.headers().map(), r.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    Client client() {
        return new Client();
    }

    static String hidden(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\"").matcher(html);
        assertThat(m.find()).as("a hidden field " + name + " in the page").isTrue();
        return m.group(1);
    }
}
