package uk.chorus.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;

/** 429 with Retry-After, as a page for people and as JSON for API clients. */
@Singleton
public class TooManyRequests {
    private final ErrorPage errorPage;
    private final Messages messages;
    private final io.micrometer.core.instrument.MeterRegistry meters;

    TooManyRequests(ErrorPage errorPage, Messages messages, io.micrometer.core.instrument.MeterRegistry meters) {
        this.errorPage = errorPage;
        this.messages = messages;
        this.meters = meters;
    }

    public MutableHttpResponse<?> answer(HttpRequest<?> request, long seconds) {
        // Every refusal by a public rate limit, API or page (sign-in refusals show as 429s in
        // http_server_requests). Counted here, where every such 429 is made.
        meters.counter("chorus.rate.limit.refusals", "kind", request.getPath().startsWith("/api/") ? "api" : "page")
                .increment();
        String sentence = messages.get("error.too.many.body", seconds);
        MutableHttpResponse<Object> response = HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                .header("Retry-After", Long.toString(seconds));
        SecurityHeaders.apply(request, response);
        if (request.getPath().startsWith("/api/")) {
            return response.contentType(MediaType.APPLICATION_JSON_TYPE)
                    .body(ApiError.of(messages.get("error.too.many.title") + ". " + sentence));
        }
        return response.contentType(MediaType.TEXT_HTML_TYPE)
                .body(errorPage.render(request, messages.get("error.too.many.title"), sentence));
    }
}
