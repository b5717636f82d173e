package uk.chorus.themes;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * One comment as the search index holds it: a survey's written answer, a feedback item, and later
 * a pledge review. {@code id} names it everywhere ("r:12:biggest_difference", "f:7"); {@code
 * respondent} is whoever wrote it (a response id, or minus a feedback item's id), so counts can
 * say how many people raised a theme, not only how many comments. The confirmed and rejected sets
 * are leads' decisions about its themes, which always win over the themes' definitions.
 */
public record IndexedText(String id, String source, long respondent, @Nullable String surveyId, @Nullable Integer wave,
                          @Nullable String questionKey, @Nullable String channel, @Nullable String service,
                          LocalDate date, Map<String, String> about, String text, boolean restricted,
                          Set<String> confirmed, Set<String> rejected) {

    public static final String SURVEY = "survey";
    public static final String FEEDBACK = "feedback";
    public static final String PLEDGE = "pledge";
    /** Pledge reviewers count as people apart from families: their respondent numbers start here, downwards. */
    static final long PLEDGE_RESPONDENTS = -(1L << 40);

    public IndexedText withDecisions(Set<String> confirmed, Set<String> rejected) {
        return new IndexedText(id, source, respondent, surveyId, wave, questionKey, channel, service, date, about, text,
                restricted, confirmed, rejected);
    }

    public static String responseText(long responseId, String questionKey) {
        return "r:" + responseId + ":" + questionKey;
    }

    public static String pledgeText(long organisationId, Long commitmentId) {
        return "p:" + organisationId + ":" + (commitmentId == null ? "own" : commitmentId);
    }

    public static String feedbackText(long itemId) {
        return "f:" + itemId;
    }
}
