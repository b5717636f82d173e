package uk.chorus.responses;

import io.micronaut.core.annotation.NonBlocking;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import uk.chorus.surveys.LiveSurvey;
import uk.chorus.surveys.SurveyCatalogue;
import uk.chorus.surveys.SurveyLanguages;
import uk.chorus.surveys.SurveyStatus;
import uk.chorus.web.ApiError;
import uk.chorus.web.Dates;
import uk.chorus.web.Messages;
import uk.chorus.web.RequestBody;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** The JSON API other clients (the Local Offer site, a youth forum's app) send responses to. */
// Public: respondents never sign in.
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller("/api/v1/surveys/{surveyId}")
class ResponseApiController {
    private final SurveyCatalogue catalogue;
    private final ApiSubmissions submissions;
    private final JsonBody jsonBody;
    private final Messages messages;

    ResponseApiController(SurveyCatalogue catalogue, ApiSubmissions submissions, JsonBody jsonBody,
                          Messages messages) {
        this.catalogue = catalogue;
        this.submissions = submissions;
        this.jsonBody = jsonBody;
        this.messages = messages;
    }

    @Serdeable
    record Created(String id) {
    }

    /**
     * Runs on the event loop: it only checks answers in memory and queues them, and the reply is
     * sent when the group commit holding this response completes. No thread waits for the database.
     */
    @NonBlocking
    @Post(uri = "/responses", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    CompletableFuture<HttpResponse<?>> submit(String surveyId, HttpRequest<byte[]> request) {
        // The body must say it is JSON: a form or a body with no type is refused before it is read.
        boolean json = request.getContentType().map(type -> type.matches(MediaType.APPLICATION_JSON_TYPE))
                .orElse(false);
        if (!json) {
            return done(HttpResponse.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                    .body(ApiError.of(messages.get("api.json.required"))));
        }
        Optional<LiveSurvey> found = catalogue.find(surveyId);
        if (found.isEmpty()) {
            return done(HttpResponse.notFound(ApiError.of(messages.get("api.survey.not.found", surveyId))));
        }
        LiveSurvey survey = found.get();
        SurveyStatus status = survey.statusOn(catalogue.today());
        if (status == SurveyStatus.CLOSED) {
            return done(HttpResponse.status(HttpStatus.GONE).body(ApiError.of(messages.get("api.survey.closed",
                    Dates.longForm(survey.definition().closes())))));
        }
        if (status == SurveyStatus.NOT_YET_OPEN) {
            return done(HttpResponse.status(HttpStatus.CONFLICT).body(ApiError.of(messages.get("api.survey.not.open",
                    Dates.longForm(survey.definition().opens())))));
        }
        // The language the answers were given in, as the respondent's pages record it: asked for by
        // ?lang=, else guessed from Accept-Language. One the survey does not offer is refused whole.
        String asked = request.getParameters().getFirst("lang").orElse(null);
        Optional<String> language = SurveyLanguages.choose(survey.definition(), asked,
                request.getHeaders().get(HttpHeaders.ACCEPT_LANGUAGE));
        if (language.isEmpty()) {
            return done(HttpResponse.badRequest(ApiError.of(messages.get("api.language.not.offered", asked,
                    String.join(", ", survey.definition().languages())))));
        }
        JsonBody.Read read = jsonBody.read(RequestBody.bytes(request));
        if (read.submission().isEmpty()) {
            return done(HttpResponse.badRequest(ApiError.of(read.problem())));
        }
        JsonBody.Submission submission = read.submission().get();
        return submissions.submit(survey, submission.submissionId(), submission.answers(),
                language.get()).thenApply(this::reply);
    }

    private HttpResponse<?> reply(ApiSubmissions.Outcome outcome) {
        return switch (outcome) {
            case ApiSubmissions.Outcome.Created created -> HttpResponse.created(new Created(created.id()));
            case ApiSubmissions.Outcome.Repeated repeated -> HttpResponse.ok(new Created(repeated.id()));
            case ApiSubmissions.Outcome.Invalid invalid -> HttpResponse.unprocessableEntity()
                    .body(new ApiError(messages.get("api.answers.invalid"), invalid.errors()));
            case ApiSubmissions.Outcome.UsedForAnotherSurvey ignored -> HttpResponse.status(HttpStatus.CONFLICT)
                    .body(ApiError.of(messages.get("api.submission.other.survey")));
            case ApiSubmissions.Outcome.Overloaded ignored -> HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header("Retry-After", "5")
                    .body(ApiError.of(messages.get("api.overloaded")));
        };
    }

    private static CompletableFuture<HttpResponse<?>> done(HttpResponse<?> response) {
        return CompletableFuture.completedFuture(response);
    }
}
