package uk.chorus.surveys;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** A page of the survey: one question, or a small group that belong together. */
@Serdeable
public record Page(@Nullable String title, List<Question> questions) {
}
