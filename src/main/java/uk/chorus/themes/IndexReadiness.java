package uk.chorus.themes;

import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.health.HealthStatus;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Readiness (not liveness): an instance is ready to serve once its search index has caught up
 * with the change log after start-up, and stops being ready while a start or rebuild keeps failing
 * (it is retried; restarting would not help, so liveness stays up).
 */
@Singleton
class IndexReadiness implements HealthIndicator {
    static final String NAME = "searchIndex";
    private final IndexFollower follower;

    IndexReadiness(IndexFollower follower) {
        this.follower = follower;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        IndexFollower.State state = follower.state();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("caughtUp", state.ready());
        details.put("failing", state.failed());
        details.put("lag", state.lag());
        return Mono.just(HealthResult.builder(NAME, state.ready() ? HealthStatus.UP : HealthStatus.DOWN)
                .details(details).build());
    }
}
