package uk.chorus.accounts;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.core.annotation.Nullable;
import uk.chorus.web.ApiError;
import uk.chorus.web.ErrorPage;
import uk.chorus.web.SecurityHeaders;

import java.util.OptionalLong;

/**
 * Limits how fast one client address may post answers (the survey pages and the response API),
 * so one script cannot flood a survey. Generous by default (CHORUS_PUBLIC_RATE_LIMIT per minute),
 * since a whole school may share one address. Over the limit: 429 with Retry-After.
 */
@ServerFilter({"/s/**", "/api/v1/surveys/*/responses"})
class PublicRateLimit {
    private final RateLimiter limiter;
    private final ErrorPage errorPage;
    private final ClientAddress clientAddress;

    PublicRateLimit(RateLimiter limiter, ErrorPage errorPage, ClientAddress clientAddress) {
        this.limiter = limiter;
        this.errorPage = errorPage;
        this.clientAddress = clientAddress;
    }

    @RequestFilter
    @Nullable
    MutableHttpResponse<?> limit(HttpRequest<?> request) {
        if (request.getMethod() != HttpMethod.POST) {
            return null;
        }
        OptionalLong wait = limiter.publicRequest(clientAddress.of(request));
        if (wait.isEmpty()) {
            return null;
        }
        return tooMany(request, wait.getAsLong(), errorPage);
    }

    /** 429 with Retry-After, as a page for people and as JSON for API clients. */
    static MutableHttpResponse<?> tooMany(HttpRequest<?> request, long seconds, ErrorPage errorPage) {
        String sentence = "Wait " + seconds + " seconds, then try again. Nothing you saved is lost.";
        MutableHttpResponse<Object> response = HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                .header("Retry-After", Long.toString(seconds));
        SecurityHeaders.apply(response);
        if (request.getPath().startsWith("/api/")) {
            return response.contentType(MediaType.APPLICATION_JSON_TYPE)
                    .body(ApiError.of("Too many requests. " + sentence));
        }
        return response.contentType(MediaType.TEXT_HTML_TYPE)
                .body(errorPage.render(request, "Too many requests", sentence));
    }
}
