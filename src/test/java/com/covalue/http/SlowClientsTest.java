package com.covalue.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.covalue.TestSupport;
import com.covalue.app.RuleRegistry;
import com.covalue.app.ServingRules;
import com.covalue.app.ServiceMetrics;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Slow-body clients (one byte every few seconds) cannot use up the request threads: the service
 * keeps answering while hundreds of them are connected, and each of them gets a 408 in the end.
 * Before the fix, 260 such connections held every one of Jetty's 250 threads and /health/live took
 * 20 s.
 */
class SlowClientsTest {

    private static final int SLOW_CLIENTS = 300;

    @Test
    void three_hundred_slow_uploads_do_not_starve_health_and_each_gets_a_timeout() throws Exception {
        RuleRegistry registry = ServingRules.registry(TestSupport.realRules(), TestSupport.CLOCK);
        Javalin app = CovalueApp.create(registry, TestSupport.reader(),
                new ServiceConfig(ServiceConfig.DEFAULT_MAX_BODY, 3, null), new ServiceMetrics());
        JavalinTest.test(app, (server, client) -> {
            URI origin = URI.create(client.getOrigin());
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
            timeHealth(http, origin); // the first request of a fresh server loads classes; not what is measured
            List<Socket> slow = new ArrayList<>();
            try {
                for (int i = 0; i < SLOW_CLIENTS; i++) {
                    Socket s = new Socket(origin.getHost(), origin.getPort());
                    s.setSoTimeout(15_000);
                    s.getOutputStream().write(("POST /api/v1/advice HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                            + "Content-Length: 1000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
                    slow.add(s);
                }
                List<Long> healthMillis = new ArrayList<>();
                for (int probe = 0; probe < 4; probe++) {
                    Thread.sleep(1000);
                    healthMillis.add(timeHealth(http, origin));
                }
                for (Socket s : slow) {
                    s.getOutputStream().write(' '); // the second byte, about 5 s after the first: far below any sane rate
                }
                assertThat(healthMillis).as("/health/live answer times (ms) with %d slow uploads open", SLOW_CLIENTS)
                        .allSatisfy(ms -> assertThat(ms).isLessThan(1000));

                int timedOut = 0;
                for (Socket s : slow) {
                    RawHttp.Answer a = RawHttp.read(s.getInputStream());
                    if (a.status() == 408 && a.json().get("code").asText().equals("request_timeout")) {
                        timedOut++;
                    }
                }
                assertThat(timedOut).as("slow uploads answered 408 request_timeout").isEqualTo(SLOW_CLIENTS);
            } finally {
                for (Socket s : slow) {
                    close(s);
                }
            }
        });
    }

    private static long timeHealth(HttpClient http, URI origin) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(origin.resolve("/health/live")).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
        } catch (IOException | InterruptedException e) {
            return Long.MAX_VALUE; // no answer within 5 s
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static void close(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed by the server
        }
    }
}
