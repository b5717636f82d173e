package uk.chorus.accounts;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import uk.chorus.web.FormBody;
import uk.chorus.web.RequestBody;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every state-changing staff form goes through here: the body is read, and its _csrf field must
 * match the token of the signed-in session, or nothing is read at all.
 */
public final class StaffForms {
    public static final String FIELD = "_csrf";

    private StaffForms() {
    }

    /** The form's fields, or empty when the body is unreadable or the CSRF token is wrong or missing. */
    public static Optional<Map<String, List<String>>> read(Authentication authentication, byte[] body) {
        String expected = String.valueOf(authentication.getAttributes().get(SessionAuthenticationFetcher.CSRF));
        return FormBody.parse(body)
                .filter(form -> Tokens.same(expected, first(form, FIELD)));
    }

    /** The form of a staff POST, read from the request. */
    public static Optional<Map<String, List<String>>> read(Authentication authentication, HttpRequest<?> request) {
        return read(authentication, RequestBody.bytes(request));
    }

    /** Whether a token sent some other way (a multipart upload's field) is the session's CSRF token. */
    public static boolean csrfMatches(Authentication authentication, String token) {
        String expected = String.valueOf(authentication.getAttributes().get(SessionAuthenticationFetcher.CSRF));
        return token != null && Tokens.same(expected, token);
    }

    public static String first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? "" : values.get(0);
    }
}
