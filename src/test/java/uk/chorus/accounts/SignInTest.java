package uk.chorus.accounts;
import uk.chorus.support.StaffFixture;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import uk.chorus.browser.HtmlChecker;
import uk.chorus.support.Browser;
import uk.chorus.support.ChorusTest;
import uk.chorus.support.StaffClient;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Signing in and out, the first administrator, invitations, lock-out, CSRF, choosing a forgotten
 * password again, and the audit log.
 */
@MicronautTest(transactional = false)
class SignInTest extends ChorusTest {

    @Override
    protected Map<String, String> extraProperties() {
        // A mail server that is never there: email is queued in the outbox, where the tests read it.
        return Map.of("chorus.admin.email", "Admin@Example.org", "chorus.admin.password", StaffFixture.ADMIN_PASSWORD,
                "chorus.mail.host", "127.0.0.1", "chorus.mail.port", "9", "chorus.mail.every", "1h");
    }

    @Test
    void theFirstAdminSignsInWithASecureSessionCookieAndOut() {
        StaffClient admin = new StaffClient(server.getURI());
        Browser.Page signedIn = admin.signIn("admin@example.org", StaffFixture.ADMIN_PASSWORD);
        assertThat(signedIn.status()).isEqualTo(303);
        assertThat(signedIn.location()).isEqualTo("/staff");
        String cookie = signedIn.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("chorus_session=")).findFirst().orElseThrow();
        assertThat(cookie).containsIgnoringCase("HttpOnly").contains("SameSite=Lax").contains("Path=/");
        assertThat(count("SELECT count(*) FROM staff_sessions")).isPositive();
        assertThat(queryText("SELECT token_hash FROM staff_sessions LIMIT 1")).hasSize(64)
                .isNotEqualTo(cookie.split("[=;]")[1]);

        assertThat(admin.get("/staff").status()).isEqualTo(200);
        assertThat(admin.post("/sign-out").status()).isEqualTo(303);
        Browser.Page after = admin.get("/staff");
        assertThat(after.status()).isEqualTo(303);
        assertThat(after.location()).isEqualTo("/sign-in?next=%2Fstaff");
        assertThat(queryText("SELECT string_agg(action, ',' ORDER BY id) FROM audit_log WHERE actor = 'admin@example.org'"))
                .contains("sign-in").contains("sign-out");
    }

    @Test
    void aWrongPasswordIsRefusedAndAfterFiveTheAccountLocksForAWhile() {
        StaffClient admin = StaffFixture.signedIn(server.getURI(), "admin@example.org", StaffFixture.ADMIN_PASSWORD);
        StaffClient person = StaffFixture.invite(server.getURI(), admin, "locked@example.org", "viewer");
        StaffClient attacker = new StaffClient(server.getURI());
        for (int i = 1; i <= 4; i++) {
            Browser.Page wrong = attacker.signIn("locked@example.org", "wrong password " + i);
            assertThat(wrong.status()).isEqualTo(422);
            assertThat(wrong.errorSummary()).containsExactly("Enter a correct email address and password");
        }
        Browser.Page fifth = attacker.signIn("locked@example.org", "wrong password 5");
        assertThat(fifth.errorSummary()).containsExactly("Too many wrong passwords have been tried. Try again in 15 minutes");
        // Even the right password waits for the lock to run out.
        assertThat(new StaffClient(server.getURI()).signIn("locked@example.org", StaffFixture.PASSWORD).status())
                .isEqualTo(422);
        assertThat(count("SELECT count(*) FROM audit_log WHERE actor = 'locked@example.org' "
                + "AND action = 'sign-in failed'")).isEqualTo(5);
        // When the lock has run out, the right password works again.
        try (var connection = uk.chorus.support.TestDatabase.connect(databaseUrl)) {
            connection.createStatement().execute("UPDATE sign_in_failures SET locked_until = now() - interval '1 second'");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        assertThat(new StaffClient(server.getURI()).signIn("locked@example.org", StaffFixture.PASSWORD).status())
                .isEqualTo(303);
        assertThat(person.get("/staff").status()).isEqualTo(200);
    }

    @Test
    void formsWithoutTheRightCsrfTokenChangeNothing() {
        StaffClient admin = StaffFixture.signedIn(server.getURI(), "admin@example.org", StaffFixture.ADMIN_PASSWORD);
        long invitations = count("SELECT count(*) FROM invitations");
        Browser.Page missing = admin.postWithoutCsrf("/staff/accounts/invite", "email", "x@example.org", "role", "viewer");
        assertThat(missing.status()).isEqualTo(403);
        Browser.Page forged = admin.postWithoutCsrf("/staff/accounts/invite", "email", "x@example.org", "role", "viewer",
                "_csrf", "forged-token");
        assertThat(forged.status()).isEqualTo(403);
        assertThat(count("SELECT count(*) FROM invitations")).isEqualTo(invitations);
        assertThat(admin.postWithoutCsrf("/sign-out").status()).isEqualTo(403);
        assertThat(admin.get("/staff").status()).isEqualTo(200);

        // The sign-in form's token comes from a cookie set with the form; without it, nothing happens.
        Browser.Page noCookie = new Browser(server.getURI()).post("/sign-in", "_csrf", "anything",
                "email", "admin@example.org", "password", StaffFixture.ADMIN_PASSWORD);
        assertThat(noCookie.status()).isEqualTo(403);
        assertThat(noCookie.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("chorus_session=") && !c.startsWith("chorus_session=;"));
    }

    @Test
    void anInvitationWorksOnceAndARoleChangeTakesEffectAtOnce() {
        StaffClient admin = StaffFixture.signedIn(server.getURI(), "admin@example.org", StaffFixture.ADMIN_PASSWORD);
        Browser.Page invited = StaffFixture.invitation(admin, "Youth.Member@Example.org", "youth-forum");
        String path = java.net.URI.create(invited.document().select("code").text()).getPath();
        Browser.Page weak = new StaffClient(server.getURI()).postWithoutCsrf(path, "name", "Sam", "password", "short");
        assertThat(weak.status()).isEqualTo(422);
        assertThat(weak.errorSummary()).containsExactly("Enter a password of at least 12 characters");
        StaffClient member = new StaffClient(server.getURI());
        assertThat(member.postWithoutCsrf(path, "name", "Sam", "password", StaffFixture.PASSWORD).status()).isEqualTo(303);
        assertThat(new StaffClient(server.getURI()).get(path).status()).isEqualTo(410);
        assertThat(member.get("/staff").status()).isEqualTo(200);
        assertThat(member.get("/staff/accounts").status()).isEqualTo(403);

        Browser.Page list = admin.get("/staff/accounts");
        String id = list.document().select("#accounts-list tr:contains(youth.member@example.org) a").attr("href").split("/")[3];
        // Taking a forum member's role away is confirmed first, naming what changes.
        Browser.Page confirm = admin.post("/staff/accounts/" + id + "/role", "role", "admin");
        assertThat(confirm.status()).isEqualTo(200);
        assertThat(confirm.text()).contains("Sam will change from Youth forum member to Administrator")
                .contains("They will no longer co-design the youth forum's surveys.");
        assertThat(member.get("/staff").status()).as("nothing changes before it is confirmed").isEqualTo(200);
        assertThat(admin.post("/staff/accounts/" + id + "/role", "role", "admin", "confirm", "yes").status())
                .isEqualTo(303);
        // Sessions end with a role change: the member signs in again and has the new role.
        assertThat(member.get("/staff").status()).isEqualTo(303);
        StaffClient again = StaffFixture.signedIn(server.getURI(), "youth.member@example.org", StaffFixture.PASSWORD);
        assertThat(again.get("/staff/accounts").status()).isEqualTo(200);

        Browser.Page audit = admin.get("/staff/audit?action=role+changed");
        assertThat(audit.text()).contains("youth.member@example.org").contains("youth-forum to admin");
        assertThat(audit.document().select("tbody tr")).hasSize(1);
    }

    @jakarta.inject.Inject
    StaffSessions sessions;

    @Test
    void expiredSessionsAreForgotten() throws Exception {
        StaffFixture.signedIn(server.getURI(), "admin@example.org", StaffFixture.ADMIN_PASSWORD);
        try (var connection = uk.chorus.support.TestDatabase.connect(databaseUrl)) {
            connection.createStatement().execute("INSERT INTO staff_sessions (token_hash, account_id, kind, csrf_token, "
                    + "expires_at) SELECT 'expired', id, 'browser', 'x', now() - interval '1 minute' FROM accounts "
                    + "WHERE email = 'admin@example.org'");
        }
        long live = count("SELECT count(*) FROM staff_sessions WHERE expires_at > now()");
        sessions.deleteExpired();
        assertThat(count("SELECT count(*) FROM staff_sessions WHERE token_hash = 'expired'")).isZero();
        assertThat(count("SELECT count(*) FROM staff_sessions")).isEqualTo(live);
    }

    @Test
    void theAuditLogCannotBeChanged() throws Exception {
        try (var connection = uk.chorus.support.TestDatabase.connect(databaseUrl)) {
            connection.createStatement().execute("INSERT INTO audit_log (actor, action) VALUES ('test', 'probe')");
            assertThatThrownBy(() -> connection.createStatement().execute("UPDATE audit_log SET actor = 'x'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> connection.createStatement().execute("DELETE FROM audit_log"))
                    .hasMessageContaining("append-only");
        }
    }

    @Test
    void apiTokensComeFromEmailAndPassword() {
        var api = api();
        assertThat(api.postJson("/api/v1/auth/token", "{\"email\": \"admin@example.org\", \"password\": \"nope\"}")
                .status()).isEqualTo(401);
        assertThat(api.postJson("/api/v1/auth/token", "not json").status()).isEqualTo(400);
        var ok = api.postJson("/api/v1/auth/token", "{\"email\": \"admin@example.org\", \"password\": \""
                + StaffFixture.ADMIN_PASSWORD + "\"}");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body()).contains("\"tokenType\":\"Bearer\"").contains("\"expiresIn\":1800");
    }

    @Test
    void aForgottenPasswordIsChosenAgainThroughAOneTimeLinkSentToTheAccountsEmail() {
        StaffClient admin = StaffFixture.signedIn(server.getURI(), "admin@example.org", StaffFixture.ADMIN_PASSWORD);
        StaffClient forgetful = StaffFixture.invite(server.getURI(), admin, "forgetful@example.org", "viewer");
        StaffClient asker = new StaffClient(server.getURI());
        assertThat(asker.get("/sign-in").document().select("a[href=/sign-in/forgotten]").text())
                .isEqualTo("Forgotten your password?");
        Browser.Page form = asker.get("/sign-in/forgotten");
        assertThat(HtmlChecker.errors(form.body())).isEmpty();
        Browser.Page bad = asker.postWithoutCsrf("/sign-in/forgotten", "_csrf", formToken(form), "email", "forgetful");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.errorSummary()).containsExactly("Enter an email address in the correct format, like name@example.org");
        // An address with no account gets the same answer and no email.
        Browser.Page unknown = asker.postWithoutCsrf("/sign-in/forgotten", "_csrf", formToken(bad), "email",
                "nobody@example.org");
        Browser.Page sent = asker.postWithoutCsrf("/sign-in/forgotten", "_csrf", formToken(bad), "email",
                "Forgetful@Example.org");
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.heading()).isEqualTo(unknown.heading()).isEqualTo("Check your email");
        assertThat(count("SELECT count(*) FROM mail_outbox WHERE to_address = 'nobody@example.org'")).isZero();
        String mail = queryText("SELECT body FROM mail_outbox WHERE to_address = 'forgetful@example.org' "
                + "AND about LIKE 'password-reset:%'");
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("(/password-reset/[A-Za-z0-9_-]+)").matcher(mail);
        assertThat(link.find()).as(mail).isTrue();
        assertThat(mail).contains("works once, for 60 minutes");

        StaffClient holder = new StaffClient(server.getURI());
        Browser.Page choose = holder.get(link.group(1));
        assertThat(choose.text()).contains("forgetful@example.org").contains("Choose a new password");
        assertThat(HtmlChecker.errors(choose.body())).isEmpty();
        assertThat(holder.postWithoutCsrf(link.group(1), "password", "short").errorSummary())
                .containsExactly("Enter a password of at least 12 characters");
        Browser.Page chosen = holder.postWithoutCsrf(link.group(1), "password", "a brand new password");
        assertThat(chosen.status()).isEqualTo(303);
        assertThat(chosen.location()).isEqualTo("/staff");
        assertThat(holder.get("/staff").status()).isEqualTo(200);
        // Every other session ends, the link works once, and only the new password signs in.
        assertThat(forgetful.get("/staff").status()).isEqualTo(303);
        assertThat(new StaffClient(server.getURI()).get(link.group(1)).status()).isEqualTo(410);
        assertThat(new StaffClient(server.getURI()).postWithoutCsrf(link.group(1), "password", "another new password")
                .status()).isEqualTo(410);
        assertThat(new StaffClient(server.getURI()).signIn("forgetful@example.org", StaffFixture.PASSWORD).status())
                .isEqualTo(422);
        assertThat(new StaffClient(server.getURI()).signIn("forgetful@example.org", "a brand new password").status())
                .isEqualTo(303);
        assertThat(queryText("SELECT string_agg(action, ',' ORDER BY id) FROM audit_log WHERE action LIKE 'password%'"))
                .isEqualTo("password reset refused,password reset requested,password reset");

        // An administrator can make a link to pass on by hand.
        String id = admin.get("/staff/accounts").document().select("#accounts-list tr:contains(forgetful@example.org) a").attr("href")
                .split("/")[3];
        Browser.Page made = admin.post("/staff/accounts/" + id + "/reset-link");
        assertThat(made.text()).contains("it works once, for 24 hours");
        String byHand = java.net.URI.create(made.document().select("code").text()).getPath();
        assertThat(new StaffClient(server.getURI()).get(byHand).status()).isEqualTo(200);
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'password reset link made' "
                + "AND actor = 'admin@example.org'")).isEqualTo(1);
    }

    private static String formToken(Browser.Page page) {
        return page.document().select("form input[name=_csrf]").attr("value");
    }
}
