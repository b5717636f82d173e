package uk.chorus.mail;

import io.micronaut.http.HttpRequest;
import io.micronaut.views.handlebars.HandlebarsViewsRenderer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/** An email's plain-text body, rendered from a template in views/mail with the same helpers as the pages. */
@Singleton
public class MailTemplates {
    private final HandlebarsViewsRenderer<Map<String, Object>, HttpRequest<?>> views;

    MailTemplates(HandlebarsViewsRenderer<Map<String, Object>, HttpRequest<?>> views) {
        this.views = views;
    }

    public String render(String view, Map<String, Object> model) {
        StringWriter text = new StringWriter();
        try {
            views.render(view, model, null).writeTo(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
