package uk.chorus.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/**
 * A refused form's answer, the same for every staff form: 403 "This form has expired" for a wrong or
 * missing CSRF token, 400 for a body that cannot be read. Nothing was changed either way.
 */
@Singleton
class FormRefusedHandler implements ExceptionHandler<FormRefused, HttpResponse<?>> {
    private final ErrorPage errorPage;

    FormRefusedHandler(ErrorPage errorPage) {
        this.errorPage = errorPage;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, FormRefused refused) {
        // Rendered here, as exception handlers' answers may not pass the views filter.
        if (refused.tokenWrong()) {
            return HttpResponse.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_HTML_TYPE)
                    .body(errorPage.renderKeys(request, "error.expired.form.title", "error.expired.form.body"));
        }
        return HttpResponse.status(HttpStatus.BAD_REQUEST).contentType(MediaType.TEXT_HTML_TYPE)
                .body(errorPage.renderKeys(request, "error.bad.form.title", "error.bad.form.body"));
    }
}
