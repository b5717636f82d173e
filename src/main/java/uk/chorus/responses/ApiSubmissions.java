package uk.chorus.responses;

import jakarta.inject.Singleton;
import uk.chorus.surveys.LiveSurvey;
import uk.chorus.surveys.Question;
import uk.chorus.surveys.SurveyDefinition;
import uk.chorus.web.Messages;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Complete responses sent in one request by other clients, made idempotent by their submission id. */
@Singleton
class ApiSubmissions {
    private static final int ATTEMPTS = 3;
    private final Responses responses;

    ApiSubmissions(Responses responses) {
        this.responses = responses;
    }

    sealed interface Outcome {
        record Created(String id) implements Outcome {
        }

        record Repeated(String id) implements Outcome {
        }

        record Invalid(Map<String, String> errors) implements Outcome {
        }

        record UsedForAnotherSurvey() implements Outcome {
        }
    }

    Outcome submit(LiveSurvey survey, UUID submissionId, Map<String, Object> sent) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> values = check(survey.definition(), sent, errors);
        if (!errors.isEmpty()) {
            return new Outcome.Invalid(errors);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                Optional<String> created = responses.insertOnce(submissionId, survey.id(), survey.versionId(), values,
                        Codes.newReference());
                if (created.isPresent()) {
                    return new Outcome.Created(created.get());
                }
                return responses.bySubmissionId(submissionId)
                        .<Outcome>map(earlier -> earlier.surveyId().equals(survey.id())
                                ? new Outcome.Repeated(earlier.reference())
                                : new Outcome.UsedForAnotherSurvey())
                        .orElseThrow();
            } catch (RuntimeException e) {
                // A clash of the random reference: nothing was stored, so try another.
                if (attempt >= ATTEMPTS || !Drafts.isUniqueViolation(e)) {
                    throw e;
                }
            }
        }
    }

    /** Checks every answer; fills errors keyed by question key and returns the values to store. */
    static Map<String, Object> check(SurveyDefinition survey, Map<String, Object> sent, Map<String, String> errors) {
        Map<String, Object> values = new LinkedHashMap<>();
        sent.keySet().stream()
                .filter(key -> survey.question(key).isEmpty())
                .forEach(key -> errors.put(key, Messages.get("answer.unknown.question")));
        survey.questions().filter(q -> sent.get(q.key()) != null).forEach(q -> {
            AnswerChecker.Checked checked = AnswerChecker.fromJson(q, sent.get(q.key()));
            if (checked.isError()) {
                errors.put(q.key(), checked.error());
            } else if (checked.value() != null) {
                values.put(q.key(), checked.value());
            }
        });
        Answers answers = new Answers(survey, values);
        for (Question question : survey.questions().toList()) {
            if (errors.containsKey(question.key())) {
                continue;
            }
            boolean shown = answers.isShown(question);
            if (!shown && values.containsKey(question.key())) {
                errors.put(question.key(), Messages.get("answer.not.shown", question.showIf().question()));
            } else if (shown && !values.containsKey(question.key())) {
                AnswerChecker.Checked missing = AnswerChecker.fromJson(question, null);
                if (missing.isError()) {
                    errors.put(question.key(), missing.error());
                }
            }
        }
        return values;
    }
}
