package uk.chorus.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * When PostgreSQL is away (restarting, failing over, pool exhausted) the request gets a 503 with
 * Retry-After instead of a 500, and the service recovers by itself once the database is back.
 * Anything else unexpected is logged in full and answered with a plain 500 page.
 */
@Singleton
@Requires(classes = ExceptionHandler.class)
class DatabaseUnavailableHandler implements ExceptionHandler<RuntimeException, HttpResponse<?>> {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseUnavailableHandler.class);
    static final String RETRY_AFTER_SECONDS = "5";

    private final ErrorResponseProcessor<?> errors;

    DatabaseUnavailableHandler(ErrorResponseProcessor<?> errors) {
        this.errors = errors;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, RuntimeException exception) {
        if (isDatabaseUnavailable(exception)) {
            LOG.warn("Database unavailable for {} {}: {}", request.getMethod(), LoggedPaths.redact(request.getPath()),
                    exception.getMessage());
            return errors.processResponse(ErrorContext.builder(request).cause(exception).build(),
                    HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", RETRY_AFTER_SECONDS));
        }
        LOG.error("Unexpected failure for {} {}", request.getMethod(), LoggedPaths.redact(request.getPath()), exception);
        return errors.processResponse(ErrorContext.builder(request).cause(exception).build(),
                HttpResponse.serverError());
    }

    static boolean isDatabaseUnavailable(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // 08: connection exceptions; 57P: the server is shutting down or starting up.
                if (state.startsWith("08") || state.startsWith("57P")) {
                    return true;
                }
            }
        }
        return false;
    }
}
