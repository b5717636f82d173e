package uk.chorus.web;

import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.Helper;
import com.github.jknack.handlebars.cache.ConcurrentMapTemplateCache;
import com.github.jknack.handlebars.helper.ConditionalHelpers;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.views.handlebars.HandlebarsFactory;
import jakarta.inject.Singleton;

/**
 * Handlebars as the views use it: compiled templates are cached (the default compiles on every
 * render); the comparison helpers (eq, and, or, not) are available; and every sentence comes from
 * the message bundle: {@code {{t "key" value ...}}}, and {@code {{tn "key" count}}} for a count
 * (key.one or key.other). Helper output is escaped like any other value.
 */
@Factory
class HandlebarsSetup {
    @Singleton
    @Replaces(value = Handlebars.class, factory = HandlebarsFactory.class)
    Handlebars handlebars(Messages messages) {
        Handlebars handlebars = new Handlebars().with(new ConcurrentMapTemplateCache());
        handlebars.registerHelpers(ConditionalHelpers.class);
        // A page model's "lang" (a respondent's language) picks the bundle; every other page is English.
        handlebars.registerHelper("t", (Helper<String>) (key, options) -> in(messages, options)
                .get(key, options.params));
        handlebars.registerHelper("tn", (Helper<String>) (key, options) -> {
            long count = options.params.length == 0 ? 0 : ((Number) options.params[0]).longValue();
            Object[] more = new Object[Math.max(0, options.params.length - 1)];
            System.arraycopy(options.params, Math.min(1, options.params.length), more, 0, more.length);
            return in(messages, options).count(key, count, more);
        });
        return handlebars;
    }

    private static Messages in(Messages messages, com.github.jknack.handlebars.Options options) {
        return options.get("lang") instanceof String language ? messages.in(language) : messages;
    }
}
