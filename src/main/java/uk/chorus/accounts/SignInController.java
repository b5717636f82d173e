package uk.chorus.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import uk.chorus.web.FormBody;
import uk.chorus.web.Pages;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Signing in and out of the staff pages. */
@Controller(produces = MediaType.TEXT_HTML)
class SignInController {
    // Sign-in happens before there is a session, so its CSRF token is a double-submit cookie.
    static final String SIGN_IN_CSRF_COOKIE = "chorus_sign_in";

    private final SignIn signIn;
    private final StaffSessions sessions;
    private final AuditLog audit;
    private final ClientAddress clientAddress;

    SignInController(SignIn signIn, StaffSessions sessions, AuditLog audit, ClientAddress clientAddress) {
        this.signIn = signIn;
        this.sessions = sessions;
        this.audit = audit;
        this.clientAddress = clientAddress;
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get("/sign-in")
    MutableHttpResponse<?> form(HttpRequest<?> request, @Nullable @QueryValue String next) {
        return render(request, HttpStatus.OK, safeNext(next), "", null);
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Post(uri = "/sign-in", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> signIn(HttpRequest<?> request, @Nullable @Body byte[] body) {
        var parsed = FormBody.parse(body);
        String cookie = request.getCookies().findCookie(SIGN_IN_CSRF_COOKIE).map(Cookie::getValue).orElse(null);
        if (parsed.isEmpty() || !Tokens.same(cookie, StaffForms.first(parsed.get(), StaffForms.FIELD))) {
            return render(request, HttpStatus.FORBIDDEN, "/staff", "",
                    "Your sign-in page had expired. Enter your details again.");
        }
        Map<String, List<String>> form = parsed.get();
        String email = StaffForms.first(form, "email");
        String next = safeNext(StaffForms.first(form, "next"));
        String client = clientAddress.of(request);
        return switch (signIn.attempt(email, StaffForms.first(form, "password"), client, "browser")) {
            case SignIn.Outcome.SignedIn signedIn -> Pages.seeOther(next)
                    .cookie(sessionCookie(request, signedIn.token(), StaffSessions.BROWSER_LIFETIME))
                    .cookie(Cookie.of(SIGN_IN_CSRF_COOKIE, "").maxAge(0).path("/sign-in"));
            case SignIn.Outcome.Wrong ignored -> render(request, HttpStatus.UNPROCESSABLE_ENTITY, next, email,
                    "Enter a correct email address and password");
            case SignIn.Outcome.Locked locked -> render(request, HttpStatus.UNPROCESSABLE_ENTITY, next, email,
                    "This account is locked after too many wrong passwords. Try again in " + locked.minutes()
                            + " minutes");
            case SignIn.Outcome.TooMany tooMany -> render(request, HttpStatus.TOO_MANY_REQUESTS, next, email,
                    "Too many attempts. Wait " + tooMany.seconds() + " seconds, then try again")
                    .header("Retry-After", Long.toString(tooMany.seconds()));
        };
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Post(uri = "/sign-out", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> signOut(HttpRequest<?> request, Authentication authentication, @Nullable @Body byte[] body) {
        if (StaffForms.read(authentication, body).isEmpty()) {
            return Pages.expiredForm();
        }
        request.getCookies().findCookie(SessionAuthenticationFetcher.COOKIE).ifPresent(c -> sessions.end(c.getValue()));
        audit.record(authentication.getName(), "sign-out", "", "");
        return Pages.seeOther("/sign-in?next=/staff")
                .cookie(sessionCookie(request, "", Duration.ZERO));
    }

    /** HttpOnly, SameSite=Lax, and Secure whenever the page was served over HTTPS. */
    static Cookie sessionCookie(HttpRequest<?> request, String value, Duration lifetime) {
        boolean https = request.isSecure()
                || "https".equalsIgnoreCase(request.getHeaders().get("X-Forwarded-Proto"));
        return Cookie.of(SessionAuthenticationFetcher.COOKIE, value).httpOnly(true).sameSite(SameSite.Lax)
                .secure(https).path("/").maxAge(lifetime);
    }

    /** Only our own staff pages are places to go after signing in, never another site. */
    static String safeNext(String next) {
        return next != null && next.startsWith("/staff") && !next.startsWith("//") && !next.contains("\\")
                ? next : "/staff";
    }

    private MutableHttpResponse<?> render(HttpRequest<?> request, HttpStatus status, String next, String email,
                                          String error) {
        String csrf = Tokens.newToken();
        var model = Pages.model("title", "Sign in", "next", next, "email", email, "csrf", csrf, "error", error,
                "errors", error == null ? List.of() : List.of(Map.of("href", "#email", "text", error)));
        boolean https = request.isSecure();
        return Pages.render(status, "accounts/sign-in", model)
                .cookie(Cookie.of(SIGN_IN_CSRF_COOKIE, csrf).httpOnly(true).sameSite(SameSite.Strict).secure(https)
                        .path("/sign-in").maxAge(Duration.ofHours(2)));
    }
}
