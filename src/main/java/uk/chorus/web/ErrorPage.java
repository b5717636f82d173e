package uk.chorus.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.views.ViewsRenderer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** Renders the plain error page to a string, for answers made outside a controller. */
@Singleton
public class ErrorPage {
    private final ViewsRenderer<Object, Object> views;
    private final SiteConfiguration site;

    ErrorPage(ViewsRenderer<Object, Object> views, SiteConfiguration site) {
        this.views = views;
        this.site = site;
    }

    public String render(HttpRequest<?> request, String title, String body) {
        var model = Pages.model("title", title, "body", body,
                "site", new SiteModel.Site(site.getAreaName(), site.getServiceName(), site.getContactEmail()));
        StringWriter out = new StringWriter();
        try {
            views.render("errors/error", model, request).writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
