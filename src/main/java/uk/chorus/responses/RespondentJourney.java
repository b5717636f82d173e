package uk.chorus.responses;

import jakarta.inject.Singleton;
import uk.chorus.surveys.LiveSurvey;
import uk.chorus.surveys.SurveyVersions;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The web journey through a survey: start, save each page, submit. */
@Singleton
class RespondentJourney {
    private static final int SUBMIT_ATTEMPTS = 3;

    private final Drafts drafts;
    private final SurveyVersions versions;
    private final DraftSubmission submission;

    RespondentJourney(Drafts drafts, SurveyVersions versions, DraftSubmission submission) {
        this.drafts = drafts;
        this.versions = versions;
        this.submission = submission;
    }

    Draft start(LiveSurvey survey) {
        return drafts.create(survey.id(), survey.versionId());
    }

    /** The respondent's progress, only if the code belongs to a draft of this very survey. */
    Optional<Progress> open(String surveyId, String typedCode) {
        return Codes.readResumeCode(typedCode)
                .flatMap(drafts::find)
                .filter(draft -> draft.surveyId().equals(surveyId))
                .flatMap(draft -> versions.definition(draft.surveyVersionId()).map(s -> Progress.of(draft, s)));
    }

    sealed interface Saved {
        record Invalid(AnswerChecker.PageCheck check, Map<String, List<String>> form) implements Saved {
        }

        record Next(Progress after) implements Saved {
        }

        record AlreadySubmitted() implements Saved {
        }
    }

    /** Checks a page and, when it is right, saves it before the respondent moves on. */
    Saved savePage(Progress progress, int pageNumber, Map<String, List<String>> form) {
        var check = AnswerChecker.page(progress.page(pageNumber).questions(), progress.answers(), form);
        if (!check.ok()) {
            return new Saved.Invalid(check, form);
        }
        if (!drafts.saveAnswers(progress.code(), check.values(), check.cleared(), pageNumber)) {
            return new Saved.AlreadySubmitted();
        }
        Draft saved = new Draft(progress.draft().id(), progress.code(), progress.draft().surveyId(),
                progress.draft().surveyVersionId(), progress.answers().with(check.values(), check.cleared()).values(),
                Math.max(progress.draft().furthestPage(), pageNumber), null);
        return new Saved.Next(Progress.of(saved, progress.survey()));
    }

    DraftSubmission.Outcome submit(Progress progress) {
        for (int attempt = 1; ; attempt++) {
            try {
                return submission.submit(progress.code());
            } catch (RuntimeException e) {
                // Only a clash of the random reference is worth another go; it rolled back cleanly.
                if (attempt >= SUBMIT_ATTEMPTS || !Drafts.isUniqueViolation(e)) {
                    throw e;
                }
            }
        }
    }
}
