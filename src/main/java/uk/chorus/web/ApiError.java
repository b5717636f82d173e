package uk.chorus.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;

/** The body of every JSON error: one sentence, and for invalid answers a message per question key. */
@Serdeable
public record ApiError(String message, @Nullable Map<String, String> errors) {
    public static ApiError of(String message) {
        return new ApiError(message, null);
    }
}
