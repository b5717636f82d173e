package uk.chorus.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.HtmlErrorResponseBodyProvider;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;


/**
 * Every error the framework itself raises (malformed request, unknown page, body too large,
 * unhandled exception) is answered in our own words: an HTML page for browsers, a one-sentence
 * JSON body for API clients. Exception details stay in the log.
 */
final class ErrorBodies {
    private ErrorBodies() {
    }

    @Singleton
    @Replaces(HtmlErrorResponseBodyProvider.class)
    static class Html implements HtmlErrorResponseBodyProvider {
        private final ErrorPage page;

        Html(ErrorPage page) {
            this.page = page;
        }

        @Override
        public String body(ErrorContext context, HttpResponse<?> response) {
            ErrorSentences.Sentence sentence = ErrorSentences.forStatus(response.getStatus());
            return page.renderKeys(context.getRequest(), sentence.titleKey(), sentence.bodyKey());
        }
    }

    @Singleton
    @Replaces(JsonErrorResponseBodyProvider.class)
    static class Json implements JsonErrorResponseBodyProvider<ApiError> {
        private final Messages messages;

        Json(Messages messages) {
            this.messages = messages;
        }

        @Override
        public ApiError body(ErrorContext context, HttpResponse<?> response) {
            if (response.getStatus().getCode() == 400) {
                return ApiError.of(messages.get("api.error.unreadable"));
            }
            ErrorSentences.Sentence sentence = ErrorSentences.forStatus(response.getStatus());
            return ApiError.of(messages.get(sentence.titleKey()) + ". " + messages.get(sentence.bodyKey()));
        }
    }
}
