package uk.chorus.accounts;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uk.chorus.support.Api;
import uk.chorus.support.Browser;
import uk.chorus.support.ChorusTest;
import uk.chorus.support.PlainHttpClient;
import uk.chorus.support.StaffClient;
import uk.chorus.support.StaffFixture;
import uk.chorus.support.TestDatabase;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the outside security review found about signing in, accounts and the audit log, each
 * tried here the way the reviewer tried it. Client addresses come from X-Forwarded-For (as behind
 * a load balancer), so two people on two addresses can be told apart.
 */
@MicronautTest(transactional = false)
class SecurityFindingsTest extends ChorusTest {
    @Inject
    FirstAdmin firstAdmin;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("chorus.admin.email", StaffFixture.ADMIN_EMAIL, "chorus.admin.password",
                StaffFixture.ADMIN_PASSWORD, "chorus.trust-proxy", "true");
    }

    private StaffClient admin() {
        return StaffFixture.signedIn(server.getURI(), StaffFixture.ADMIN_EMAIL, StaffFixture.ADMIN_PASSWORD);
    }

    @Test
    void nobodyCanFloodTheAuditLogWithHugeEmails() {
        long before = count("SELECT count(*) FROM audit_log");
        String huge = "a".repeat(150_000) + "@example.org";
        for (int i = 0; i < 20; i++) {
            Api.Reply reply = api().postJson("/api/v1/auth/token", "{\"email\": \"" + huge + "\", \"password\": \"x\"}");
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.body()).contains("254 characters or fewer");
        }
        StaffClient browser = new StaffClient(server.getURI());
        assertThat(browser.signIn("b".repeat(300) + "@example.org", "x").status()).isEqualTo(422);
        assertThat(count("SELECT count(*) FROM audit_log")).as("audit rows written").isEqualTo(before);
        assertThat(count("SELECT coalesce(max(octet_length(actor || subject || detail)), 0) FROM audit_log"))
                .isLessThan(2000);
    }

    @Test
    void theAuditLogIsReadAPageAtATimeKeepingItsFilters() throws Exception {
        try (var connection = TestDatabase.connect(databaseUrl)) {
            connection.createStatement().execute("INSERT INTO audit_log (actor, action, subject) "
                    + "SELECT 'bulk@example.org', 'probe', 'entry ' || n FROM generate_series(1, 120) n");
        }
        StaffClient admin = admin();
        Browser.Page first = admin.get("/staff/audit?action=probe");
        assertThat(first.document().select("tbody tr")).hasSize(50);
        assertThat(first.document().select("tbody tr").first().text()).contains("entry 120");
        String older = first.document().select("a[rel=next]").attr("href");
        assertThat(older).contains("action=probe").contains("before=");
        Browser.Page second = admin.get(older);
        assertThat(second.document().select("tbody tr").first().text()).contains("entry 70");
        Browser.Page third = admin.get(second.document().select("a[rel=next]").attr("href"));
        assertThat(third.document().select("tbody tr")).hasSize(20);
        assertThat(third.document().select("a[rel=next]")).isEmpty();
    }

    @Test
    void aStrangeNextAfterSigningInGoesToTheStaffHomeNeverA500() {
        for (String next : new String[]{"/staff/ x", "<x>", "/staff\r\nSet-Cookie: x=y", "/staff\u2028", "//evil.example",
                "https://evil.example/staff", "/staff/../sign-in", "/staff/accounts\\..\\x"}) {
            StaffClient client = new StaffClient(server.getURI());
            Browser.Page form = client.get("/sign-in");
            String token = form.document().select("input[name=_csrf]").attr("value");
            Browser.Page signedIn = client.post("/sign-in", "_csrf", token, "next", next,
                    "email", StaffFixture.ADMIN_EMAIL, "password", StaffFixture.ADMIN_PASSWORD);
            assertThat(signedIn.status()).as(next).isEqualTo(303);
            assertThat(signedIn.location()).as(next).isEqualTo("/staff");
        }
        StaffClient client = new StaffClient(server.getURI());
        String token = client.get("/sign-in?next=/staff/audit").document().select("input[name=_csrf]").attr("value");
        assertThat(client.post("/sign-in", "_csrf", token, "next", "/staff/audit?action=probe", "email",
                StaffFixture.ADMIN_EMAIL, "password", StaffFixture.ADMIN_PASSWORD).location())
                .isEqualTo("/staff/audit?action=probe");
    }

    @Test
    void lockOutSaysTheSameForEveryEmailAndAStrangerCannotLockALeadOut() {
        StaffClient admin = admin();
        StaffFixture.invite(server.getURI(), admin, "lead.locked@example.org", "lead");
        StaffClient stranger = new StaffClient(server.getURI()).withHeader("X-Forwarded-For", "203.0.113.9");
        String lockedSentence = "Too many wrong passwords have been tried. Try again in 15 minutes";
        for (String email : new String[]{"lead.locked@example.org", "nobody.here@example.org"}) {
            for (int i = 1; i <= 4; i++) {
                assertThat(stranger.signIn(email, "guess " + i).errorSummary())
                        .containsExactly("Enter a correct email address and password");
            }
            assertThat(stranger.signIn(email, "guess 5").errorSummary()).as(email).containsExactly(lockedSentence);
            assertThat(stranger.signIn(email, "guess 6").errorSummary()).as(email).containsExactly(lockedSentence);
        }
        // From the lead's own address, the lead still gets in.
        StaffClient lead = new StaffClient(server.getURI()).withHeader("X-Forwarded-For", "198.51.100.4");
        assertThat(lead.signIn("lead.locked@example.org", StaffFixture.PASSWORD).status()).isEqualTo(303);
    }

    @Test
    void linksAreBuiltFromTheConfiguredAddressNeverTheHostHeader() throws Exception {
        StaffClient admin = admin();
        String session = admin.cookies().getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("chorus_session")).findFirst().orElseThrow().getValue();
        String form = "email=host%40example.org&role=viewer&_csrf=" + admin.csrf();
        try (PlainHttpClient http = new PlainHttpClient(server.getURI())) {
            // A raw request, since the JDK's client will not send a Host header of our choosing.
            PlainHttpClient.Reply reply = http.raw("POST /staff/accounts/invite HTTP/1.1\r\nHost: evil.example\r\n"
                    + "Cookie: chorus_session=" + session + "\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: " + form.length() + "\r\n\r\n", form);
            assertThat(reply.status()).isEqualTo(303);
            PlainHttpClient.Reply shown = http.raw("GET " + reply.header("Location") + " HTTP/1.1\r\nHost: evil.example\r\n"
                    + "Cookie: chorus_session=" + session + "\r\n\r\n", "");
            String link = org.jsoup.Jsoup.parse(shown.body()).select("code").text();
            assertThat(link).startsWith("http://localhost:" + server.getPort() + "/invitations/");
            assertThat(link).doesNotContain("evil");
        }
    }

    @Test
    void overHttpsCookiesAreSecureAndBrowsersAreToldToStayOnHttps() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> secure = http.send(HttpRequest.newBuilder(server.getURI().resolve("/sign-in"))
                .header("X-Forwarded-Proto", "https").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(secure.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("chorus_sign_in=")
                && c.contains("; Secure") && c.toLowerCase().contains("httponly") && c.contains("SameSite=Strict"));
        assertThat(secure.headers().firstValue("Strict-Transport-Security")).contains("max-age=31536000; includeSubDomains");
        HttpResponse<String> plain = http.send(HttpRequest.newBuilder(server.getURI().resolve("/sign-in")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void aSessionUnusedForHalfAnHourEnds() throws Exception {
        StaffClient admin = admin();
        assertThat(admin.get("/staff").status()).isEqualTo(200);
        try (var connection = TestDatabase.connect(databaseUrl)) {
            connection.createStatement().execute("UPDATE staff_sessions SET last_seen_at = now() - interval '31 minutes'");
        }
        Browser.Page after = admin.get("/staff");
        assertThat(after.status()).isEqualTo(303);
        assertThat(after.location()).startsWith("/sign-in");
    }

    @Test
    void aFormPostedFromAnotherSiteIsRefusedInWords() throws Exception {
        StaffClient admin = admin();
        long invitations = count("SELECT count(*) FROM invitations");
        HttpResponse<String> forged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        server.getURI().resolve("/staff/accounts/invite"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", "https://evil.example")
                .header("Sec-Fetch-Site", "cross-site")
                .POST(HttpRequest.BodyPublishers.ofString("email=x%40example.org&role=admin")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("This form was sent from another website");
        assertThat(forged.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(forged.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(count("SELECT count(*) FROM invitations")).isEqualTo(invitations);
        assertThat(admin.get("/staff").status()).isEqualTo(200);
    }

    @Test
    void theAreaCannotLockItselfOutOfItsOwnService() throws Exception {
        StaffClient admin = admin();
        long adminId = count("SELECT id FROM accounts WHERE email = '" + StaffFixture.ADMIN_EMAIL + "'");
        Browser.Page manage = admin.get("/staff/accounts/" + adminId);
        // The person's current role is the one chosen, never a default.
        assertThat(manage.document().select("input[name=role][checked]").attr("value")).isEqualTo("admin");
        Browser.Page list = admin.get("/staff/accounts");
        assertThat(list.document().select("#accounts-list tr:contains(" + StaffFixture.ADMIN_EMAIL + ")").text()).contains("Administrator");

        Browser.Page demoted = admin.post("/staff/accounts/" + adminId + "/role", "role", "lead", "confirm", "yes");
        assertThat(demoted.status()).isEqualTo(422);
        assertThat(demoted.errorSummary()).containsExactly(
                "There must always be an active administrator. Make someone else an administrator first");
        assertThat(admin.post("/staff/accounts/" + adminId + "/deactivate", "confirm", "yes").status()).isEqualTo(422);
        assertThat(count("SELECT count(*) FROM accounts WHERE role = 'admin' AND deactivated_at IS NULL")).isEqualTo(1);

        // An area locked out before this rule existed gets back in by restarting with CHORUS_ADMIN_EMAIL.
        try (var connection = TestDatabase.connect(databaseUrl)) {
            connection.createStatement().execute("UPDATE accounts SET role = 'viewer' WHERE id = " + adminId);
        }
        firstAdmin.ensure();
        assertThat(queryText("SELECT role FROM accounts WHERE id = " + adminId)).isEqualTo("admin");
        assertThat(queryText("SELECT detail FROM audit_log WHERE action = 'role changed' ORDER BY id DESC LIMIT 1"))
                .startsWith("viewer to admin (CHORUS_ADMIN_EMAIL at start-up");
    }

    @Test
    void anAccountCanBeDeactivatedAndALeadUnassigned() {
        StaffClient admin = admin();
        StaffClient lead = StaffFixture.invite(server.getURI(), admin, "leaving@example.org", "lead");
        assertThat(admin.post("/staff/accounts/leads", "survey", "big-bang-2026", "lead", "leaving@example.org")
                .status()).isEqualTo(303);
        long leadId = count("SELECT id FROM accounts WHERE email = 'leaving@example.org'");
        assertThat(admin.post("/staff/accounts/leads/remove", "survey", "big-bang-2026", "account",
                Long.toString(leadId)).status()).isEqualTo(303);
        assertThat(count("SELECT count(*) FROM survey_leads WHERE account_id = " + leadId)).isZero();

        Browser.Page confirm = admin.post("/staff/accounts/" + leadId + "/deactivate");
        assertThat(confirm.heading()).isEqualTo("Are you sure you want to deactivate this account?");
        assertThat(lead.get("/staff").status()).as("nothing changes before it is confirmed").isEqualTo(200);
        assertThat(admin.post("/staff/accounts/" + leadId + "/deactivate", "confirm", "yes").status()).isEqualTo(303);
        assertThat(lead.get("/staff").status()).isEqualTo(303);
        assertThat(new StaffClient(server.getURI()).signIn("leaving@example.org", StaffFixture.PASSWORD).status())
                .isEqualTo(422);
        assertThat(admin.get("/staff/accounts").document().select("#accounts-list tr:contains(leaving@example.org)").text())
                .contains("Deactivated");
        assertThat(queryText("SELECT string_agg(action, ',' ORDER BY id) FROM audit_log WHERE subject IN "
                + "('leaving@example.org', 'big-bang-2026') AND actor = '" + StaffFixture.ADMIN_EMAIL + "'"))
                .contains("lead assigned").contains("lead unassigned").contains("account deactivated");
    }
}
