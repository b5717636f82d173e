package uk.chorus.surveys;

import io.micronaut.serde.annotation.Serdeable;

/**
 * A picture beside a question at the symbols reading level: the name of a bundled OpenMoji SVG
 * (under /assets/chorus/symbols/) and the words it stands for, read out by screen readers.
 */
@Serdeable
public record Symbol(String name, String alt) {
}
