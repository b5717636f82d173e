package uk.chorus.surveys;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A survey as the JSON API gives it: the definition's fields with its texts in one language, the
 * language they are in, and every language it is offered in. Other languages' texts are left out
 * (a client asks for the language it wants); codes and keys are the same in every language.
 */
@Serdeable
record SurveyInLanguage(
        String id,
        String title,
        Audience audience,
        String introduction,
        String privacyNotice,
        LocalDate opens,
        LocalDate closes,
        int wave,
        @Nullable String baseline,
        @Nullable Integer retentionMonths,
        @Nullable String forum,
        @Nullable Integer smallestGroup,
        @Nullable Boolean countdown,
        List<Page> pages,
        String language,
        List<Language> languages) {

    /** One language a survey is offered in; {@code needsReview} while no native speaker has signed it off. */
    @Serdeable
    record Language(String code, String name, String direction, boolean needsReview) {
    }

    static SurveyInLanguage of(SurveyDefinition survey, String language) {
        SurveyDefinition s = survey.in(language);
        List<Language> languages = new ArrayList<>();
        for (String code : survey.languages()) {
            Translation t = survey.translationsByLanguage().get(code);
            languages.add(t == null ? new Language(code, "English", "ltr", false)
                    : new Language(code, t.name(), t.rightToLeft() ? "rtl" : "ltr", t.needsReview()));
        }
        return new SurveyInLanguage(s.id(), s.title(), s.audience(), s.introduction(), s.privacyNotice(), s.opens(),
                s.closes(), s.wave(), s.baseline(), s.retentionMonths(), s.forum(), s.smallestGroup(), s.countdown(),
                s.pages(), language, List.copyOf(languages));
    }
}
