package uk.chorus.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A JSON API client over real HTTP that hands back status and body as they came. */
public final class Api {
    private final URI base;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();

    public Api(URI base) {
        this.base = base;
    }

    /** Sends this header with every request (for example X-Forwarded-For, to be another client). */
    public Api withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public record Reply(int status, String body, java.net.http.HttpHeaders headers) {
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Accept", "application/json").GET());
    }

    /** A GET with a staff bearer token. */
    public Reply get(String path, String bearerToken) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Accept", "application/json")
                .header("Authorization", "Bearer " + bearerToken).GET());
    }

    /** Signs in through POST /api/v1/auth/token and returns the bearer token. */
    public String token(String email, String password) {
        Reply reply = postJson("/api/v1/auth/token", "{\"email\": \"" + email + "\", \"password\": \"" + password
                + "\"}");
        if (reply.status() != 200) {
            throw new IllegalStateException("Sign-in failed: " + reply.body());
        }
        return reply.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    }

    public Reply postJson(String path, String json) {
        return post(path, "application/json", HttpRequest.BodyPublishers.ofString(json));
    }

    public Reply post(String path, String contentType, HttpRequest.BodyPublisher body) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Accept", "application/json")
                .header("Content-Type", contentType)
                .POST(body));
    }

    public Reply post(String path, String contentType, HttpRequest.BodyPublisher body, String bearerToken) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Accept", "application/json")
                .header("Content-Type", contentType)
                .header("Authorization", "Bearer " + bearerToken)
                .POST(body));
    }

    private Reply send(HttpRequest.Builder request) {
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
