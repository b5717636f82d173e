package uk.chorus.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterContinuation;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.util.concurrent.Semaphore;

/**
 * Sheds load instead of queueing without bound: past CHORUS_MAX_IN_FLIGHT requests at once, a
 * request is answered at once with 503 and Retry-After, so a surge (a survey link in a school
 * newsletter) slows nobody who got in and runs nothing out of memory. Health checks and static
 * files are never shed.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class LoadShedding implements Ordered {
    static final String RETRY_AFTER_SECONDS = "2";
    private final Semaphore permits;
    private final ErrorPage errorPage;
    private final Messages messages;

    LoadShedding(@Value("${chorus.max-in-flight:256}") int maxInFlight, ErrorPage errorPage, Messages messages) {
        this.permits = new Semaphore(Math.max(0, maxInFlight));
        this.errorPage = errorPage;
        this.messages = messages;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @RequestFilter
    Publisher<MutableHttpResponse<?>> limit(HttpRequest<?> request,
                                            FilterContinuation<Publisher<MutableHttpResponse<?>>> continuation) {
        String path = request.getPath();
        if (path.equals("/health") || path.startsWith("/assets/")) {
            return continuation.proceed();
        }
        if (!permits.tryAcquire()) {
            return Mono.just(busy(request));
        }
        // Released however the request ends: response, error or a client that went away.
        return Mono.defer(() -> Mono.from(continuation.proceed())).doFinally(signal -> permits.release());
    }

    private MutableHttpResponse<?> busy(HttpRequest<?> request) {
        MutableHttpResponse<Object> response = HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", RETRY_AFTER_SECONDS);
        // Answered before the rest of the filter chain, so the usual headers are added here.
        SecurityHeaders.apply(request, response);
        if (request.getPath().startsWith("/api/")) {
            return response.contentType(MediaType.APPLICATION_JSON_TYPE)
                    .body(ApiError.of(messages.get("api.error.busy")));
        }
        return response.contentType(MediaType.TEXT_HTML_TYPE)
                .body(errorPage.renderKeys(request, "error.busy.title", "error.busy.body"));
    }
}
