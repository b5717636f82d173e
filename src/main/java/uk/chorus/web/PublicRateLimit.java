package uk.chorus.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Limits how fast one client address may post to the public paths, so one script cannot flood a
 * survey: survey pages, the response API, feedback and the pledge's public forms (joining, signing,
 * reviewing) each have their own limit (see RateLimitConfiguration). Reading pages is never limited.
 * Over a limit: 429 with Retry-After.
 *
 * <p>It sees every request and decides the kind from the path as the router would match it:
 * percent-decoded, any case, repeated and trailing slashes folded. A filter bound to path patterns
 * missed {@code /api/v1/feedback/} (a trailing slash the router still serves), so none is used.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class PublicRateLimit {
    private static final Pattern RESPONSES_API = Pattern.compile("/api/v1/surveys/[^/]+/responses");
    private static final Pattern PLEDGE_JOIN = Pattern.compile("/pledges/[^/]+/join");
    private final RateLimiter limiter;
    private final TooManyRequests tooMany;
    private final ClientAddress clientAddress;

    PublicRateLimit(RateLimiter limiter, TooManyRequests tooMany, ClientAddress clientAddress) {
        this.limiter = limiter;
        this.tooMany = tooMany;
        this.clientAddress = clientAddress;
    }

    @RequestFilter
    @Nullable
    MutableHttpResponse<?> limit(HttpRequest<?> request) {
        HttpMethod method = request.getMethod();
        if (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS) {
            return null;
        }
        Optional<RateLimiter.Kind> kind = kindOf(request.getPath());
        if (kind.isEmpty()) {
            return null;
        }
        OptionalLong wait = limiter.take(kind.get(), clientAddress.of(request));
        return wait.isEmpty() ? null : tooMany.answer(request, wait.getAsLong());
    }

    /** The limit a path falls under, if any, judged on the path as the router matches it. */
    static Optional<RateLimiter.Kind> kindOf(String rawPath) {
        String path = routed(rawPath);
        if (RESPONSES_API.matcher(path).matches()) {
            return Optional.of(RateLimiter.Kind.API);
        }
        if (path.startsWith("/s/")) {
            return Optional.of(RateLimiter.Kind.PAGE);
        }
        // Looking up a family's reference counts with feedback, so references cannot be tried in bulk.
        if (path.equals("/api/v1/feedback") || path.equals("/feedback") || path.startsWith("/feedback/")
                || path.equals("/what-happened-next")) {
            return Optional.of(RateLimiter.Kind.FEEDBACK);
        }
        if (path.startsWith("/pledge/") || PLEDGE_JOIN.matcher(path).matches()) {
            return Optional.of(RateLimiter.Kind.PLEDGE);
        }
        return Optional.empty();
    }

    /** Decoded (until it no longer changes), lower case, with repeated and trailing slashes folded. */
    static String routed(String rawPath) {
        String path = rawPath == null ? "" : rawPath;
        for (int i = 0; i < 3 && path.indexOf('%') >= 0; i++) {
            try {
                String decoded = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
                if (decoded.equals(path)) {
                    break;
                }
                path = decoded;
            } catch (IllegalArgumentException e) {
                break;
            }
        }
        path = path.toLowerCase(Locale.ROOT).replace('\\', '/').replaceAll("/{2,}", "/");
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path.isEmpty() ? "/" : path;
    }
}
