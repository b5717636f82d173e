package uk.chorus.accounts;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import uk.chorus.audit.AuditLog;
import uk.chorus.web.ClientAddress;
import uk.chorus.web.EmailAddresses;
import uk.chorus.web.FormBody;
import uk.chorus.web.FormErrors;
import uk.chorus.web.Messages;
import uk.chorus.web.Pages;
import uk.chorus.web.RateLimiter;
import uk.chorus.web.RequestBody;

import java.util.OptionalLong;

/**
 * "Forgotten your password?": the sign-in page's link asks for an email address and sends a
 * one-time link to it (the page says the same whether or not there is an account), and the link
 * lets the person choose a new password and signs them in. Asking is counted against the sign-in
 * limit per address and per email, so it cannot be used to flood someone's inbox.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller(produces = MediaType.TEXT_HTML)
class PasswordResetController {
    private final PasswordResets resets;
    private final RateLimiter limiter;
    private final ClientAddress clientAddress;
    private final Messages messages;

    PasswordResetController(PasswordResets resets, RateLimiter limiter, ClientAddress clientAddress, Messages messages) {
        this.resets = resets;
        this.limiter = limiter;
        this.clientAddress = clientAddress;
        this.messages = messages;
    }

    @Get("/sign-in/forgotten")
    MutableHttpResponse<?> askForm(HttpRequest<?> request) {
        return ask(request, HttpStatus.OK, "", FormErrors.none());
    }

    @Post(uri = "/sign-in/forgotten", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> askForLink(HttpRequest<byte[]> request) {
        var form = FormBody.parse(RequestBody.bytes(request));
        String cookie = request.getCookies().findCookie(SessionCookies.SIGN_IN_CSRF).map(Cookie::getValue)
                .orElse(null);
        if (form.isEmpty() || !Tokens.same(cookie, StaffForms.first(form.get(), StaffForms.FIELD))) {
            return ask(request, HttpStatus.FORBIDDEN, "", FormErrors.of("email", messages.get("sign.in.expired")));
        }
        String email = StaffForms.first(form.get(), "email").strip();
        if (email.length() > AuditLog.LONGEST_ACTOR || !EmailAddresses.valid(email)) {
            return ask(request, HttpStatus.UNPROCESSABLE_ENTITY, email.length() > AuditLog.LONGEST_ACTOR ? "" : email,
                    FormErrors.of("email", messages.get("password.forgotten.email.invalid")));
        }
        if (!resets.canEmail()) {
            return ask(request, HttpStatus.OK, email, FormErrors.none());
        }
        OptionalLong wait = limiter.take(RateLimiter.Kind.SIGN_IN, "reset-address:" + clientAddress.of(request));
        if (wait.isEmpty()) {
            wait = limiter.take(RateLimiter.Kind.SIGN_IN, "reset-email:" + Accounts.normalise(email));
        }
        if (wait.isPresent()) {
            return ask(request, HttpStatus.TOO_MANY_REQUESTS, email,
                    FormErrors.of("email", messages.get("sign.in.too.many", wait.getAsLong())))
                    .header("Retry-After", Long.toString(wait.getAsLong()));
        }
        resets.emailLink(email);
        return Pages.render("accounts/forgotten-sent", Pages.model("titleKey", "password.forgotten.sent.title",
                "email", email, "minutes", PasswordResets.EMAILED_LIFETIME.toMinutes()));
    }

    @Get("/password-reset/{token}")
    MutableHttpResponse<?> chooseForm(String token) {
        return resets.open(token).<MutableHttpResponse<?>>map(account ->
                choose(HttpStatus.OK, token, account, FormErrors.none())).orElseGet(PasswordResetController::gone);
    }

    // The link's secret token is what authorises this form, as with an invitation.
    @Post(uri = "/password-reset/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> choosePassword(HttpRequest<byte[]> request, String token) {
        var account = resets.open(token);
        if (account.isEmpty()) {
            return gone();
        }
        var form = FormBody.parse(RequestBody.bytes(request));
        if (form.isEmpty()) {
            return Pages.badForm();
        }
        String password = StaffForms.first(form.get(), "password");
        String problem = Passwords.problemWith(password);
        if (problem != null) {
            return choose(HttpStatus.UNPROCESSABLE_ENTITY, token, account.get(),
                    FormErrors.of("password", messages.get(problem, Passwords.MINIMUM_LENGTH)));
        }
        return resets.choose(token, password).<MutableHttpResponse<?>>map(session -> Pages.seeOther("/staff")
                .cookie(SessionCookies.session(request, session, StaffSessions.BROWSER_LIFETIME)))
                .orElseGet(PasswordResetController::gone);
    }

    private MutableHttpResponse<?> ask(HttpRequest<?> request, HttpStatus status, String email, FormErrors errors) {
        String csrf = Tokens.newToken();
        var model = errors.addTo(Pages.model("titleKey", "password.forgotten.title", "email", email, "csrf", csrf,
                "canEmail", resets.canEmail()));
        return Pages.render(status, "accounts/forgotten", model).cookie(SessionCookies.signInCsrf(request, csrf));
    }

    private static MutableHttpResponse<?> choose(HttpStatus status, String token, Account account, FormErrors errors) {
        return Pages.render(status, "accounts/password-reset", errors.addTo(Pages.model("titleKey",
                "password.reset.title", "action", "/password-reset/" + token, "email", account.email())));
    }

    private static MutableHttpResponse<?> gone() {
        return Pages.render(HttpStatus.GONE, "errors/error", Pages.model("titleKey", "password.reset.gone.title",
                "bodyKey", "password.reset.gone.body"));
    }
}
