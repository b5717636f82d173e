package uk.chorus.accounts;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import java.util.concurrent.ExecutorService;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who is asking: a browser session cookie (staff pages) or a bearer token (staff APIs), each
 * looked up by its hash in PostgreSQL. Requests carrying neither, and every survey page, never
 * touch the database here.
 */
@Singleton
class SessionAuthenticationFetcher implements AuthenticationFetcher<HttpRequest<?>> {
    static final String COOKIE = "chorus_session";
    static final String ACCOUNT_ID = "accountId";
    static final String CSRF = "csrf";
    static final String KIND = "kind";
    private static final String BEARER = "Bearer ";

    private final StaffSessions sessions;
    private final Scheduler blocking;

    SessionAuthenticationFetcher(StaffSessions sessions, @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        this.sessions = sessions;
        this.blocking = Schedulers.fromExecutorService(executor);
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        if (isRespondentPath(request.getPath())) {
            // Survey pages belong to whoever holds the resume code; a staff session adds nothing
            // there, so it is not even looked up.
            return Mono.empty();
        }
        Optional<String> bearer = request.getHeaders().getAuthorization()
                .filter(value -> value.startsWith(BEARER))
                .map(value -> value.substring(BEARER.length()).strip());
        Optional<String> cookie = request.getCookies().findCookie(COOKIE).map(Cookie::getValue);
        if (bearer.isEmpty() && cookie.isEmpty()) {
            return Mono.empty();
        }
        String token = bearer.orElseGet(cookie::get);
        String kind = bearer.isPresent() ? "api" : "browser";
        if (token.length() > 100) {
            return Mono.empty();
        }
        // A staff JSON API that changes something takes a bearer token; a browser's session cookie
        // counts there only with the session's CSRF token in X-CSRF-Token, so another website cannot
        // make a signed-in browser call it (SameSite and Origin checks are a second line, not the only one).
        boolean cookieOnUnsafeApi = bearer.isEmpty() && isApiPath(request.getPath()) && !isSafe(request.getMethod());
        String sentCsrf = request.getHeaders().get(CSRF_HEADER);
        // The lookup is JDBC: it runs on Micronaut's blocking (virtual thread) executor, never on
        // the event loop.
        return Mono.fromCallable(() -> sessions.find(token, kind))
                .subscribeOn(blocking)
                .flatMap(Mono::justOrEmpty)
                .filter(live -> !cookieOnUnsafeApi || Tokens.same(live.csrfToken(), sentCsrf))
                .map(live -> Authentication.build(live.account().email(), List.of(live.account().role().roleName()),
                        Map.of(ACCOUNT_ID, live.account().id(), CSRF, live.csrfToken(), KIND, live.kind(),
                                "name", live.account().displayName())));
    }

    static final String CSRF_HEADER = "X-CSRF-Token";

    static boolean isApiPath(String path) {
        return path.toLowerCase(java.util.Locale.ROOT).startsWith("/api/");
    }

    private static boolean isSafe(io.micronaut.http.HttpMethod method) {
        return method == io.micronaut.http.HttpMethod.GET || method == io.micronaut.http.HttpMethod.HEAD
                || method == io.micronaut.http.HttpMethod.OPTIONS;
    }

    static boolean isRespondentPath(String path) {
        return path.startsWith("/s/") || path.startsWith("/assets/") || path.equals("/health");
    }
}
