package uk.chorus.feedback;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import uk.chorus.changes.Change;

/** A feedback item was stored (any channel): its words may now be indexed. */
public record FeedbackReceived(long itemId) implements Change {
    public static final String KIND = "feedback-received";

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
