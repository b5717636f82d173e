package uk.chorus.operations;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** CHORUS_METRICS_TOKEN: when set, /metrics answers only that bearer token. */
class MetricsControllerTest {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    @Test
    void withATokenOnlyThatTokenReadsTheMetrics() {
        registry.counter("chorus.example").increment();
        MetricsController protectedMetrics = new MetricsController(registry, "s3cret-token");
        assertThat(protectedMetrics.scrape(null).code()).isEqualTo(401);
        assertThat(protectedMetrics.scrape("Bearer wrong").code()).isEqualTo(401);
        assertThat(protectedMetrics.scrape("Bearer s3cret-token").code()).isEqualTo(200);
        assertThat(protectedMetrics.scrape("Bearer s3cret-token").body()).contains("chorus_example_total 1.0");
    }

    @Test
    void withoutATokenTheMetricsAreOpen() {
        assertThat(new MetricsController(registry, "").scrape(null).code()).isEqualTo(200);
    }
}
