package uk.chorus.languages;

import io.micronaut.core.annotation.Nullable;
import uk.chorus.surveys.SurveyDefinition;
import uk.chorus.surveys.Translation;

import java.util.ArrayList;
import java.util.List;

/**
 * How far one language of a survey has got: texts translated out of all of them, which are
 * missing (any missing keeps the language from families altogether, so nobody meets English part
 * way), and which need a look: a text whose English changed after it was translated (known for
 * texts a translator's file brought in), and a translation the same as the English, usually one not done yet.
 * Until a native speaker signs a translation off, all of it needs review, and the page says so.
 */
public record Coverage(String language, String name, boolean rightToLeft, int total, int translated, boolean offered,
                @Nullable String signedOffBy, List<TranslationRow> missing, List<TranslationRow> englishChanged,
                List<TranslationRow> sameAsEnglish) {

    static Coverage of(SurveyDefinition survey, String language) {
        Translation translation = survey.translationsByLanguage().get(language);
        List<TranslationRow> missing = new ArrayList<>();
        List<TranslationRow> changed = new ArrayList<>();
        List<TranslationRow> same = new ArrayList<>();
        List<TranslationRow> rows = TranslationRow.of(survey, language);
        for (TranslationRow row : rows) {
            String translated = translation.sourcesById().get(row.id());
            if (row.translation().isBlank()) {
                missing.add(row);
            } else if (translated != null && !translated.equals(row.sourceHash())) {
                // The English was edited (in the builder, say) after this text was translated.
                changed.add(row);
            } else if (row.translation().strip().equals(row.english().strip()) && row.english().matches("(?s).*\\p{L}{3,}\\s+\\p{L}{3,}.*")) {
                // Names and abbreviations (EHCP, SENDIASS) may rightly stay as they are; sentences rarely do.
                same.add(row);
            }
        }
        return new Coverage(language, translation.name(), translation.rightToLeft(), rows.size(),
                rows.size() - missing.size(), missing.isEmpty(), translation.signedOffBy(), List.copyOf(missing),
                List.copyOf(changed), List.copyOf(same));
    }

    static List<Coverage> all(SurveyDefinition survey) {
        return survey.translationsByLanguage().keySet().stream().map(language -> of(survey, language)).toList();
    }

    public boolean needsReview() {
        return signedOffBy == null;
    }

    public int missingCount() {
        return missing.size();
    }

    public int percent() {
        return total == 0 ? 100 : (int) Math.floor(100.0 * translated / total);
    }
}
