package uk.chorus.responses;

import jakarta.inject.Singleton;
import uk.chorus.surveys.LiveSurvey;
import uk.chorus.surveys.Question;
import uk.chorus.surveys.SurveyDefinition;
import uk.chorus.web.Message;
import uk.chorus.web.Messages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Complete responses sent in one request by other clients, made idempotent by their submission id. */
@Singleton
class ApiSubmissions {
    private static final int WAIT_SECONDS = 30;
    private final ResponseBatchWriter writer;
    private final AnswerJson json;
    private final Messages messages;
    private final uk.chorus.surveys.SurveyVersions versions;

    ApiSubmissions(ResponseBatchWriter writer, AnswerJson json, Messages messages,
                   uk.chorus.surveys.SurveyVersions versions) {
        this.writer = writer;
        this.json = json;
        this.messages = messages;
        this.versions = versions;
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

        /** The write queue is full or the write did not finish in time: try again shortly. */
        record Overloaded() implements Outcome {
        }
    }

    /**
     * Checks the answers and queues them for the next group commit. Nothing blocks: the outcome
     * completes when the transaction holding this response has committed. {@code language} is one
     * the survey offers, recorded with the response as the respondent's pages record theirs.
     */
    CompletableFuture<Outcome> submit(LiveSurvey survey, UUID submissionId, Map<String, Object> sent, String language) {
        Map<String, Message> errors = new LinkedHashMap<>();
        Map<String, Object> values = check(survey.definition(), sent, errors);
        if (!errors.isEmpty()) {
            Map<String, String> sentences = new LinkedHashMap<>();
            errors.forEach((key, message) -> sentences.put(key, messages.get(message)));
            return CompletableFuture.completedFuture(new Outcome.Invalid(sentences));
        }
        try {
            return writer.submit(submissionId, survey.id(), survey.versionId(), json.write(values),
                            AnswerCoding.encode(survey.definition(), versions.vocabulary(survey), values), language)
                    .orTimeout(WAIT_SECONDS, TimeUnit.SECONDS)
                    .thenApply(written -> outcome(survey, written))
                    // Not acknowledged in time: the client retries with the same submission id and
                    // still gets exactly one response.
                    .exceptionally(e -> unwrap(e) instanceof TimeoutException ? new Outcome.Overloaded() : rethrow(e));
        } catch (ResponseBatchWriter.Overloaded e) {
            return CompletableFuture.completedFuture(new Outcome.Overloaded());
        }
    }

    private static Outcome outcome(LiveSurvey survey, ResponseBatchWriter.Written written) {
        return switch (written) {
            case ResponseBatchWriter.Written.Created created -> new Outcome.Created(created.reference());
            case ResponseBatchWriter.Written.Earlier earlier -> earlier.surveyId().equals(survey.id())
                    ? new Outcome.Repeated(earlier.reference())
                    : new Outcome.UsedForAnotherSurvey();
        };
    }

    private static Throwable unwrap(Throwable e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }

    private static Outcome rethrow(Throwable e) {
        Throwable cause = unwrap(e);
        throw cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
    }

    /** Checks every answer; fills errors keyed by question key and returns the values to store. */
    static Map<String, Object> check(SurveyDefinition survey, Map<String, Object> sent, Map<String, Message> errors) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String key : sent.keySet()) {
            if (survey.question(key).isEmpty()) {
                errors.put(key, Message.of("answer.unknown.question"));
            }
        }
        List<Question> questions = survey.questionList();
        for (Question q : questions) {
            Object value = sent.get(q.key());
            if (value == null) {
                continue;
            }
            AnswerChecker.Checked checked = AnswerChecker.fromJson(q, value);
            if (checked.isError()) {
                errors.put(q.key(), checked.error());
            } else if (checked.value() != null) {
                values.put(q.key(), checked.value());
            }
        }
        Answers answers = new Answers(survey, values);
        for (Question question : questions) {
            if (errors.containsKey(question.key())) {
                continue;
            }
            boolean shown = answers.isShown(question);
            if (!shown && values.containsKey(question.key())) {
                errors.put(question.key(), Message.of("answer.not.shown", question.showIf().question()));
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
