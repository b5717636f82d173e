package uk.chorus.surveys;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Optional;

/**
 * One question as loaded from a survey file. The key is stable across waves so that the same
 * question can be compared year on year; options are always filled in for choice types (the
 * loader expands the standard agreement, yes/no, rating and about-you lists) so a stored version
 * records exactly what was shown.
 */
@Serdeable
public record Question(
        String key,
        QuestionType type,
        String text,
        @Nullable String hint,
        @Nullable String easyRead,
        boolean required,
        List<Option> options,
        @Nullable Integer maxLength,
        @Nullable Integer min,
        @Nullable Integer max,
        @Nullable ShowIf showIf,
        @Nullable AboutYouTopic about) {

    public Question {
        options = options == null ? List.of() : List.copyOf(options);
    }

    public Optional<Option> option(String code) {
        for (Option option : options) {
            if (option.code().equals(code)) {
                return Optional.of(option);
            }
        }
        return Optional.empty();
    }

    public String labelFor(String code) {
        return option(code).map(Option::label).orElse(code);
    }
}
