package uk.chorus.surveys;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * A page of the survey: one question, or a small group that belong together. Pages belong to
 * a section ("About you", "School"), which is what the progress caption counts: sections do not
 * come and go as answers open branches, so "Section 3 of 5" stays true.
 */
@Serdeable
public record Page(@Nullable String title, @Nullable String section, List<Question> questions) {
}
