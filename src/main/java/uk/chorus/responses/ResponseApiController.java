package uk.chorus.responses;

import io.micronaut.core.annotation.NonBlocking;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;
import uk.chorus.surveys.LiveSurvey;
import uk.chorus.surveys.SurveyCatalogue;
import uk.chorus.surveys.SurveyStatus;
import uk.chorus.web.ApiError;
import uk.chorus.web.Dates;

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
    private final Responses responses;

    ResponseApiController(SurveyCatalogue catalogue, ApiSubmissions submissions, JsonBody jsonBody,
                          Responses responses) {
        this.catalogue = catalogue;
        this.submissions = submissions;
        this.jsonBody = jsonBody;
        this.responses = responses;
    }

    @Serdeable
    record Created(String id) {
    }

    /**
     * Runs on the event loop: it only checks answers in memory and queues them, and the reply is
     * sent when the group commit holding this response completes. No thread waits for the database.
     */
    @NonBlocking
    @Post(uri = "/responses", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    CompletableFuture<HttpResponse<?>> submit(String surveyId, @Nullable @Body byte[] body) {
        Optional<LiveSurvey> found = catalogue.find(surveyId);
        if (found.isEmpty()) {
            return done(HttpResponse.notFound(ApiError.of("There is no survey with the id '" + surveyId + "'.")));
        }
        LiveSurvey survey = found.get();
        SurveyStatus status = survey.statusOn(catalogue.today());
        if (status == SurveyStatus.CLOSED) {
            return done(HttpResponse.status(HttpStatus.GONE).body(ApiError.of("This survey closed on "
                    + Dates.longForm(survey.definition().closes()) + " and takes no more responses.")));
        }
        if (status == SurveyStatus.NOT_YET_OPEN) {
            return done(HttpResponse.status(HttpStatus.CONFLICT).body(ApiError.of("This survey opens on "
                    + Dates.longForm(survey.definition().opens()) + ".")));
        }
        JsonBody.Read read = jsonBody.read(body == null ? new byte[0] : body);
        if (read.submission().isEmpty()) {
            return done(HttpResponse.badRequest(ApiError.of(read.problem())));
        }
        JsonBody.Submission submission = read.submission().get();
        return submissions.submit(survey, submission.submissionId(), submission.answers())
                .thenApply(ResponseApiController::reply);
    }

    private static HttpResponse<?> reply(ApiSubmissions.Outcome outcome) {
        return switch (outcome) {
            case ApiSubmissions.Outcome.Created created -> HttpResponse.created(new Created(created.id()));
            case ApiSubmissions.Outcome.Repeated repeated -> HttpResponse.ok(new Created(repeated.id()));
            case ApiSubmissions.Outcome.Invalid invalid -> HttpResponse.unprocessableEntity()
                    .body(new ApiError("Some answers need fixing.", invalid.errors()));
            case ApiSubmissions.Outcome.UsedForAnotherSurvey ignored -> HttpResponse.status(HttpStatus.CONFLICT)
                    .body(ApiError.of("This submissionId was already used for a response to another survey."));
            case ApiSubmissions.Outcome.Overloaded ignored -> HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header("Retry-After", "5")
                    .body(ApiError.of("Too many responses are arriving at once. Send the same request, with the "
                            + "same submissionId, again in a few seconds: it will be stored once."));
        };
    }

    private static CompletableFuture<HttpResponse<?>> done(HttpResponse<?> response) {
        return CompletableFuture.completedFuture(response);
    }

    /** Complete and partial response counts for signed-in staff: aggregates only, never answers. */
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Get(uri = "/counts", produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> counts(String surveyId) {
        if (catalogue.find(surveyId).isEmpty()) {
            return HttpResponse.notFound(ApiError.of("There is no survey with the id '" + surveyId + "'."));
        }
        return HttpResponse.ok(responses.count(surveyId));
    }
}
