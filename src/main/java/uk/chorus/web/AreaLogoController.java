package uk.chorus.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.io.IOException;
import java.nio.file.Files;

/** The area's logo (CHORUS_AREA_LOGO), served from this origin so the Content Security Policy holds. */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller
class AreaLogoController {
    static final String PATH = "/assets/area-logo";
    private final SiteConfiguration site;

    AreaLogoController(SiteConfiguration site) {
        this.site = site;
    }

    @Get(PATH)
    HttpResponse<byte[]> logo() throws IOException {
        if (!site.hasLogo()) {
            return HttpResponse.notFound();
        }
        String type = site.getLogo().toString().toLowerCase().endsWith(".svg") ? "image/svg+xml" : "image/png";
        return HttpResponse.ok(Files.readAllBytes(site.getLogo())).contentType(type)
                .header("Cache-Control", "public, max-age=3600");
    }
}
