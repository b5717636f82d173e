package uk.chorus.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import uk.chorus.web.ApiError;

/** Short-lived bearer tokens for API clients: POST /api/v1/auth/token with email and password. */
@Controller(value = "/api/v1/auth", produces = MediaType.APPLICATION_JSON)
class TokenApiController {
    private final SignIn signIn;
    private final JsonMapper json;
    private final ClientAddress clientAddress;

    TokenApiController(SignIn signIn, JsonMapper json, ClientAddress clientAddress) {
        this.signIn = signIn;
        this.json = json;
        this.clientAddress = clientAddress;
    }

    @Serdeable
    record Token(String token, String tokenType, long expiresIn) {
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Post(uri = "/token", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<?> token(HttpRequest<?> request, @Nullable @Body byte[] body) {
        String email;
        String password;
        try {
            JsonNode node = json.readValue(body == null ? new byte[0] : body, JsonNode.class);
            email = node.get("email").getStringValue();
            password = node.get("password").getStringValue();
        } catch (Exception e) {
            return HttpResponse.badRequest(ApiError.of("Send {\"email\": ..., \"password\": ...} as JSON."));
        }
        String client = clientAddress.of(request);
        return switch (signIn.attempt(email, password, client, "api")) {
            case SignIn.Outcome.SignedIn signedIn -> HttpResponse.ok(new Token(signedIn.token(), "Bearer",
                    StaffSessions.API_LIFETIME.toSeconds()));
            case SignIn.Outcome.Wrong ignored -> HttpResponse.status(HttpStatus.UNAUTHORIZED)
                    .body(ApiError.of("The email address or password is not right."));
            case SignIn.Outcome.Locked locked -> HttpResponse.status(HttpStatus.UNAUTHORIZED)
                    .body(ApiError.of("This account is locked after too many wrong passwords. Try again in "
                            + locked.minutes() + " minutes."));
            case SignIn.Outcome.TooMany tooMany -> HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header("Retry-After", Long.toString(tooMany.seconds()))
                    .body(ApiError.of("Too many attempts. Wait " + tooMany.seconds() + " seconds."));
        };
    }
}
