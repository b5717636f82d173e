package uk.chorus.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import jakarta.inject.Singleton;

import java.util.OptionalLong;

/**
 * Limits how fast one client address may post to the public paths, so one script cannot flood a
 * survey: survey pages, the response API, feedback and the pledge's public forms (joining, signing,
 * reviewing) each have their own limit (see RateLimitConfiguration). Reading pages is never limited. Over a limit: 429 with Retry-After.
 */
@ServerFilter({"/s/**", "/api/v1/surveys/*/responses", "/feedback/**", "/api/v1/feedback", "/pledge/**",
        "/pledges/*/join"})
class PublicRateLimit {
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
        if (request.getMethod() != HttpMethod.POST) {
            return null;
        }
        String path = request.getPath();
        RateLimiter.Kind kind = path.startsWith("/api/v1/surveys/") ? RateLimiter.Kind.API
                : path.startsWith("/s/") ? RateLimiter.Kind.PAGE
                : path.startsWith("/pledge") ? RateLimiter.Kind.PLEDGE : RateLimiter.Kind.FEEDBACK;
        OptionalLong wait = limiter.take(kind, clientAddress.of(request));
        return wait.isEmpty() ? null : tooMany.answer(request, wait.getAsLong());
    }
}
