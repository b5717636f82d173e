package uk.chorus.surveys;

import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
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

    public record Listed(String title, String url, String audienceKey, String closes) {
    }

    @Get
    MutableHttpResponse<?> list() {
        var surveys = catalogue.open().stream()
                .map(s -> new Listed(s.definition().title(), "/s/" + s.id(),
                        "home.audience." + s.definition().audience().fileName(), Dates.longForm(s.definition().closes())))
                .toList();
        return Pages.render("surveys/list", Pages.model("titleKey", "home.title", "surveys", surveys,
                "publicPage", true));
    }
}
