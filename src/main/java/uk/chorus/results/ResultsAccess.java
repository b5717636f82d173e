package uk.chorus.results;

import jakarta.inject.Singleton;
import uk.chorus.accounts.AnswerAccess;
import uk.chorus.accounts.Staff;
import uk.chorus.surveys.SurveyDefinition;

import java.util.Optional;

/**
 * Who sees which results. Leads who may read a survey's answers see its figures unsuppressed,
 * marked "not for publication", and everything else about it (exports of raw answers, population
 * sizes, publishing). Everyone else signed in (forum members, viewers, service contacts,
 * administrators, leads not assigned to a young people's survey) sees only published results,
 * suppressed, and nothing before a lead publishes them.
 */
@Singleton
class ResultsAccess {
    enum Sight { FULL, PUBLISHED, NONE }

    private final AnswerAccess answers;
    private final Publications publications;

    ResultsAccess(AnswerAccess answers, Publications publications) {
        this.answers = answers;
        this.publications = publications;
    }

    Sight of(Staff staff, SurveyDefinition survey) {
        if (answers.canSeeAnswers(staff, survey)) {
            return Sight.FULL;
        }
        return publications.of(survey.id()).isPresent() ? Sight.PUBLISHED : Sight.NONE;
    }

    Optional<Publications.Publication> publication(String surveyId) {
        return publications.of(surveyId);
    }
}
