package uk.chorus.responses;

import jakarta.inject.Singleton;
import uk.chorus.surveys.LiveSurvey;
import uk.chorus.surveys.SurveyVersions;
import uk.chorus.web.RateLimiter;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The web journey through a survey: open or begin, save each page, submit. Starting issues a
 * fresh resume code (remembered as issued, see {@link IssuedCodes}) and shows page 1 under it;
 * the draft row is made when that page is first saved, so merely opening a survey writes no draft.
 */
@Singleton
class RespondentJourney {
    private static final int SUBMIT_ATTEMPTS = 3;

    private final Drafts drafts;
    private final SurveyVersions versions;
    private final DraftSubmission submission;
    private final RateLimiter limiter;
    private final IssuedCodes issued;

    RespondentJourney(Drafts drafts, SurveyVersions versions, DraftSubmission submission, RateLimiter limiter,
                      IssuedCodes issued) {
        this.drafts = drafts;
        this.issued = issued;
        this.versions = versions;
        this.submission = submission;
        this.limiter = limiter;
    }

    /** A stored draft's progress, only if the code belongs to a draft of this very survey. */
    Optional<Progress> open(String surveyId, String typedCode) {
        return Codes.readResumeCode(typedCode)
                .flatMap(drafts::find)
                .filter(draft -> draft.surveyId().equals(surveyId))
                .flatMap(draft -> versions.definition(draft.surveyVersionId()).map(s -> Progress.of(draft, s)));
    }

    /**
     * A stored draft's progress; or, on page 1 under a code the service issued for this survey and
     * nobody has used, a new respondent's progress, not stored until the page is saved. A code the
     * service never issued opens nothing, so a made-up link cannot collect someone's answers.
     */
    Optional<Progress> openOrBegin(LiveSurvey survey, String typedCode, int pageNumber) {
        Optional<String> code = Codes.readResumeCode(typedCode);
        if (code.isEmpty() || !code.get().equals(typedCode)) {
            return Optional.empty();
        }
        Optional<Draft> stored = drafts.find(code.get());
        if (stored.isPresent()) {
            return open(survey.id(), code.get());
        }
        if (pageNumber != 1 || !issued.issued(code.get(), survey.id())) {
            return Optional.empty();
        }
        // The stored version's own words: the respondent's language and level are applied by the page.
        return Optional.of(Progress.of(Draft.unsaved(code.get(), survey.id(), survey.versionId()),
                versions.definition(survey.versionId()).orElse(survey.definition())));
    }

    /** A fresh code for someone starting, remembered as issued; no draft is stored until they save page 1. */
    String newCode(String surveyId) {
        String code = Codes.newResumeCode();
        issued.issue(code, surveyId);
        return code;
    }

    sealed interface Saved {
        /** Errors on page 1 of a draft not stored yet: shown at once, and nothing is stored. */
        record Invalid(AnswerChecker.PageCheck check, Map<String, List<String>> form) implements Saved {
        }

        /** Errors on a stored draft's page: what was typed is kept, to be shown by a GET. */
        record Rejected() implements Saved {
        }

        record Next(Progress after) implements Saved {
        }

        record AlreadySubmitted() implements Saved {
        }

        record NotFound() implements Saved {
        }

        /** Too many new drafts from one address in a minute. */
        record TooManyNew(long seconds) implements Saved {
        }
    }

    /** Checks a page and, when it is right, saves it before the respondent moves on. */
    Saved savePage(Progress progress, int pageNumber, Map<String, List<String>> form, String clientAddress) {
        var check = AnswerChecker.page(progress.page(pageNumber).questions(), progress.answers(), form);
        if (!check.ok()) {
            if (!progress.draft().saved()) {
                return new Saved.Invalid(check, form);
            }
            return drafts.keepRejected(progress.code(), pageNumber, form) ? new Saved.Rejected()
                    : new Saved.AlreadySubmitted();
        }
        Progress current = progress;
        if (!progress.draft().saved()) {
            OptionalLong wait = limiter.take(RateLimiter.Kind.NEW_DRAFT, clientAddress);
            if (wait.isPresent()) {
                return new Saved.TooManyNew(wait.getAsLong());
            }
            Draft draft = progress.draft();
            if (!drafts.create(draft.resumeCode(), draft.surveyId(), draft.surveyVersionId())) {
                // Saved a moment ago (a double press, a retry): save into that draft, if it is this survey's.
                Optional<Progress> existing = open(draft.surveyId(), draft.resumeCode());
                if (existing.isEmpty()) {
                    return new Saved.NotFound();
                }
                current = existing.get();
            }
        }
        if (!drafts.saveAnswers(current.code(), check.values(), check.cleared(), pageNumber)) {
            return new Saved.AlreadySubmitted();
        }
        Draft saved = new Draft(Math.max(1, current.draft().id()), current.code(), current.draft().surveyId(),
                current.draft().surveyVersionId(), current.answers().with(check.values(), check.cleared()).values(),
                Math.max(current.draft().furthestPage(), pageNumber), null, null);
        return new Saved.Next(Progress.of(saved, current.survey()));
    }

    DraftSubmission.Outcome submit(Progress progress, String language) {
        for (int attempt = 1; ; attempt++) {
            try {
                return submission.submit(progress.code(), language);
            } catch (RuntimeException e) {
                // Only a clash of the random reference is worth another go; it rolled back cleanly.
                if (attempt >= SUBMIT_ATTEMPTS || !Drafts.isUniqueViolation(e)) {
                    throw e;
                }
            }
        }
    }
}
