package uk.chorus.responses;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;
import uk.chorus.surveys.LiveSurvey;
import uk.chorus.surveys.SurveyCatalogue;
import uk.chorus.surveys.SurveyStatus;
import uk.chorus.web.ApiError;
import uk.chorus.web.Dates;

import java.util.Optional;

/** The JSON API other clients (the Local Offer site, a youth forum's app) send responses to. */
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

    @Post(uri = "/responses", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> submit(String surveyId, @Nullable @Body byte[] body) {
        Optional<LiveSurvey> found = catalogue.find(surveyId);
        if (found.isEmpty()) {
            return HttpResponse.notFound(ApiError.of("There is no survey with the id '" + surveyId + "'."));
        }
        LiveSurvey survey = found.get();
        SurveyStatus status = survey.statusOn(catalogue.today());
        if (status == SurveyStatus.CLOSED) {
            return HttpResponse.status(HttpStatus.GONE).body(ApiError.of("This survey closed on "
                    + Dates.longForm(survey.definition().closes()) + " and takes no more responses."));
        }
        if (status == SurveyStatus.NOT_YET_OPEN) {
            return HttpResponse.status(HttpStatus.CONFLICT).body(ApiError.of("This survey opens on "
                    + Dates.longForm(survey.definition().opens()) + "."));
        }
        JsonBody.Read read = jsonBody.read(body == null ? new byte[0] : body);
        if (read.submission().isEmpty()) {
            return HttpResponse.badRequest(ApiError.of(read.problem()));
        }
        JsonBody.Submission submission = read.submission().get();
        return switch (submissions.submit(survey, submission.submissionId(), submission.answers())) {
            case ApiSubmissions.Outcome.Created created -> HttpResponse.created(new Created(created.id()));
            case ApiSubmissions.Outcome.Repeated repeated -> HttpResponse.ok(new Created(repeated.id()));
            case ApiSubmissions.Outcome.Invalid invalid -> HttpResponse.unprocessableEntity()
                    .body(new ApiError("Some answers need fixing.", invalid.errors()));
            case ApiSubmissions.Outcome.UsedForAnotherSurvey ignored -> HttpResponse.status(HttpStatus.CONFLICT)
                    .body(ApiError.of("This submissionId was already used for a response to another survey."));
        };
    }

    /** Complete and partial response counts: aggregates only, never answers. */
    @Get(uri = "/counts", produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> counts(String surveyId) {
        if (catalogue.find(surveyId).isEmpty()) {
            return HttpResponse.notFound(ApiError.of("There is no survey with the id '" + surveyId + "'."));
        }
        return HttpResponse.ok(responses.count(surveyId));
    }
}
