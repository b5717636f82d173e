package uk.chorus.web;

import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.cache.ConcurrentMapTemplateCache;
import com.github.jknack.handlebars.helper.ConditionalHelpers;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.views.handlebars.HandlebarsFactory;
import jakarta.inject.Singleton;

/**
 * Handlebars as the views use it: compiled templates are cached (the default compiles on every
 * render), and the standard comparison helpers (eq, and, or, not) are available.
 */
@Factory
class HandlebarsSetup {
    @Singleton
    @Replaces(value = Handlebars.class, factory = HandlebarsFactory.class)
    Handlebars handlebars() {
        Handlebars handlebars = new Handlebars().with(new ConcurrentMapTemplateCache());
        handlebars.registerHelpers(ConditionalHelpers.class);
        return handlebars;
    }
}
