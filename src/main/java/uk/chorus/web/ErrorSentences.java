package uk.chorus.web;

import io.micronaut.http.HttpStatus;

/** What a person is told for each kind of failure: never a stack trace, always what to do next. */
final class ErrorSentences {
    private ErrorSentences() {
    }

    record Sentence(String title, String body) {
    }

    static Sentence forStatus(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> new Sentence("Page not found",
                    "If you typed the web address, check it is correct. If you pasted it, check you copied all of it.");
            case METHOD_NOT_ALLOWED -> new Sentence("This page cannot do that",
                    "Go back and use the buttons on the page.");
            case REQUEST_ENTITY_TOO_LARGE -> new Sentence("What you sent is too large",
                    "Shorten your answer and try again.");
            case UNSUPPORTED_MEDIA_TYPE -> new Sentence("This kind of content is not accepted",
                    "Send the form from the page, or send JSON with Content-Type: application/json.");
            case TOO_MANY_REQUESTS -> new Sentence("Too many requests",
                    "Wait a minute, then try again.");
            case SERVICE_UNAVAILABLE -> new Sentence("Sorry, the service is unavailable",
                    "Your saved answers are safe. Try again in a few minutes.");
            case INTERNAL_SERVER_ERROR -> new Sentence("Sorry, there is a problem with the service",
                    "Your saved answers are safe. Try again later.");
            default -> status.getCode() < 500
                    ? new Sentence("There is a problem with what was sent",
                    "Go back to the page and try again.")
                    : new Sentence("Sorry, there is a problem with the service",
                    "Your saved answers are safe. Try again later.");
        };
    }
}
