package com.covalue.cli;

import com.covalue.model.Json;
import com.covalue.review.Review;
import com.covalue.review.ReviewOptions;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * {@code covalue review --server URL}: asks a running service for the review of its stored history
 * ({@code GET /api/v1/reviews/stored}) as Review v1 JSON, so that the command renders it and gates
 * on it exactly as it does a review made here. The embedded store has one user at a time; this is
 * how a nightly pipeline reviews it while the service holds it.
 */
final class ServerReview {

    static final String PATH = "/api/v1/reviews/stored";
    /** How long to wait for the connection; the review itself may take minutes on a large portfolio. */
    private static final Duration CONNECT = Duration.ofSeconds(10);
    private static final Duration WHOLE_REVIEW = Duration.ofMinutes(30);

    /** The service could not give a review; the message says why, for a person. */
    static final class Failed extends Exception {
        Failed(String message) {
            super(message);
        }
    }

    private ServerReview() {
    }

    /**
     * @param server the service's address, {@code http(s)://host:port}, with any path prefix a proxy adds
     * @param token  a bearer token (an API token, or the service's admin or write token), or null
     */
    static Review fetch(String server, String token, ReviewOptions options) throws Failed {
        URI uri = uri(server, options);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(WHOLE_REVIEW).header("Accept", "application/json").GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> answer;
        try {
            answer = HttpClient.newBuilder().connectTimeout(CONNECT).build()
                    .send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new Failed("cannot reach the service at " + server + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failed("interrupted while waiting for the service at " + server);
        }
        if (answer.statusCode() != 200) {
            throw new Failed(refusal(server, answer, token != null));
        }
        try {
            return Json.MAPPER.readValue(answer.body(), Review.class);
        } catch (JsonProcessingException e) {
            throw new Failed("the service at " + server + " did not answer with a review (" + e.getOriginalMessage()
                    + "); is it a Covalue service of the same version?");
        }
    }

    private static URI uri(String server, ReviewOptions options) throws Failed {
        String base = server.strip().replaceAll("/+$", "");
        URI uri;
        try {
            uri = URI.create(base + PATH + "?asOf=" + options.asOf() + "&within=" + options.withinDays()
                    + "&failOn=" + URLEncoder.encode(options.failOn().name(), StandardCharsets.UTF_8)
                    + "&strict=" + options.strict() + "&format=json");
        } catch (IllegalArgumentException e) {
            throw new Failed("--server " + server + " is not a URL: " + e.getMessage());
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new Failed("--server " + server + " is not an http:// or https:// address such as http://localhost:7070");
        }
        return uri;
    }

    /** The service's own error message where it sent one, with what to do about a missing or wrong token. */
    private static String refusal(String server, HttpResponse<String> answer, boolean gaveToken) {
        String said;
        try {
            JsonNode error = Json.MAPPER.readTree(answer.body());
            said = error.path("code").asText("?") + ": " + error.path("message").asText("");
        } catch (JsonProcessingException e) {
            said = "not a Covalue error body";
        }
        String hint = answer.statusCode() != 401 ? ""
                : gaveToken ? " (the token was refused: check the file given to --token-file)"
                : " (stored history needs a token: give one in a file with --token-file FILE)";
        return "the service at " + server + " answered " + answer.statusCode() + " (" + said + ")" + hint;
    }
}
