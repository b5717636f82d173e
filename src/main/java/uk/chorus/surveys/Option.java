package uk.chorus.surveys;

import io.micronaut.serde.annotation.Serdeable;

/** One answer a respondent can pick: a stable code (stored and compared across waves) and its label. */
@Serdeable
public record Option(String code, String label) {
}
