package uk.chorus.support;

import org.jsoup.Jsoup;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A member of staff in a browser: keeps cookies, signs in through the real form, and sends the
 * page's CSRF token with every form it posts (unless a test says not to).
 */
public final class StaffClient {
    private final URI base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;
    private final java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
    private String csrf = "";

    public StaffClient(URI base) {
        this.base = base;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    public CookieManager cookies() {
        return cookies;
    }

    /** The CSRF token of the signed-in session, as the last staff page carried it. */
    public String csrf() {
        return csrf;
    }

    /** Sends this header with every request (for example X-Forwarded-For, to be another client). */
    public StaffClient withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** Signs in through the form; returns the response to the POST (303 when it worked). */
    public Browser.Page signIn(String email, String password) {
        Browser.Page form = get("/sign-in");
        String token = form.document().select("input[name=_csrf]").attr("value");
        return send(post("/sign-in", Browser.encode("_csrf", token, "email", email, "password", password)));
    }

    public Browser.Page get(String path) {
        Browser.Page page = send(HttpRequest.newBuilder(base.resolve(path)).header("Accept", "text/html").GET());
        String token = Jsoup.parse(page.body()).select("nav input[name=_csrf]").attr("value");
        if (!token.isEmpty()) {
            csrf = token;
        }
        return page;
    }

    /** Posts a staff form with the session's CSRF token. */
    public Browser.Page post(String path, String... fields) {
        List<String> all = new ArrayList<>(Arrays.asList(fields));
        all.add("_csrf");
        all.add(csrf);
        return send(post(path, Browser.encode(all.toArray(String[]::new))));
    }

    /** Posts a multipart form (a file upload) with the session's CSRF token as one of its parts. */
    public Browser.Page postFile(String path, String field, String fileName, byte[] content) {
        return postFileWith(path, field, fileName, content);
    }

    /** The same, with more plain fields (name, value, name, value...) beside the file. */
    public Browser.Page postFileWith(String path, String field, String fileName, byte[] content, String... fields) {
        String boundary = "----chorus" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        StringBuilder parts = new StringBuilder();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            parts.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(fields[i])
                    .append("\"\r\n\r\n").append(fields[i + 1]).append("\r\n");
        }
        String csrfPart = parts + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf
                + "\r\n";
        String fileHead = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: text/csv\r\n\r\n";
        body.writeBytes(csrfPart.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(fileHead.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Accept", "text/html")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    public Browser.Page postWithoutCsrf(String path, String... fields) {
        return send(post(path, Browser.encode(fields)));
    }

    private HttpRequest.Builder post(String path, String body) {
        return HttpRequest.newBuilder(base.resolve(path)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private Browser.Page send(HttpRequest.Builder request) {
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Browser.Page(response.statusCode(), response.headers().firstValue("Location").orElse(null),
                    response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
