package uk.chorus.accounts;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.chorus.support.Browser;
import uk.chorus.support.ChorusTest;
import uk.chorus.support.StaffClient;
import uk.chorus.support.StaffFixture;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The second outside review's findings about access and sessions, each attack performed exactly as
 * the reviewer described it. Each test fails if its attack works again.
 */
@MicronautTest(transactional = false)
class SecondReviewTest extends ChorusTest {
    private StaffClient admin;
    private StaffClient assignedLead;
    private StaffClient unassignedLead;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("chorus.admin.email", StaffFixture.ADMIN_EMAIL, "chorus.admin.password",
                StaffFixture.ADMIN_PASSWORD);
    }

    @BeforeAll
    void people() {
        admin = StaffFixture.signedIn(server.getURI(), StaffFixture.ADMIN_EMAIL, StaffFixture.ADMIN_PASSWORD);
        assignedLead = StaffFixture.invite(server.getURI(), admin, "assigned@example.org", "lead");
        unassignedLead = StaffFixture.invite(server.getURI(), admin, "unassigned@example.org", "lead");
        assertThat(admin.post("/staff/accounts/leads", "survey", "big-bang-2026", "lead", "assigned@example.org")
                .status()).isEqualTo(303);
    }

    @Test
    void loadingAYoungPeoplesSurveyFileAsAParentsSurveyOpensNoAnswers() {
        StaffFixture.respond(server.getURI(), "big-bang-2026", StaffFixture.BIG_BANG_ANSWERS);
        String csv = "/staff/surveys/big-bang-2026/responses.csv";
        assertThat(unassignedLead.get(csv).status()).isEqualTo(403);

        // The reviewer's attack: download the survey's own file, say it is for parents and load it.
        String file = unassignedLead.get("/staff/codesign/big-bang-2026/export.yml").body();
        assertThat(file).contains("audience: young-people");
        String loosened = file.replace("audience: young-people", "audience: parents-carers");
        Browser.Page loaded = unassignedLead.postFileWith("/staff/codesign/check", "file", "big-bang-2026.yml",
                loosened.getBytes(StandardCharsets.UTF_8), "load", "yes");
        assertThat(loaded.status()).isEqualTo(200);
        assertThat(queryText("SELECT definition ->> 'audience' FROM survey_versions WHERE survey_id = 'big-bang-2026' "
                + "ORDER BY version DESC LIMIT 1")).as("the file itself was taken").isEqualTo("parents-carers");

        assertThat(unassignedLead.get(csv).status()).as("raw answers").isEqualTo(403);
        assertThat(unassignedLead.get("/staff/surveys/big-bang-2026/responses.xlsx").status()).isEqualTo(403);
        assertThat(unassignedLead.get("/staff/surveys/big-bang-2026/responses").status()).isEqualTo(403);
        assertThat(unassignedLead.get("/staff/surveys/big-bang-2026/results").status()).isEqualTo(403);
        assertThat(assignedLead.get(csv).status()).as("the assigned lead still reads them").isEqualTo(200);
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'audience change not applied to who reads "
                + "answers' AND subject = 'big-bang-2026'")).isEqualTo(1);

        // Only an administrator changes who reads the answers, with a reason, audited.
        assertThat(unassignedLead.post("/staff/accounts/survey-access", "survey", "big-bang-2026", "audience",
                "parents-carers", "reason", "I would like to read them").status()).isEqualTo(403);
        Browser.Page noReason = admin.post("/staff/accounts/survey-access", "survey", "big-bang-2026", "audience",
                "parents-carers", "forum", "youth-forum", "reason", "");
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.errorSummary()).containsExactly(
                "Enter why you are making this change, in 2,000 characters or fewer");
        assertThat(admin.get("/staff/accounts/survey-access").text())
                .contains("Young people's survey (only the leads assigned read the answers)");
        assertThat(admin.post("/staff/accounts/survey-access", "survey", "big-bang-2026", "audience",
                "parents-carers", "forum", "youth-forum", "reason",
                "Set up with the wrong audience: it is the parents' survey").status())
                .isEqualTo(303);
        assertThat(queryText("SELECT detail FROM audit_log WHERE action = 'who reads answers changed' "
                + "AND subject = 'big-bang-2026' AND actor = '" + StaffFixture.ADMIN_EMAIL + "'"))
                .isEqualTo("young-people -> parents-carers: Set up with the wrong audience: it is the parents' survey");
        assertThat(unassignedLead.get(csv).status()).isEqualTo(200);

        // A file for young people tightens it again at once, with no administrator needed.
        Browser.Page tightened = unassignedLead.postFileWith("/staff/codesign/check", "file", "big-bang-2026.yml",
                file.replace("title: ", "title: Again ").getBytes(StandardCharsets.UTF_8), "load", "yes");
        assertThat(tightened.status()).isEqualTo(200);
        assertThat(unassignedLead.get(csv).status()).isEqualTo(403);
    }

    @Test
    void aResumeCodeTheServiceNeverIssuedStartsNothing() {
        Browser family = browser();
        String madeUp = "/s/family-voice-2026/ZZZZ-ZZZZ-ZZZ1/page/1";
        String before = databaseState();
        Browser.Page shown = family.get(madeUp);
        assertThat(shown.status()).isEqualTo(404);
        assertThat(shown.document().select("a[href=\"/s/family-voice-2026\"]")).isNotEmpty();
        Browser.Page saved = family.post(madeUp, "ehcp_status", "ehcp");
        assertThat(saved.status()).isEqualTo(404);
        assertThat(databaseState()).as("nothing stored under a made-up code").isEqualTo(before);

        // "Start now" issues a code; page 1 under it is served and saved as before.
        String page1 = family.post("/s/family-voice-2026/start").location();
        assertThat(family.get(page1).status()).isEqualTo(200);
        assertThat(count("SELECT count(*) FROM issued_codes")).isPositive();
        String code = page1.split("/")[3];
        assertThat(queryText("SELECT count(*) FROM issued_codes WHERE encode(code_digest, 'hex') = '" + code + "'"))
                .as("only a digest is kept").isEqualTo("0");
    }

    @Test
    void aStaffApiThatChangesSomethingTakesNoSessionCookieWithoutItsCsrfToken() throws Exception {
        String file = assignedLead.get("/staff/codesign/family-voice-2026/export.yml").body()
                .replace("id: family-voice-2026", "id: csrf-probe-2026");
        java.net.http.HttpClient withCookies = java.net.http.HttpClient.newBuilder()
                .cookieHandler(assignedLead.cookies()).build();
        long before = count("SELECT count(*) FROM design_versions");
        var forged = withCookies.send(java.net.http.HttpRequest.newBuilder(server.getURI().resolve("/api/v1/surveys"))
                .header("Content-Type", "application/yaml").header("Accept", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(file)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).as(forged.body()).isEqualTo(401);
        assertThat(count("SELECT count(*) FROM design_versions")).isEqualTo(before);

        var withToken = withCookies.send(java.net.http.HttpRequest.newBuilder(server.getURI().resolve("/api/v1/surveys"))
                .header("Content-Type", "application/yaml").header("Accept", "application/json")
                .header("X-CSRF-Token", assignedLead.csrf())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(file)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(201);
        // Reading still works with the cookie alone.
        var read = withCookies.send(java.net.http.HttpRequest.newBuilder(server.getURI()
                        .resolve("/api/v1/surveys/csrf-probe-2026/versions")).header("Accept", "application/json").build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(read.statusCode()).isEqualTo(200);
    }

    @Test
    void aSurveyFileOfThousandsOfUnknownKeysGetsAShortAnswer() {
        StringBuilder file = new StringBuilder("id: huge-2026\ntitle: Huge\n");
        for (int i = 0; i < 20_000; i++) {
            file.append("k").append(i).append(": 1\n");
        }
        assertThat(file.length()).as("about the reviewer's 189 KB").isBetween(150_000, 200_000);
        StaffClient lead = StaffFixture.signedIn(server.getURI(), "assigned@example.org", StaffFixture.PASSWORD);
        long started = System.nanoTime();
        Browser.Page checked = lead.postFile("/staff/codesign/check", "file", "huge-2026.yml",
                file.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(checked.status()).isEqualTo(422);
        assertThat(checked.body().length()).as("bytes of the answer").isLessThan(60_000);
        assertThat(checked.text()).contains("more problems not listed here");
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(10));
    }

    @Test
    void reloadingASurveyFileNamingAnotherForumDoesNotHandItsDesignsToThatForum() {
        StaffClient youth = StaffFixture.invite(server.getURI(), admin, "youth@example.org", "youth-forum");
        StaffClient parents = StaffFixture.invite(server.getURI(), admin, "parents@example.org", "parent-forum");
        String file = assignedLead.get("/staff/codesign/family-voice-2026/export.yml").body();
        assertThat(file).contains("forum: parent-carer-forum");
        Browser.Page loaded = unassignedLead.postFileWith("/staff/codesign/check", "file", "family-voice-2026.yml",
                file.replace("forum: parent-carer-forum", "forum: youth-forum").getBytes(StandardCharsets.UTF_8),
                "load", "yes");
        assertThat(loaded.status()).isEqualTo(200);
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'forum change not applied' "
                + "AND subject = 'family-voice-2026'")).isEqualTo(1);
        assertThat(queryText("SELECT forum FROM survey_access WHERE survey_id = 'family-voice-2026'"))
                .isEqualTo("parent-carer-forum");
        // The survey's own forum still co-designs it; the other forum still does not.
        String checks = "/staff/codesign/family-voice-2026/checks";
        assertThat(parents.get(checks).status()).isEqualTo(200);
        String startDesign = "form[action=\"/staff/codesign/designs/family-voice-2026/start\"]";
        assertThat(parents.get("/staff/codesign").document().select(startDesign)).isNotEmpty();
        assertThat(youth.get("/staff/codesign").document().select(startDesign)).as("the youth forum may not start one")
                .isEmpty();
    }

    @Test
    void onlyThoseWhoReadTheAnswersSeeExactLiveCounts() {
        // The review: every signed-in role, viewers included, saw exact live counts, even of an
        // unpublished young people's survey, so one family's submission could be watched.
        StaffFixture.invite(server.getURI(), admin, "viewer@example.org", "viewer");
        for (int i = 0; i < 3; i++) {
            StaffFixture.respond(server.getURI(), "big-bang-2026", StaffFixture.BIG_BANG_ANSWERS);
        }
        long exact = count("SELECT count(*) FROM responses WHERE survey_id = 'big-bang-2026'");
        assertThat(exact % 10).as("a count that tens would hide").isNotZero();
        String viewer = api().token("viewer@example.org", StaffFixture.PASSWORD);
        String lead = api().token("assigned@example.org", StaffFixture.PASSWORD);
        String unassigned = api().token("unassigned@example.org", StaffFixture.PASSWORD);
        assertThat(api().get("/api/v1/surveys/big-bang-2026/counts", lead).body())
                .contains("\"complete\":" + exact + ",");
        for (String token : new String[]{viewer, unassigned}) {
            assertThat(api().get("/api/v1/surveys/big-bang-2026/counts", token).body())
                    .contains("\"complete\":" + (exact / 10 * 10) + ",");
        }
    }
}
