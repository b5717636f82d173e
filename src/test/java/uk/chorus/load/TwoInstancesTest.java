package uk.chorus.load;

import org.junit.jupiter.api.Test;
import uk.chorus.support.Api;
import uk.chorus.support.Browser;
import uk.chorus.support.TestDatabase;

import uk.chorus.support.StaffClient;

import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances behind a load balancer on one database: a respondent's pages go alternately to
 * each, retries land on the other one, and both see every response exactly once.
 */
class TwoInstancesTest {

    @Test
    void aRespondentCanMoveBetweenInstancesPageByPage() throws Exception {
        String databaseUrl = TestDatabase.fresh();
        Map<String, String> admin = Map.of("CHORUS_ADMIN_EMAIL", "admin@example.org",
                "CHORUS_ADMIN_PASSWORD", "correct horse battery staple");
        try (ServiceProcess a = new ServiceProcess(databaseUrl, admin);
             ServiceProcess b = new ServiceProcess(databaseUrl, admin)) {
            a.start();
            b.start();
            Browser onA = new Browser(a.uri());
            Browser onB = new Browser(b.uri());
            Browser[] instances = {onA, onB};

            String page = onA.post("/s/big-bang-2026/start").location();
            String base = page.substring(0, page.length() - 1);
            String[][] pages = {
                    {"age_band", "11-15"},
                    {"ehcp_status", "ehcp"},
                    {"school_phase", "school"},
                    {"school_help", "good"},
                    {"learning_better", ""},
                    {"has_friends", "yes"},
                    {},
                    {"feel_safe", "okay"},
                    {"mental_health_support", "no"},
                    {},
                    {"listened_to", "good"},
                    {"plan_say", "yes"},
                    {"adulthood_plans", ""},
                    {"one_change", "Quieter lunch halls."}};
            for (int i = 0; i < pages.length; i++) {
                if (pages[i].length == 0) {
                    continue;
                }
                Browser instance = instances[i % 2];
                Browser.Page shown = instance.get(base + (i + 1));
                assertThat(shown.status()).as("page %d on instance %s", i + 1, i % 2 == 0 ? "A" : "B").isEqualTo(200);
                assertThat(instance.post(base + (i + 1), pages[i]).status()).isEqualTo(303);
            }
            String submit = base.replace("/page/", "/submit");
            Browser.Page first = onB.post(submit);
            Browser.Page retried = onA.post(submit);
            assertThat(retried.location()).isEqualTo(first.location());
            String reference = onA.get(first.location()).document().select(".govuk-panel__body strong").text();
            assertThat(onB.get(first.location()).text()).contains(reference);

            UUID id = UUID.randomUUID();
            String body = "{\"submissionId\": \"" + id + "\", \"answers\": " + uk.chorus.support.StaffFixture.BIG_BANG_ANSWERS
                    + "}";
            Api.Reply created = new Api(a.uri()).postJson("/api/v1/surveys/big-bang-2026/responses", body);
            Api.Reply repeated = new Api(b.uri()).postJson("/api/v1/surveys/big-bang-2026/responses", body);
            assertThat(created.status()).isEqualTo(201);
            assertThat(repeated.status()).isEqualTo(200);
            assertThat(repeated.body()).isEqualTo(created.body());

            // A token from one instance works on the other: sessions live in PostgreSQL.
            String token = new Api(a.uri()).token("admin@example.org", "correct horse battery staple");
            assertThat(new Api(a.uri()).get("/api/v1/surveys/big-bang-2026/counts", token).body())
                    .isEqualTo(new Api(b.uri()).get("/api/v1/surveys/big-bang-2026/counts", token).body())
                    .contains("\"complete\":2");
            // Both instances started together, yet there is one administrator.
            try (Connection connection = TestDatabase.connect(databaseUrl);
                 ResultSet rs = connection.createStatement().executeQuery(
                         "SELECT count(*) FROM accounts WHERE role = 'admin'")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(1);
            }
            try (Connection connection = TestDatabase.connect(databaseUrl);
                 ResultSet rs = connection.createStatement().executeQuery(
                         "SELECT count(*), count(DISTINCT reference) FROM responses")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(2);
                assertThat(rs.getLong(2)).isEqualTo(2);
            }
            // Each instance keeps its own search index, and both follow the change log to the same place.
            long lastChange;
            try (Connection connection = TestDatabase.connect(databaseUrl);
                 ResultSet rs = connection.createStatement().executeQuery("SELECT max(id) FROM change_log")) {
                rs.next();
                lastChange = rs.getLong(1);
            }
            assertThat(indexState(a.uri(), lastChange)).isEqualTo(indexState(b.uri(), lastChange))
                    .startsWith("2 ");
            // Both instances started on the same survey files, and agreed on one stored version each.
            try (Connection connection = TestDatabase.connect(databaseUrl);
                 ResultSet rs = connection.createStatement().executeQuery("SELECT count(*) FROM survey_versions")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(2);
            }
        }
    }

    /** The comments in an instance's index and the last change applied, once it has reached {@code lastChange}. */
    private static String indexState(URI uri, long lastChange) throws Exception {
        StaffClient admin = new StaffClient(uri);
        admin.signIn("admin@example.org", "correct horse battery staple");
        String state = "";
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            var page = admin.get("/staff/themes/index").document();
            String documents = page.select("dt:contains(Comments in the index) + dd").text();
            String applied = page.select("dt:contains(Changes applied, up to) + dd").text();
            state = documents + " " + applied;
            if (applied.replace(",", "").equals(Long.toString(lastChange))) {
                break;
            }
            Thread.sleep(200);
        }
        return state;
    }
}
