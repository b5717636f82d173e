package uk.chorus.surveys;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.http.annotation.Get;
import io.micronaut.serde.annotation.Serdeable;
import uk.chorus.web.ApiError;
import uk.chorus.web.Messages;

import java.time.LocalDate;
import java.util.List;

/** Survey definitions for other clients, in the same shape as the files. */
// Public: respondents never sign in.
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller(value = "/api/v1/surveys", produces = MediaType.APPLICATION_JSON)
class SurveyApiController {
    private final SurveyCatalogue catalogue;
    private final Messages messages;

    SurveyApiController(SurveyCatalogue catalogue, Messages messages) {
        this.catalogue = catalogue;
        this.messages = messages;
    }

    @Serdeable
    record Listed(String id, String title, Audience audience, LocalDate closes) {
    }

    @Get
    List<Listed> live() {
        return catalogue.open().stream()
                .map(s -> new Listed(s.id(), s.definition().title(), s.definition().audience(),
                        s.definition().closes()))
                .toList();
    }

    @Get("/{surveyId}")
    HttpResponse<?> definition(String surveyId) {
        return catalogue.find(surveyId)
                .<HttpResponse<?>>map(s -> HttpResponse.ok(s.definition()))
                .orElseGet(() -> HttpResponse.notFound(ApiError.of(messages.get("api.survey.not.found", surveyId))));
    }
}
