package uk.chorus.support;

import java.net.URI;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Accounts and responses made the way a real area would make them: through the service's own pages. */
public final class StaffFixture {
    public static final String ADMIN_EMAIL = "admin@example.org";
    public static final String ADMIN_PASSWORD = "correct horse battery staple";
    public static final String PASSWORD = "a long enough passphrase";

    public static final String FAMILY_VOICE_ANSWERS = "{\"ehcp_status\": \"neither\", \"child_age\": \"5-10\", "
            + "\"primary_need\": \"slcn\", \"school_phase\": \"primary\", \"needs_met_education\": \"agree\", "
            + "\"needs_met_health\": \"agree\", \"needs_met_care\": \"agree\", \"local_offer_aware\": \"no\", "
            + "\"transition_recent\": \"no\", \"feel_listened_to\": \"agree\", \"recommend_support\": 9, "
            + "\"biggest_difference\": \"Speech therapy in school sooner.\"}";
    public static final String BIG_BANG_ANSWERS = "{\"age_band\": \"19-25\", \"ehcp_status\": \"neither\", "
            + "\"school_phase\": \"none\", \"has_friends\": \"yes\", \"feel_safe\": \"good\", "
            + "\"mental_health_support\": \"no\", \"listened_to\": \"okay\", \"adulthood_ready\": \"good\", "
            + "\"one_change\": \"Later buses.\"}";

    private StaffFixture() {
    }

    public static StaffClient signedIn(URI base, String email, String password) {
        StaffClient client = new StaffClient(base);
        assertThat(client.signIn(email, password).status()).as("sign in " + email).isEqualTo(303);
        client.get("/staff");
        return client;
    }

    /** The admin makes an invitation (posted, then shown by redirect); returns the page showing its link. */
    public static Browser.Page invitation(StaffClient admin, String email, String role) {
        Browser.Page made = admin.post("/staff/accounts/invite", "email", email, "role", role);
        assertThat(made.status()).as(made.text()).isEqualTo(303);
        Browser.Page shown = admin.get(made.location());
        assertThat(shown.status()).as(shown.text()).isEqualTo(200);
        return shown;
    }

    /** The admin invites someone, who accepts and is signed in; returns their browser. */
    public static StaffClient invite(URI base, StaffClient admin, String email, String role) {
        Browser.Page invited = invitation(admin, email, role);
        String link = invited.document().select("code").text();
        String path = URI.create(link).getPath();
        StaffClient person = new StaffClient(base);
        Browser.Page accepted = person.postWithoutCsrf(path, "name", "Person " + role, "password", PASSWORD);
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(303);
        person.get("/staff");
        return person;
    }

    public static String respond(URI base, String surveyId, String answers) {
        Api.Reply reply = new Api(base).postJson("/api/v1/surveys/" + surveyId + "/responses",
                "{\"submissionId\": \"" + UUID.randomUUID() + "\", \"answers\": " + answers + "}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    }

    public static String token(URI base, String email, String password) {
        Api.Reply reply = new Api(base).postJson("/api/v1/auth/token",
                "{\"email\": \"" + email + "\", \"password\": \"" + password + "\"}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    }
}
