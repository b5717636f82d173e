package uk.chorus.accounts;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import uk.chorus.web.ClientAddress;

import java.time.Duration;

/** The staff session cookie, set the same way wherever someone is signed in (sign-in, accepted invitation). */
final class SessionCookies {
    private SessionCookies() {
    }

    /** HttpOnly, SameSite=Lax, and Secure whenever the page was served over HTTPS. */
    static Cookie session(HttpRequest<?> request, String value, Duration lifetime) {
        return Cookie.of(SessionAuthenticationFetcher.COOKIE, value).httpOnly(true).sameSite(SameSite.Lax)
                .secure(ClientAddress.isHttps(request)).path("/").maxAge(lifetime);
    }
}
