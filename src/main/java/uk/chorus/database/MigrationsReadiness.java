package uk.chorus.database;

import io.micronaut.health.HealthStatus;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import org.flywaydb.core.Flyway;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import javax.sql.DataSource;
import java.util.Map;

/**
 * Readiness: every migration this build ships has been applied to the database. (Whether the
 * database answers at all is Micronaut's own readiness check.) Once true it stays true: a
 * database migrated further by a newer instance is still one this instance can serve.
 */
@Singleton
class MigrationsReadiness implements HealthIndicator {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MigrationsReadiness.class);
    private final DataSource dataSource;
    private volatile boolean done;

    MigrationsReadiness(DataSource dataSource, DataSourceResolver resolver) {
        // The pool itself: the injected one hands out connections only inside Micronaut's own
        // connection or transaction scope, which Flyway does not open.
        this.dataSource = resolver.resolve(dataSource);
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Mono.fromCallable(() -> {
            int pending = done ? 0 : pending();
            done = pending == 0;
            return HealthResult.builder("migrations", done ? HealthStatus.UP : HealthStatus.DOWN)
                    .details(Map.of("pending", pending)).build();
        }).onErrorResume(e -> {
            LOG.warn("Could not tell whether the database's migrations are done: {}", e.getMessage());
            return Mono.just(HealthResult.builder("migrations", HealthStatus.DOWN).build());
        });
    }

    private int pending() {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().info()
                .pending().length;
    }
}
