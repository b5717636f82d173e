package uk.chorus.support;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A respondent with JavaScript off: plain GETs and form POSTs over real HTTP, no redirects
 * followed unless asked, so tests can see every 303.
 */
public final class Browser {
    private final URI base;
    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public Browser(URI base) {
        this.base = base;
    }

    public record Page(int status, String location, String body, java.net.http.HttpHeaders headers) {
        public Document document() {
            return Jsoup.parse(body);
        }

        public String text() {
            return document().text();
        }

        public String heading() {
            return document().select("h1").text();
        }

        public List<String> errorSummary() {
            return document().select(".govuk-error-summary__list a").eachText();
        }
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Accept", "text/html").GET());
    }

    /** Fetches a stylesheet, script or image as a browser does, accepting anything. */
    public Page asset(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Accept", "*/*").GET());
    }

    /** Posts form fields given as name, value, name, value ... (a name may repeat). */
    public Page post(String path, String... fields) {
        return postRaw(path, encode(fields));
    }

    /** Posts form fields with extra request headers (for example X-Forwarded-For, to be another client). */
    public Page postWithHeaders(String path, java.util.Map<String, String> headers, String... fields) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields)));
        headers.forEach(request::header);
        return send(request);
    }

    public Page postRaw(String path, String body) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Posts and follows the 303 like a browser does, returning the page landed on. */
    public Page submit(String path, String... fields) {
        Page page = post(path, fields);
        return page.status() == 303 ? get(page.location()) : page;
    }

    public static String encode(String... fields) {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < fields.length; i += 2) {
            pairs.add(URLEncoder.encode(fields[i], StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return String.join("&", pairs);
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Page(response.statusCode(), response.headers().firstValue("Location").orElse(null),
                    response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
