package uk.chorus.web;

import com.github.jknack.handlebars.Handlebars;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.io.Writable;
import io.micronaut.core.io.scan.ClassPathResourceLoader;
import io.micronaut.views.ViewsConfiguration;
import io.micronaut.views.exceptions.ViewRenderingException;
import io.micronaut.views.handlebars.HandlebarsViewsRenderer;
import io.micronaut.views.handlebars.HandlebarsViewsRendererConfiguration;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.StringWriter;

/**
 * Renders each page completely before the response starts. The stock renderer renders while the
 * response is being written, and a template error at that point leaves the request hanging with
 * no answer at all; rendered first, the error becomes an ordinary 500 page.
 */
@Singleton
@Replaces(HandlebarsViewsRenderer.class)
class EagerHandlebarsRenderer<T, R> extends HandlebarsViewsRenderer<T, R> {

    EagerHandlebarsRenderer(ViewsConfiguration viewsConfiguration, ClassPathResourceLoader resourceLoader,
                            HandlebarsViewsRendererConfiguration configuration, Handlebars handlebars) {
        super(viewsConfiguration, resourceLoader, configuration, handlebars);
    }

    @Override
    public Writable render(String viewName, @Nullable T data, @Nullable R request) {
        StringWriter page = new StringWriter();
        try {
            super.render(viewName, data, request).writeTo(page);
        } catch (IOException | RuntimeException e) {
            throw new ViewRenderingException("The page " + viewName + " could not be rendered: " + e.getMessage(), e);
        }
        String html = page.toString();
        return out -> out.write(html);
    }
}
