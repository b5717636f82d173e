package uk.chorus.accounts;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import uk.chorus.web.ClientAddress;

import java.time.Duration;

/**
 * The staff session cookie, set the same way wherever someone is signed in (sign-in, accepted
 * invitation, new password), and the CSRF cookie of the forms under /sign-in.
 */
final class SessionCookies {
    // The forms under /sign-in come before there is a session, so their CSRF token is a double-submit cookie.
    static final String SIGN_IN_CSRF = "chorus_sign_in";

    private SessionCookies() {
    }

    /** HttpOnly, SameSite=Lax, and Secure whenever the page was served over HTTPS. */
    static Cookie session(HttpRequest<?> request, String value, Duration lifetime) {
        return Cookie.of(SessionAuthenticationFetcher.COOKIE, value).httpOnly(true).sameSite(SameSite.Lax)
                .secure(ClientAddress.isHttps(request)).path("/").maxAge(lifetime);
    }

    /** The double-submit CSRF cookie for the forms under /sign-in (signing in, a forgotten password). */
    static Cookie signInCsrf(HttpRequest<?> request, String csrf) {
        return Cookie.of(SIGN_IN_CSRF, csrf).httpOnly(true).sameSite(SameSite.Strict)
                .secure(ClientAddress.isHttps(request)).path("/sign-in").maxAge(Duration.ofHours(2));
    }

    /**
     * The device cookie a browser gets on signing in: it marks the browser as a place the person has
     * signed in from, so the per-email limit a stranger can fill does not hold them back there.
     */
    static Cookie device(HttpRequest<?> request, String value) {
        return Cookie.of(KnownPlaces.DEVICE_COOKIE, value).httpOnly(true).sameSite(SameSite.Strict)
                .secure(ClientAddress.isHttps(request)).path("/sign-in").maxAge(KnownPlaces.REMEMBERED_FOR);
    }
}
