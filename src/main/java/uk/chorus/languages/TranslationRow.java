package uk.chorus.languages;

import uk.chorus.surveys.SurveyDefinition;
import uk.chorus.surveys.SurveyTexts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * One text of a survey as a translator's file carries it: its id, the English, the translation
 * so far, and a hash of the English. The hash comes back with the translation, so an import can
 * tell a translation of words that have since changed from a translation of the words on the page.
 */
public record TranslationRow(String id, String english, String translation, String sourceHash) {

    /** Every text of the survey in the order a respondent meets them, with the language's current words. */
    static List<TranslationRow> of(SurveyDefinition survey, String language) {
        var translation = survey.translationsByLanguage().get(language);
        Map<String, String> given = translation == null ? Map.of() : translation.texts();
        List<TranslationRow> rows = new ArrayList<>();
        SurveyTexts.source(survey).forEach((id, english) ->
                rows.add(new TranslationRow(id, english, given.getOrDefault(id, ""), hash(english))));
        return rows;
    }

    /** The first 16 hex digits of the English's SHA-256: enough to notice a change, short enough for a cell. */
    static String hash(String english) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(english.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
