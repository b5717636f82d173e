package uk.chorus.surveys;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;

/**
 * A survey's words in one more language, as the survey file gives them: the language's own name
 * (shown on the language links, "Polski"), whether it is written right to left, who signed it off
 * (null while it still needs a native speaker's review) and its texts by id (see {@link SurveyTexts}).
 */
@Serdeable
public record Translation(String name, boolean rightToLeft, @Nullable String signedOffBy, Map<String, String> texts) {

    public Translation {
        texts = texts == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(texts));
    }

    /** Translations nobody has signed off are marked so on the coverage page and in the export. */
    public boolean needsReview() {
        return signedOffBy == null;
    }
}
