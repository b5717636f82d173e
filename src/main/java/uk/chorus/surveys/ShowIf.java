package uk.chorus.surveys;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * Shows a question only when an earlier question was answered with one of the given codes.
 * For a multiple-choice question, any one of the codes being ticked is enough.
 */
@Serdeable
public record ShowIf(String question, List<String> anyOf) {
}
