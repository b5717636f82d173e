package uk.chorus.responses;

import io.micronaut.core.annotation.NonNull;
import uk.chorus.changes.Change;

/** A response was erased at its respondent's request: every copy of its answers must go too. */
public record ResponseErased(long responseId, String surveyId) implements Change {
    public static final String KIND = "response-erased";

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
