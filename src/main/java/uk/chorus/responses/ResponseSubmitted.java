package uk.chorus.responses;

import io.micronaut.core.annotation.NonNull;
import uk.chorus.changes.Change;

/** A complete response was stored (web or API). */
public record ResponseSubmitted(long responseId, String surveyId) implements Change {
    public static final String KIND = "response-submitted";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    @NonNull
    public Long subjectId() {
        return responseId;
    }
}
