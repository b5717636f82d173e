package uk.chorus.accounts;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import jakarta.inject.Singleton;
import uk.chorus.web.ApiError;
import uk.chorus.web.ErrorPage;
import uk.chorus.web.Messages;

import java.net.URI;

/**
 * What a person is told when they may not see something: staff pages send the signed-out to
 * sign in (and back afterwards); staff APIs answer 401 or 403 in JSON; the wrong role gets 403.
 */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
class AccessDeniedHandler implements ExceptionHandler<AuthorizationException, MutableHttpResponse<?>> {
    private final ErrorPage errorPage;
    private final Messages messages;

    AccessDeniedHandler(ErrorPage errorPage, Messages messages) {
        this.errorPage = errorPage;
        this.messages = messages;
    }

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
        boolean api = request.getPath().startsWith("/api/");
        if (!exception.isForbidden()) {
            if (api) {
                return HttpResponse.status(HttpStatus.UNAUTHORIZED)
                        .header("WWW-Authenticate", "Bearer")
                        .body(ApiError.of(messages.get("api.sign.in.first")));
            }
            String next = SignInController.safeNext(request.getPath());
            return HttpResponse.seeOther(URI.create(UriBuilder.of("/sign-in").queryParam("next", next).toString()));
        }
        if (api) {
            return HttpResponse.status(HttpStatus.FORBIDDEN).body(ApiError.of(messages.get("api.role.forbidden")));
        }
        // Exception handlers' answers skip the views filter, so the page is rendered here.
        return HttpResponse.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_HTML_TYPE)
                .body(errorPage.renderKeys(request, "error.role.title", "error.role.body"));
    }
}
