package uk.chorus.responses;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.chorus.changes.ChangeLog;
import uk.chorus.surveys.Question;
import uk.chorus.surveys.SurveyVersions;

import java.util.List;

/**
 * Turns a draft into a response in one transaction. The draft row is locked first, so a double
 * click, a refresh or a retry after a dropped connection finds the response the first request
 * made and returns its reference: exactly one response per draft.
 */
@Singleton
class DraftSubmission {
    private final Drafts drafts;
    private final Responses responses;
    private final SurveyVersions versions;
    private final ChangeLog changes;

    DraftSubmission(Drafts drafts, Responses responses, SurveyVersions versions, ChangeLog changes) {
        this.drafts = drafts;
        this.responses = responses;
        this.versions = versions;
        this.changes = changes;
    }

    sealed interface Outcome {
        record Submitted(String reference) implements Outcome {
        }

        /** A required question is unanswered; the respondent is sent to its page. */
        record Incomplete(Question first, int pageNumber) implements Outcome {
        }

        record NoSuchDraft() implements Outcome {
        }
    }

    @Transactional
    Outcome submit(String resumeCode, String language) {
        Draft draft = drafts.lock(resumeCode).orElse(null);
        if (draft == null) {
            return new Outcome.NoSuchDraft();
        }
        if (draft.submitted()) {
            return new Outcome.Submitted(draft.reference());
        }
        var survey = versions.definition(draft.surveyVersionId()).orElseThrow();
        Progress progress = Progress.of(draft, survey);
        List<Question> missing = progress.answers().missingRequired();
        if (!missing.isEmpty()) {
            Question first = missing.get(0);
            return new Outcome.Incomplete(first, progress.pageNumberOf(first.key()));
        }
        var answers = progress.answers().shownOnly();
        Responses.Stored stored = responses.insertFromDraft(draft, answers,
                AnswerCoding.encode(survey, versions.vocabulary(draft.surveyVersionId()), answers), language);
        java.util.Map<String, String> unclear = new java.util.LinkedHashMap<>();
        for (String entry : Unclear.entries(draft.answers())) {
            String key = entry.substring(0, Math.max(0, entry.indexOf(':')));
            survey.question(key).filter(q -> progress.answers().isShown(q))
                    .ifPresent(q -> unclear.put(key, entry.substring(entry.indexOf(':') + 1)));
        }
        responses.recordUnclear(stored.id(), draft.surveyId(), unclear);
        drafts.markSubmitted(draft.id(), stored.id());
        changes.record(new ResponseSubmitted(stored.id(), draft.surveyId()));
        return new Outcome.Submitted(stored.reference());
    }
}
