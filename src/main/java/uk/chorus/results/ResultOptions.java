package uk.chorus.results;

import io.micronaut.core.annotation.Nullable;

/**
 * What a results view shows: split by an about-you question ({@code by}), only one group
 * ({@code onlyKey} = {@code onlyCode}), partial responses in or out, weighted by an about-you
 * question's population shares, and whether figures are suppressed for publication (and rounded).
 */
public record ResultOptions(@Nullable String by, @Nullable String onlyKey, @Nullable String onlyCode, boolean partials,
                            @Nullable String weightBy, boolean suppress, boolean roundToFive) {

    /** Published figures: suppressed, complete responses only, never weighted unless asked. */
    static ResultOptions published(@Nullable String by, @Nullable String onlyKey, @Nullable String onlyCode,
                                   boolean roundToFive) {
        return new ResultOptions(by, onlyKey, onlyCode, false, null, true, roundToFive);
    }

    boolean filtered() {
        return onlyKey != null && onlyCode != null;
    }
}
