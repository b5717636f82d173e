package uk.chorus.responses;

import io.micronaut.core.annotation.NonNull;
import uk.chorus.changes.Change;

/** An unfinished draft was erased (at its respondent's request, or left empty). */
public record DraftErased(long draftId, String surveyId) implements Change {
    public static final String KIND = "draft-erased";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    @NonNull
    public Long subjectId() {
        return draftId;
    }
}
