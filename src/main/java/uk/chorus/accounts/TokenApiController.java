package uk.chorus.accounts;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import uk.chorus.audit.AuditLog;
import uk.chorus.web.ApiError;
import uk.chorus.web.ClientAddress;
import uk.chorus.web.Messages;
import uk.chorus.web.RequestBody;

/** Short-lived bearer tokens for API clients: POST /api/v1/auth/token with email and password. */
@Controller(value = "/api/v1/auth", produces = MediaType.APPLICATION_JSON)
class TokenApiController {
    private static final int LONGEST_PASSWORD = 1000;
    private final SignIn signIn;
    private final JsonMapper json;
    private final ClientAddress clientAddress;
    private final Messages messages;

    TokenApiController(SignIn signIn, JsonMapper json, ClientAddress clientAddress, Messages messages) {
        this.signIn = signIn;
        this.json = json;
        this.clientAddress = clientAddress;
        this.messages = messages;
    }

    @Serdeable
    record Token(String token, String tokenType, long expiresIn) {
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Post(uri = "/token", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<?> token(HttpRequest<byte[]> request) {
        String email;
        String password;
        try {
            JsonNode node = json.readValue(RequestBody.bytes(request), JsonNode.class);
            email = node.get("email").getStringValue();
            password = node.get("password").getStringValue();
        } catch (Exception e) {
            return HttpResponse.badRequest(ApiError.of(messages.get("api.token.unreadable")));
        }
        if (email.isBlank() || email.length() > AuditLog.LONGEST_ACTOR || password.length() > LONGEST_PASSWORD) {
            // Refused before anything is written or audited.
            return HttpResponse.badRequest(ApiError.of(messages.get("api.token.too.long", AuditLog.LONGEST_ACTOR)));
        }
        return switch (signIn.attempt(email, password, clientAddress.of(request), null, "api")) {
            case SignIn.Outcome.SignedIn signedIn -> HttpResponse.ok(new Token(signedIn.token(), "Bearer",
                    StaffSessions.API_LIFETIME.toSeconds()));
            case SignIn.Outcome.Wrong ignored -> HttpResponse.status(HttpStatus.UNAUTHORIZED)
                    .body(ApiError.of(messages.get("api.token.wrong")));
            case SignIn.Outcome.Locked locked -> HttpResponse.status(HttpStatus.UNAUTHORIZED)
                    .body(ApiError.of(messages.get("sign.in.locked", locked.minutes()) + "."));
            case SignIn.Outcome.TooMany tooMany -> HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header("Retry-After", Long.toString(tooMany.seconds()))
                    .body(ApiError.of(messages.get("sign.in.too.many", tooMany.seconds()) + "."));
        };
    }
}
