package uk.chorus.results;

import jakarta.inject.Singleton;
import uk.chorus.surveys.Audience;
import uk.chorus.surveys.SurveyDefinition;
import uk.chorus.web.Dates;
import uk.chorus.web.Messages;

import java.util.List;
import java.util.Optional;

/**
 * Whether a wave's results must be agreed by the forum they concern before they are published
 * (CHORUS_RESULTS_SIGN_OFF): the parent carer forum for a parents' and carers' survey, the youth
 * forum for a young people's survey; a staff team's survey concerns neither. The forum's newest
 * decision on the newest figures sent is the one that counts.
 */
@Singleton
class ResultsSignOff {
    private final ResultsConfiguration configuration;
    private final ResultReviews reviews;
    private final Messages messages;

    ResultsSignOff(ResultsConfiguration configuration, ResultReviews reviews, Messages messages) {
        this.configuration = configuration;
        this.reviews = reviews;
        this.messages = messages;
    }

    /** Where the review stands: the figures sent, and the forum's newest decision on them. */
    record Standing(ResultReviews.Review review, Optional<ResultReviews.SignOff> decision) {
        boolean agreed() {
            return decision.map(ResultReviews.SignOff::agreed).orElse(false);
        }
    }

    static Optional<String> forumFor(SurveyDefinition definition) {
        return switch (definition.audience()) {
            case PARENTS_CARERS -> Optional.of("parent-forum");
            case YOUNG_PEOPLE -> Optional.of("youth-forum");
            case PROFESSIONALS -> Optional.empty();
        };
    }

    boolean required(SurveyDefinition definition) {
        return configuration.isSignOff() && forumFor(definition).isPresent();
    }

    String forumName(String forum) {
        return messages.get("reports.forum." + forum);
    }

    Optional<Standing> standing(SurveyDefinition definition) {
        Optional<String> forum = forumFor(definition);
        return forum.flatMap(f -> reviews.latest(definition.id()).map(review -> {
            List<ResultReviews.SignOff> decided = reviews.decisions(review.surveyId(), review.digest());
            return new Standing(review, decided.stream().filter(d -> d.forum().equals(f)).reduce((a, b) -> b));
        }));
    }

    /** "Agreed with the parent carer forum on 3 March 2027", as the published pages say it. */
    String agreedWords(SurveyDefinition definition, ResultReviews.SignOff decision) {
        return messages.get("results.agreed", forumName(forumFor(definition).orElseThrow()), Dates.longForm(decision.at()));
    }

    /** Which audiences' surveys a forum member is asked to agree. */
    static boolean concerns(String forum, Audience audience) {
        return forum.equals("youth-forum") ? audience == Audience.YOUNG_PEOPLE : audience == Audience.PARENTS_CARERS;
    }
}
