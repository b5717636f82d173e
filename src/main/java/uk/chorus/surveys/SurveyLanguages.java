package uk.chorus.surveys;

import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which of a survey's languages a request reads in, the same way for the respondent's pages and
 * for the JSON API: a language asked for by name ({@code ?lang=pl}) must be one the survey offers,
 * or the request is refused (a client asking for German must not silently get English); the
 * browser's Accept-Language is only a preference, so when none of it is offered English is used.
 */
public final class SurveyLanguages {
    private SurveyLanguages() {
    }

    /** The language asked for, or Accept-Language's best offered guess; empty when an asked-for one is not offered. */
    public static Optional<String> choose(SurveyDefinition survey, @Nullable String asked, @Nullable String acceptLanguage) {
        List<String> offered = survey.languages();
        if (asked != null) {
            String wanted = asked.strip().toLowerCase(Locale.ROOT);
            return offered.contains(wanted) ? Optional.of(wanted) : Optional.empty();
        }
        return Optional.of(fromAcceptLanguage(acceptLanguage, offered));
    }

    /** The first language in an Accept-Language header that is offered ("pl-PL" counts as "pl"), else English. */
    public static String fromAcceptLanguage(@Nullable String header, List<String> offered) {
        if (header != null) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                    String wanted = range.getRange().split("-")[0].toLowerCase(Locale.ROOT);
                    if (offered.contains(wanted)) {
                        return wanted;
                    }
                }
            } catch (IllegalArgumentException e) {
                // A header nobody could read is no preference at all.
            }
        }
        return SurveyDefinition.SOURCE_LANGUAGE;
    }
}
