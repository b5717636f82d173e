package uk.chorus.surveys;

import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.http.annotation.Get;
import uk.chorus.web.Dates;
import uk.chorus.web.Pages;

/** The home page: the surveys open today. */
// Public: respondents never sign in.
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller(produces = MediaType.TEXT_HTML)
class SurveyListController {
    private final SurveyCatalogue catalogue;

    SurveyListController(SurveyCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    public record Listed(String title, String url, String audience, String closes) {
    }

    @Get
    MutableHttpResponse<?> list() {
        var surveys = catalogue.open().stream()
                .map(s -> new Listed(s.definition().title(), "/s/" + s.id(), audienceInWords(s.definition().audience()),
                        Dates.longForm(s.definition().closes())))
                .toList();
        return Pages.render("surveys/list", Pages.model("surveys", surveys));
    }

    private static String audienceInWords(Audience audience) {
        return switch (audience) {
            case PARENTS_CARERS -> "parents and carers";
            case YOUNG_PEOPLE -> "young people aged 11 to 25";
            case PROFESSIONALS -> "people who work with children and young people";
        };
    }
}
