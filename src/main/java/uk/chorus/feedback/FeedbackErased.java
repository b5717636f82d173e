package uk.chorus.feedback;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import uk.chorus.changes.Change;

/** A feedback item was erased (a request, or the end of its channel's retention): drop every copy. */
public record FeedbackErased(long itemId) implements Change {
    public static final String KIND = "feedback-erased";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    @Nullable
    public String surveyId() {
        return null;
    }

    @Override
    @NonNull
    public Long subjectId() {
        return itemId;
    }
}
