package uk.chorus.operations;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Every meter in Prometheus's text format, for a platform to scrape. Meters hold counts, sizes
 * and timings by route template (never a path's own values, such as a resume code), so the page is
 * open by default, like the health endpoints; CHORUS_METRICS_TOKEN, when set, asks for it as a
 * bearer token (for a service reachable from the internet without a private network in front).
 */
@Controller("/metrics")
@Secured(SecurityRule.IS_ANONYMOUS)
class MetricsController {
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private final PrometheusMeterRegistry registry;
    private final byte[] expected;

    MetricsController(PrometheusMeterRegistry registry, @Value("${chorus.metrics.token:}") String token) {
        this.registry = registry;
        this.expected = token.isBlank() ? null : ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    }

    // Whatever the scraper accepts (Prometheus asks for OpenMetrics first): the answer is this text.
    @Get(produces = {PROMETHEUS_TEXT, io.micronaut.http.MediaType.ALL})
    HttpResponse<String> scrape(@Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization) {
        if (expected != null && (authorization == null
                || !MessageDigest.isEqual(expected, authorization.getBytes(StandardCharsets.UTF_8)))) {
            return HttpResponse.<String>unauthorized().header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return HttpResponse.ok(registry.scrape()).contentType(PROMETHEUS_TEXT);
    }
}
