package uk.chorus.themes;

import io.micronaut.core.annotation.Nullable;
import uk.chorus.changes.Change;

/**
 * A theme was added or its definition edited. Themes are matched when counting, not stored in the
 * index, so nothing is re-indexed: every instance only forgets its cached counts.
 */
public record ThemeChanged() implements Change {
    public static final String KIND = "theme-changed";

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
    @Nullable
    public Long subjectId() {
        return null;
    }
}
