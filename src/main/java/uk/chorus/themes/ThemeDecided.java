package uk.chorus.themes;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import uk.chorus.changes.Change;

/** A lead confirmed, rejected or took back a comment's theme: the comment's index entry follows. */
public record ThemeDecided(long decisionId) implements Change {
    public static final String KIND = "theme-decided";

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
        return decisionId;
    }
}
