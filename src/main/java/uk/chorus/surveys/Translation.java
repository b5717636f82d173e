package uk.chorus.surveys;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;

/**
 * A survey's words in one more language, as the survey file gives them: the language's own name
 * (shown on the language links, "Polski"), whether it is written right to left, who signed it off
 * (null while it still needs a native speaker's review) and its texts by id (see {@link SurveyTexts}).
 * {@code sources}, when a translator's file brought the texts in, holds by id a hash of the English
 * each text translated, so a text whose English has changed since can be shown as needing review.
 */
@Serdeable
public record Translation(String name, boolean rightToLeft, @Nullable String signedOffBy, Map<String, String> texts,
                          @Nullable Map<String, String> sources) {

    @io.micronaut.core.annotation.Creator
    public Translation {
        texts = texts == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(texts));
        sources = sources == null || sources.isEmpty() ? null
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sources));
    }

    /** A translation written by hand, with no record of the English each text translated. */
    public Translation(String name, boolean rightToLeft, @Nullable String signedOffBy, Map<String, String> texts) {
        this(name, rightToLeft, signedOffBy, texts, null);
    }

    /** The hashes of the English each text translated; empty when nobody recorded them. */
    public Map<String, String> sourcesById() {
        return sources == null ? Map.of() : sources;
    }

    /** Translations nobody has signed off are marked so on the coverage page and in the export. */
    public boolean needsReview() {
        return signedOffBy == null;
    }
}
