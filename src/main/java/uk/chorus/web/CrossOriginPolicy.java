package uk.chorus.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Refuses anything that changes data when it was sent by another website: a page on evil.example
 * posting to a survey page or a staff form in the visitor's browser. Browsers say where a request
 * came from (Sec-Fetch-Site, Origin); API clients that are not browsers send neither and pass.
 *
 * <p>The one exception is the Local Offer feedback form and API, which are made to be embedded in
 * other websites: they accept posts from the origins in CHORUS_FEEDBACK_ORIGINS ("*" for any), and
 * the API answers those origins' CORS requests.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class CrossOriginPolicy implements Ordered {
    /** Paths other websites may post to (the embeddable feedback form and its JSON API). */
    static final List<String> EMBEDDABLE = List.of("/feedback/", "/api/v1/feedback");
    private final ErrorPage errorPage;
    private final Messages messages;
    private final List<String> feedbackOrigins;

    CrossOriginPolicy(ErrorPage errorPage, Messages messages,
                      @Value("${chorus.feedback.origins:}") String feedbackOrigins) {
        this.errorPage = errorPage;
        this.messages = messages;
        this.feedbackOrigins = Arrays.stream(feedbackOrigins.split(","))
                .map(o -> o.strip().replaceAll("/+$", "").toLowerCase(Locale.ROOT))
                .filter(o -> !o.isEmpty()).toList();
    }

    @Override
    public int getOrder() {
        // Before anything reads the body or the session.
        return HIGHEST_PRECEDENCE + 100;
    }

    @RequestFilter
    @Nullable
    MutableHttpResponse<?> check(HttpRequest<?> request) {
        String origin = request.getHeaders().get("Origin");
        if (request.getMethod() == HttpMethod.OPTIONS && isEmbeddable(request.getPath())) {
            return allowedEmbedder(origin) ? cors(HttpResponse.noContent(), origin)
                    .header("Access-Control-Allow-Methods", "POST")
                    .header("Access-Control-Allow-Headers", "Content-Type")
                    .header("Access-Control-Max-Age", "600") : HttpResponse.status(HttpStatus.FORBIDDEN);
        }
        if (!changesData(request.getMethod()) || !isCrossSite(request, origin)) {
            return null;
        }
        if (isEmbeddable(request.getPath()) && allowedEmbedder(origin)) {
            return null;
        }
        MutableHttpResponse<Object> refused = HttpResponse.status(HttpStatus.FORBIDDEN);
        SecurityHeaders.apply(request, refused);
        if (request.getPath().startsWith("/api/")) {
            return refused.contentType(MediaType.APPLICATION_JSON_TYPE)
                    .body(ApiError.of(messages.get("error.cross.site.api")));
        }
        return refused.contentType(MediaType.TEXT_HTML_TYPE)
                .body(errorPage.renderKeys(request, "error.cross.site.title", "error.cross.site.body"));
    }

    /** The feedback API's answers carry CORS headers for the origins allowed to embed it. */
    @ResponseFilter
    void allowEmbedders(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String origin = request.getHeaders().get("Origin");
        if (origin != null && request.getPath().startsWith("/api/v1/feedback") && allowedEmbedder(origin)) {
            cors(response, origin);
        }
    }

    private static MutableHttpResponse<?> cors(MutableHttpResponse<?> response, String origin) {
        return response.header("Access-Control-Allow-Origin", origin).header("Vary", "Origin");
    }

    private static boolean changesData(HttpMethod method) {
        return method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH
                || method == HttpMethod.DELETE;
    }

    private static boolean isEmbeddable(String path) {
        return EMBEDDABLE.stream().anyMatch(path::startsWith);
    }

    /** Whether a website (an origin such as https://localoffer.example.gov.uk) may embed the feedback form. */
    public boolean mayEmbed(@Nullable String origin) {
        return allowedEmbedder(origin);
    }

    private boolean allowedEmbedder(@Nullable String origin) {
        if (origin == null) {
            return false;
        }
        return feedbackOrigins.contains("*") || feedbackOrigins.contains(origin.toLowerCase(Locale.ROOT));
    }

    /**
     * Cross-site when the browser says so (Sec-Fetch-Site: cross-site), or when the Origin it sent
     * is not this service's own (compared with the Host the request was sent to). "same-site"
     * (another port or subdomain of the same site) is refused too: only this origin posts here.
     */
    private static boolean isCrossSite(HttpRequest<?> request, @Nullable String origin) {
        String site = request.getHeaders().get("Sec-Fetch-Site");
        if (site != null && (site.equals("cross-site") || site.equals("same-site"))) {
            return true;
        }
        if (origin == null) {
            return false;
        }
        if (origin.equals("null")) {
            return true;
        }
        String host = request.getHeaders().get("Host");
        try {
            URI sent = URI.create(origin);
            String authority = sent.getPort() < 0 ? sent.getHost() : sent.getHost() + ":" + sent.getPort();
            return host == null || !(authority.equalsIgnoreCase(host) || defaultPort(sent, host));
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    /** https://example.org and Host: example.org:443 are the same origin. */
    private static boolean defaultPort(URI origin, String host) {
        int port = "https".equals(origin.getScheme()) ? 443 : 80;
        return origin.getPort() < 0 && host.equalsIgnoreCase(origin.getHost() + ":" + port);
    }
}
