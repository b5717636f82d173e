package uk.chorus.surveys;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.http.annotation.Get;
import io.micronaut.serde.annotation.Serdeable;
import uk.chorus.web.ApiError;
import uk.chorus.web.Messages;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Survey definitions for other clients, in the same shape as the files, in one of the survey's
 * languages ({@code ?lang=pl}, else the best offered guess from Accept-Language, else English).
 */
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
    HttpResponse<?> definition(String surveyId, @Nullable @QueryValue("lang") String lang,
                               @Nullable @Header(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        Optional<LiveSurvey> found = catalogue.find(surveyId);
        if (found.isEmpty()) {
            return HttpResponse.notFound(ApiError.of(messages.get("api.survey.not.found", surveyId)));
        }
        SurveyDefinition survey = found.get().definition();
        Optional<String> language = SurveyLanguages.choose(survey, lang, acceptLanguage);
        if (language.isEmpty()) {
            return HttpResponse.badRequest(ApiError.of(messages.get("api.language.not.offered", lang,
                    String.join(", ", survey.languages()))));
        }
        return HttpResponse.ok(SurveyInLanguage.of(survey, language.get()))
                .header(HttpHeaders.CONTENT_LANGUAGE, language.get())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
    }
}
