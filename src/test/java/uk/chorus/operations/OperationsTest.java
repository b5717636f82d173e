package uk.chorus.operations;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uk.chorus.support.Api;
import uk.chorus.support.ChorusTest;
import uk.chorus.support.StaffFixture;
import uk.chorus.support.TestDatabase;
import uk.chorus.themes.IndexFollower;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a platform running the service sees: liveness apart from readiness (ready once the search
 * index has caught up with the change log, not ready while its rebuild keeps failing, ready again
 * when a retry succeeds), and every named meter in Prometheus's text format at /metrics.
 */
@MicronautTest(transactional = false)
class OperationsTest extends ChorusTest {
    @Inject
    IndexFollower follower;

    @Override
    protected Map<String, String> extraProperties() {
        // Retries come quickly here; the API limit is low so one refusal can be counted.
        return Map.of("chorus.themes.first-retry-wait", "200ms", "chorus.rate-limits.api-per-minute", "3");
    }

    @Test
    void livenessAndReadinessAreApartAndSayNothingElse() {
        waitFor(() -> api().get("/health/readiness").status() == 200, "ready");
        Api.Reply live = api().get("/health/liveness");
        Api.Reply ready = api().get("/health/readiness");
        assertThat(live.status()).isEqualTo(200);
        assertThat(ready.status()).isEqualTo(200);
        // Status only: no database address, no index figures, for anyone who can reach the port.
        assertThat(ready.body()).contains("\"status\":\"UP\"").doesNotContain("jdbc", "lag", "searchIndex");
    }

    @Test
    void aFailedRebuildMakesTheInstanceNotReadyUntilARetrySucceeds() throws Exception {
        waitFor(() -> api().get("/health/readiness").status() == 200, "ready before the failure");
        long failuresBefore = follower.state().failures();
        // The rebuild reads every response: take the table away from under it.
        sql("ALTER TABLE responses RENAME TO responses_away");
        try {
            assertThat(follower.startRebuild("test")).isTrue();
            waitFor(() -> follower.state().failed(), "the rebuild failed");
            assertThat(api().get("/health/readiness").status()).isEqualTo(503);
            assertThat(api().get("/health/liveness").status()).as("alive: a restart would not help").isEqualTo(200);
            assertThat(api().get("/metrics").body()).contains("chorus_search_index_ready 0.0");
        } finally {
            sql("ALTER TABLE responses_away RENAME TO responses");
        }
        // Retried with a growing wait, without anyone asking: ready again once caught up.
        waitFor(() -> api().get("/health/readiness").status() == 200, "ready after a retry");
        assertThat(follower.state().failures()).isGreaterThan(failuresBefore);
        assertThat(follower.applied()).isGreaterThanOrEqualTo(0);
        String metrics = api().get("/metrics").body();
        assertThat(metrics).contains("chorus_search_index_ready 1.0", "chorus_search_index_lag 0.0");
        assertThat(metrics).containsPattern("chorus_search_index_failures_total [1-9]");
    }

    @Test
    void metricsArePrometheusTextWithTheNamedMeters() throws Exception {
        for (int i = 0; i < 4; i++) {
            api().postJson("/api/v1/surveys/family-voice-2026/responses", "{\"submissionId\": \"" + UUID.randomUUID()
                    + "\", \"answers\": " + StaffFixture.FAMILY_VOICE_ANSWERS + "}");
        }
        Api.Reply reply = api().get("/metrics");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/plain").contains("version=0.0.4"));
        assertThat(reply.body())
                // Requests, by route template and status.
                .contains("http_server_requests_seconds_count{")
                .contains("uri=\"/api/v1/surveys/{surveyId}/responses\"")
                // The group-commit writer: three responses committed, in groups; its queue.
                .containsPattern("chorus_responses_write_batch_size_sum 3\\.0")
                .contains("chorus_responses_write_queue 0.0", "chorus_responses_write_commit_seconds_count")
                // The index's lag behind the change log, the mail outbox, the fourth post refused.
                .contains("chorus_search_index_lag", "chorus_mail_outbox_queued", "chorus_mail_sent_total")
                .contains("chorus_rate_limit_refusals_total{kind=\"api\"} 1.0");
    }

    private void sql(String statement) throws Exception {
        try (Connection connection = TestDatabase.connect(databaseUrl); Statement s = connection.createStatement()) {
            s.execute(statement);
        }
    }

    private static void waitFor(BooleanSupplier condition, String what) {
        await(what).atMost(java.time.Duration.ofSeconds(30)).until(condition::getAsBoolean);
    }
}
