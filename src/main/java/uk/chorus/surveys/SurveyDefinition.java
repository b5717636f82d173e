package uk.chorus.surveys;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A survey exactly as its file describes it. {@code baseline} names the survey (an earlier wave)
 * whose answers this one is compared with; the first wave has none and is itself the baseline.
 * {@code retentionMonths} is how long after closing raw answers are kept; {@code forum} is the
 * forum that owns it (parent-carer-forum or youth-forum), or none for a staff team's survey;
 * {@code smallestGroup}, when set, is the fewest people a published figure of this survey may
 * describe (the service-wide CHORUS_SMALLEST_GROUP otherwise); {@code countdown} shows "N days left"
 * on the start page in the survey's last weeks.
 */
@Serdeable
public record SurveyDefinition(
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
        @Nullable Map<String, Translation> translations) {

    /** The language every survey file is written in; translations add others. */
    public static final String SOURCE_LANGUAGE = "en";

    @io.micronaut.core.annotation.Creator
    public SurveyDefinition {
        translations = translations == null || translations.isEmpty() ? null
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(translations));
    }

    /** A survey with no translations: the shape every caller used before languages existed. */
    public SurveyDefinition(String id, String title, Audience audience, String introduction, String privacyNotice,
                            LocalDate opens, LocalDate closes, int wave, @Nullable String baseline,
                            @Nullable Integer retentionMonths, @Nullable String forum, @Nullable Integer smallestGroup,
                            @Nullable Boolean countdown, List<Page> pages) {
        this(id, title, audience, introduction, privacyNotice, opens, closes, wave, baseline, retentionMonths, forum,
                smallestGroup, countdown, pages, null);
    }

    /** The translations by language code, in file order; empty when the survey is only in English. */
    public Map<String, Translation> translationsByLanguage() {
        return translations == null ? Map.of() : translations;
    }

    /**
     * The languages respondents may answer in: English, and every translation with all its
     * required texts. A language with texts missing is never offered, so nobody meets English part way.
     */
    public List<String> languages() {
        List<String> offered = new ArrayList<>();
        offered.add(SOURCE_LANGUAGE);
        translationsByLanguage().forEach((language, translation) -> {
            if (SurveyTexts.missing(this, language).isEmpty()) {
                offered.add(language);
            }
        });
        return offered;
    }

    /** The survey in one of its languages (English, or a language not offered, gives it unchanged). */
    public SurveyDefinition in(String language) {
        return languages().contains(language) ? SurveyTexts.localise(this, language) : this;
    }

    /** How long raw answers are kept after the survey closes, unless the file says otherwise. */
    public static final int DEFAULT_RETENTION_MONTHS = 24;

    /** The day after which raw answers are deleted; published aggregates stay. */
    public LocalDate deleteRawAnswersAfter() {
        return closes.plusMonths(retentionMonths == null ? DEFAULT_RETENTION_MONTHS : retentionMonths);
    }

    /** Whether the start page counts down the days to the closing date. */
    public boolean showsCountdown() {
        return Boolean.TRUE.equals(countdown);
    }

    /** The same survey with other pages: the builder's edits, which leave everything else as it was. */
    public SurveyDefinition withPages(List<Page> changed) {
        return new SurveyDefinition(id, title, audience, introduction, privacyNotice, opens, closes, wave, baseline,
                retentionMonths, forum, smallestGroup, countdown, List.copyOf(changed), translations);
    }

    /** The same survey with one language's translation put in (added, or in place of the one it had). */
    public SurveyDefinition withTranslation(String language, Translation translation) {
        java.util.Map<String, Translation> changed = new java.util.LinkedHashMap<>(translationsByLanguage());
        changed.put(language, translation);
        return new SurveyDefinition(id, title, audience, introduction, privacyNotice, opens, closes, wave, baseline,
                retentionMonths, forum, smallestGroup, countdown, pages, changed);
    }

    /** The same survey closing on another day (a lead closing it early). */
    public SurveyDefinition closingOn(LocalDate day) {
        return new SurveyDefinition(id, title, audience, introduction, privacyNotice, opens.isAfter(day) ? day : opens,
                day, wave, baseline, retentionMonths, forum, smallestGroup, countdown, pages, translations);
    }

    public Stream<Question> questions() {
        return pages.stream().flatMap(p -> p.questions().stream());
    }

    /** Plain loops: this runs several times for every answer checked, on the hottest path. */
    public Optional<Question> question(String key) {
        for (Page page : pages) {
            for (Question question : page.questions()) {
                if (question.key().equals(key)) {
                    return Optional.of(question);
                }
            }
        }
        return Optional.empty();
    }

    /** The sections pages belong to, in order; empty when the survey names none. */
    public List<String> sections() {
        List<String> sections = new ArrayList<>();
        for (Page page : pages) {
            if (page.section() != null && !sections.contains(page.section())) {
                sections.add(page.section());
            }
        }
        return sections;
    }

    /**
     * Minutes a respondent needs, shortest path (questions every respondent sees) and longest
     * (every question), from typical times per kind of question, rounded up.
     */
    public int[] minutesToComplete() {
        double shortest = 0;
        double longest = 0;
        for (Question q : questionList()) {
            double seconds = switch (q.type()) {
                case LONG_TEXT -> 90;
                case SHORT_TEXT -> 40;
                case MULTIPLE_CHOICE -> 20;
                case NUMBER, MONTH_YEAR -> 20;
                default -> 12;
            };
            longest += seconds;
            if (q.showIf() == null) {
                shortest += seconds;
            }
        }
        return new int[]{(int) Math.max(1, Math.ceil(shortest / 60)), (int) Math.max(1, Math.ceil(longest / 60))};
    }

    public List<Question> questionList() {
        List<Question> all = new ArrayList<>();
        for (Page page : pages) {
            all.addAll(page.questions());
        }
        return all;
    }
}
