package uk.chorus.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.views.ViewsRenderer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/** Renders the plain error page to a string, for answers made outside a controller (filters, handlers). */
@Singleton
public class ErrorPage {
    private final ViewsRenderer<Object, Object> views;
    private final SiteModel site;
    private final Messages messages;

    ErrorPage(ViewsRenderer<Object, Object> views, SiteModel site, Messages messages) {
        this.views = views;
        this.site = site;
        this.messages = messages;
    }

    /** With a title and sentence already in words. */
    public String render(HttpRequest<?> request, String title, String body) {
        return render(request, Pages.model("title", title, "body", body));
    }

    /** With a title and sentence as message keys. */
    public String renderKeys(HttpRequest<?> request, String titleKey, String bodyKey) {
        return render(request, messages.get(titleKey), messages.get(bodyKey));
    }

    private String render(HttpRequest<?> request, Map<String, Object> model) {
        model.put("site", site.site());
        StringWriter out = new StringWriter();
        try {
            views.render("errors/error", model, request).writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
