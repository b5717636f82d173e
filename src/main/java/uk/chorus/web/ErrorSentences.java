package uk.chorus.web;

import io.micronaut.http.HttpStatus;

/** What a person is told for each kind of failure (message keys): never a stack trace, always what to do next. */
final class ErrorSentences {
    private ErrorSentences() {
    }

    record Sentence(String titleKey, String bodyKey) {
    }

    static Sentence forStatus(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> new Sentence("error.not.found.title", "error.not.found.body");
            case METHOD_NOT_ALLOWED -> new Sentence("error.method.title", "error.method.body");
            case REQUEST_ENTITY_TOO_LARGE -> new Sentence("error.too.large.title", "error.too.large.body");
            case UNSUPPORTED_MEDIA_TYPE -> new Sentence("error.media.type.title", "error.media.type.body");
            case TOO_MANY_REQUESTS -> new Sentence("error.too.many.title", "error.too.many.wait");
            case FORBIDDEN -> new Sentence("error.forbidden.title", "error.forbidden.body");
            case SERVICE_UNAVAILABLE -> new Sentence("error.unavailable.title", "error.unavailable.body");
            case INTERNAL_SERVER_ERROR -> new Sentence("error.server.title", "error.server.body");
            default -> status.getCode() < 500
                    ? new Sentence("error.bad.request.title", "error.bad.request.body")
                    : new Sentence("error.server.title", "error.server.body");
        };
    }
}
