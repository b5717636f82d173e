package uk.chorus.responses;

import io.micronaut.core.annotation.Nullable;
import uk.chorus.changes.Change;

/** A survey's retention period ended: all its raw responses and drafts were deleted. */
public record RawAnswersExpired(String surveyId) implements Change {
    public static final String KIND = "raw-answers-expired";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    @Nullable
    public Long subjectId() {
        return null;
    }
}
