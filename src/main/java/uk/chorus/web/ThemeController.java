package uk.chorus.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.http.annotation.Get;

/**
 * The local area's colour as a stylesheet, so pages need no inline styles (the Content Security
 * Policy forbids them) and one setting re-brands the service.
 */
// Public: respondents never sign in.
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller
class ThemeController {
    private final String css;

    ThemeController(SiteConfiguration site) {
        this.css = ":root { --chorus-brand: " + site.getBrandColour() + "; }\n";
    }

    @Get(uri = "/assets/theme.css", produces = "text/css")
    HttpResponse<String> theme() {
        return HttpResponse.ok(css).header("Cache-Control", "public, max-age=3600");
    }
}
