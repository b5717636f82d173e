package uk.chorus.accounts;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import jakarta.inject.Singleton;
import uk.chorus.web.ApiError;
import uk.chorus.web.ErrorPage;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * What a person is told when they may not see something: staff pages send the signed-out to
 * sign in (and back afterwards); staff APIs answer 401 or 403 in JSON; the wrong role gets 403.
 */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
class AccessDeniedHandler implements ExceptionHandler<AuthorizationException, MutableHttpResponse<?>> {
    private final ErrorPage errorPage;

    AccessDeniedHandler(ErrorPage errorPage) {
        this.errorPage = errorPage;
    }

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
        boolean api = request.getPath().startsWith("/api/");
        if (!exception.isForbidden()) {
            if (api) {
                return HttpResponse.status(HttpStatus.UNAUTHORIZED)
                        .header("WWW-Authenticate", "Bearer")
                        .body(ApiError.of("Sign in first: POST /api/v1/auth/token, then send Authorization: Bearer."));
            }
            String back = URLEncoder.encode(request.getPath(), StandardCharsets.UTF_8);
            return HttpResponse.seeOther(URI.create("/sign-in?next=" + back));
        }
        if (api) {
            return HttpResponse.status(HttpStatus.FORBIDDEN).body(ApiError.of("Your role does not allow this."));
        }
        // Exception handlers' answers skip the views filter, so the page is rendered here.
        return HttpResponse.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_HTML_TYPE)
                .body(errorPage.render(request, "You cannot see this page",
                        "Your role does not include this. Ask an administrator if you think it should."));
    }
}
