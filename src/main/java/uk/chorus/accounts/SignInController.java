package uk.chorus.accounts;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import uk.chorus.audit.AuditLog;
import uk.chorus.web.ClientAddress;
import uk.chorus.web.FormBody;
import uk.chorus.web.FormErrors;
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;
import uk.chorus.web.RequestBody;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Signing in and out of the staff pages. */
@Controller(produces = MediaType.TEXT_HTML)
class SignInController {
    // A plain path on this service's staff pages, with an optional simple query: nothing else is
    // a place to go after signing in (no other site, no header tricks, nothing that cannot be a URI).
    private static final Pattern LOCAL_STAFF_PATH =
            Pattern.compile("/staff(/(?!\\.)[A-Za-z0-9._~-]+)*/?(\\?[A-Za-z0-9._~=&%+-]*)?");

    private final SignIn signIn;
    private final StaffSessions sessions;
    private final AuditLog audit;
    private final ClientAddress clientAddress;
    private final Messages messages;

    SignInController(SignIn signIn, StaffSessions sessions, AuditLog audit, ClientAddress clientAddress,
                     Messages messages) {
        this.signIn = signIn;
        this.sessions = sessions;
        this.audit = audit;
        this.clientAddress = clientAddress;
        this.messages = messages;
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get("/sign-in")
    MutableHttpResponse<?> form(HttpRequest<?> request, @QueryValue(defaultValue = "/staff") String next) {
        return render(request, HttpStatus.OK, safeNext(next), "", FormErrors.none());
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Post(uri = "/sign-in", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> signIn(HttpRequest<byte[]> request) {
        var parsed = FormBody.parse(RequestBody.bytes(request));
        String cookie = request.getCookies().findCookie(SessionCookies.SIGN_IN_CSRF).map(Cookie::getValue).orElse(null);
        if (parsed.isEmpty() || !Tokens.same(cookie, StaffForms.first(parsed.get(), StaffForms.FIELD))) {
            return render(request, HttpStatus.FORBIDDEN, "/staff", "",
                    FormErrors.of("email", messages.get("sign.in.expired")));
        }
        Map<String, List<String>> form = parsed.get();
        String email = StaffForms.first(form, "email").strip();
        String next = safeNext(StaffForms.first(form, "next"));
        if (email.isEmpty() || email.length() > AuditLog.LONGEST_ACTOR) {
            // Refused before anything is written: an address this long is not anyone's.
            return render(request, HttpStatus.UNPROCESSABLE_ENTITY, next, "",
                    FormErrors.of("email", messages.get("sign.in.wrong")));
        }
        String client = clientAddress.of(request);
        String device = request.getCookies().findCookie(KnownPlaces.DEVICE_COOKIE).map(Cookie::getValue)
                .filter(value -> value.length() <= 100).orElse(null);
        String thisDevice = device == null ? Tokens.newToken() : device;
        return switch (signIn.attempt(email, StaffForms.first(form, "password"), client, thisDevice, "browser")) {
            case SignIn.Outcome.SignedIn signedIn -> Pages.seeOther(next)
                    .cookie(SessionCookies.session(request, signedIn.token(), StaffSessions.BROWSER_LIFETIME))
                    .cookie(SessionCookies.device(request, thisDevice))
                    .cookie(Cookie.of(SessionCookies.SIGN_IN_CSRF, "").maxAge(0).path("/sign-in"));
            case SignIn.Outcome.Wrong ignored -> render(request, HttpStatus.UNPROCESSABLE_ENTITY, next, email,
                    FormErrors.of("email", messages.get("sign.in.wrong")));
            case SignIn.Outcome.Locked locked -> render(request, HttpStatus.UNPROCESSABLE_ENTITY, next, email,
                    FormErrors.of("email", messages.get("sign.in.locked", locked.minutes())));
            case SignIn.Outcome.TooMany tooMany -> render(request, HttpStatus.TOO_MANY_REQUESTS, next, email,
                    FormErrors.of("email", messages.get("sign.in.too.many", tooMany.seconds())))
                    .header("Retry-After", Long.toString(tooMany.seconds()));
        };
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Post(uri = "/sign-out", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> signOut(@StaffForm CsrfOnly form, HttpRequest<?> request, Authentication authentication) {
        request.getCookies().findCookie(SessionAuthenticationFetcher.COOKIE).ifPresent(c -> sessions.end(c.getValue()));
        audit.record(authentication.getName(), "sign-out", "", "");
        return Pages.seeOther("/sign-in?next=/staff")
                .cookie(SessionCookies.session(request, "", Duration.ZERO));
    }

    /** Only a plain path on our own staff pages is a place to go after signing in; anything else is /staff. */
    static String safeNext(String next) {
        return next != null && next.length() <= 500 && LOCAL_STAFF_PATH.matcher(next).matches() ? next : "/staff";
    }

    private MutableHttpResponse<?> render(HttpRequest<?> request, HttpStatus status, String next, String email,
                                          FormErrors errors) {
        String csrf = Tokens.newToken();
        var model = errors.addTo(Pages.model("titleKey", "sign.in.title", "next", next, "email", email, "csrf", csrf));
        return Pages.render(status, "accounts/sign-in", model).cookie(SessionCookies.signInCsrf(request, csrf));
    }
}
