package uk.chorus.surveys;

import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import uk.chorus.web.Dates;
import uk.chorus.web.Pages;

/** The home page: the surveys open today, and the other public pages features offer (the pledge, feedback). */
// Public: respondents never sign in.
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller(produces = MediaType.TEXT_HTML)
class SurveyListController {
    private final SurveyCatalogue catalogue;
    private final uk.chorus.web.SiteConfiguration site;
    private final java.util.List<uk.chorus.web.HomeLinks> links;

    SurveyListController(SurveyCatalogue catalogue, uk.chorus.web.SiteConfiguration site,
                         java.util.List<uk.chorus.web.HomeLinks> links) {
        this.catalogue = catalogue;
        this.site = site;
        this.links = links;
    }

    public record Listed(String title, String url, String audienceKey, String closes) {
    }

    @Get
    MutableHttpResponse<?> list() {
        // No survey opens to families until they have a person to contact (see RespondentPages).
        var surveys = !site.hasContact() ? java.util.List.<Listed>of() : catalogue.open().stream()
                .map(s -> new Listed(s.definition().title(), "/s/" + s.id(),
                        "home.audience." + s.definition().audience().fileName(), Dates.longForm(s.definition().closes())))
                .toList();
        var more = links.stream().flatMap(l -> l.links().stream())
                .sorted(java.util.Comparator.comparingInt(uk.chorus.web.HomeLinks.Link::order)).toList();
        return Pages.render("surveys/list", Pages.model("titleKey", "home.title", "surveys", surveys,
                "links", more, "publicPage", true));
    }
}
