package uk.chorus.codesign;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.chorus.browser.HtmlChecker;
import uk.chorus.support.Api;
import uk.chorus.support.Browser;
import uk.chorus.support.ChorusTest;
import uk.chorus.support.StaffClient;
import uk.chorus.support.StaffFixture;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The co-design workflow end to end through HTTP: a youth forum member builds a survey in the
 * browser (pages, every kind of question, branching, moves and removals), two other members
 * comment, propose words and agree, a forum member may not publish, a lead does, a young person
 * answers it on a phone, the live version is frozen, a new version is compared with it; and the
 * same through the JSON API.
 */
@MicronautTest(transactional = false)
class CodesignWorkflowTest extends ChorusTest {
    private StaffClient admin;
    private StaffClient amira;
    private StaffClient ben;
    private StaffClient cal;
    private StaffClient lead;
    private StaffClient parent;

    @BeforeAll
    void people() {
        admin = StaffFixture.signedIn(server.getURI(), TEST_ADMIN, TEST_ADMIN_PASSWORD);
        amira = member("Amira", "amira@example.org", "youth-forum");
        ben = member("Ben", "ben@example.org", "youth-forum");
        cal = member("Cal", "cal@example.org", "youth-forum");
        lead = member("Lee Lead", "lee@example.org", "lead");
        parent = member("Pat", "pat@example.org", "parent-forum");
    }

    @Test
    void aYouthForumDraftsDiscussesAgreesAndALeadPublishesForYoungPeopleOnPhones() {
        LocalDate today = LocalDate.now();
        // Amira starts a survey for young people.
        Browser.Page created = amira.post("/staff/codesign/designs/new", "title", "Our voice", "audience", "young-people",
                "opens", today.toString(), "closes", today.plusDays(20).toString(), "countdown", "yes",
                "introduction", "Tell us about school and college.", "privacyNotice",
                "You do not give your name. We only show groups of {smallestGroup} or more young people.");
        assertThat(created.status()).as(created.text()).isEqualTo(303);
        String design = created.location();
        String surveyId = "our-voice-" + today.getYear();
        assertThat(design).isEqualTo("/staff/codesign/designs/" + surveyId + "/1");
        Document overview = amira.get(design).document();
        assertThat(overview.select("h1").text()).contains("Our voice", "Draft");
        assertThat(overview.text()).contains("There are no questions yet");

        // Questions of several kinds, the second shown only to those at school or college.
        String school = addQuestion(amira, design, 0, "yes-no", "text", "Do you go to school or college?",
                "required", "yes");
        assertThat(school).isEqualTo("do_you_go_to_school_or_college");
        String feel = addQuestion(amira, design, 0, "faces", "text", "How do you feel about school?", "points", "3",
                "showIf", school + "=yes");
        String better = addQuestion(amira, design, 0, "long-text", "text",
                "Has your SENCo and the CAMHS team helped you with your EHCP and your PfA plans this year?");
        String help = addQuestion(amira, design, 3, "multiple-choice", "text", "Who helps you?",
                "options", "Family\nFriends\nTeachers");
        // Pressing "Save" twice adds the question once.
        assertThat(addQuestion(amira, design, 3, "multiple-choice", "text", "Who helps you?",
                "options", "Family\nFriends\nTeachers")).isEqualTo(help);
        Browser.Page bad = amira.post(design + "/add-question/single-choice", "page", "0", "text", "",
                "options", "Only one");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.errorSummary()).containsExactly("Enter the question", "Enter at least 2 answers, one on each line");
        assertThat(HtmlChecker.errors(bad.body())).isEmpty();

        // Page 3 now holds two questions and needs a heading: the loader's check says so beside it.
        overview = amira.get(design).document();
        assertThat(overview.select("#page-3").text()).contains("A page with more than one question needs a 'title'");
        assertThat(amira.post(design + "/pages/3", "pageTitle", "Help and hopes", "section", "").status()).isEqualTo(303);
        // Plain-language flags show as the forum writes: jargon with plainer words, and a reading age.
        Browser.Page jargon = amira.get(design + "/questions/" + better);
        assertThat(jargon.text()).contains("“SENCo” may not be understood", "“EHCP” may not be understood",
                "Reading age");
        assertThat(HtmlChecker.errors(jargon.body())).isEmpty();
        assertThat(amira.post(design + "/questions/" + better + "/edit", "type", "long-text",
                "text", "What would make school or college better?").status()).isEqualTo(303);

        // Reorder: "Who helps you?" moves above the long question; a depended-on question cannot go.
        assertThat(amira.post(design + "/questions/" + help + "/move", "direction", "up").status()).isEqualTo(303);
        List<String> order = amira.get(design).document().select(".govuk-summary-card").eachAttr("id");
        assertThat(order).containsExactly("question-" + school, "question-" + feel, "question-" + help,
                "question-" + better);
        Browser.Page refused = amira.post(design + "/questions/" + school + "/remove");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text()).contains("cannot be removed yet: “How do you feel about school?”");
        String extra = addQuestion(amira, design, 0, "number", "text", "How old are you?", "min", "11", "max", "25");
        assertThat(amira.get(design + "/questions/" + extra + "/remove").status()).isEqualTo(200);
        assertThat(amira.post(design + "/questions/" + extra + "/remove").status()).isEqualTo(303);
        assertThat(amira.get(design).document().select("#question-" + extra)).isEmpty();

        // A parent forum member neither reads the youth forum's draft (its members' names and words) nor changes it.
        Browser.Page otherForum = parent.get(design);
        assertThat(otherForum.status()).isEqualTo(403);
        assertThat(otherForum.text()).contains("This survey belongs to another forum");
        assertThat(parent.get(design + "/questions/" + feel).status()).isEqualTo(403);
        assertThat(parent.get("/staff/codesign").document().select("a[href=\"" + design + "\"]")).isEmpty();
        assertThat(amira.get("/staff/codesign").document().select("a[href=\"" + design + "\"]")).isNotEmpty();
        assertThat(parent.post(design + "/questions/" + feel + "/agreement", "agree", "yes").status()).isEqualTo(403);

        // Review: Ben proposes new words, shown as a difference; Amira uses them.
        assertThat(amira.post(design + "/status", "to", "in-review").status()).isEqualTo(303);
        assertThat(ben.post(design + "/questions/" + feel + "/agreement", "agree", "yes").status()).isEqualTo(303);
        for (int press = 0; press < 2; press++) {
            assertThat(ben.post(design + "/questions/" + feel + "/comments", "comment", "Shorter is better",
                    "proposed", "How do you feel at school?").status()).isEqualTo(303);
        }
        Document discussion = amira.get(design + "/questions/" + feel).document();
        assertThat(discussion.select(".chorus-comment")).as("one comment for two presses").hasSize(1);
        assertThat(discussion.select(".chorus-diff del").text()).isEqualTo("about");
        assertThat(discussion.select(".chorus-diff ins").text()).isEqualTo("at");
        assertThat(HtmlChecker.errors(discussion.outerHtml())).isEmpty();
        String commentId = discussion.select("form[action*=/comments/]").attr("action").replaceAll(".*/", "");
        assertThat(amira.post(design + "/questions/" + feel + "/comments/" + commentId, "action", "use").status())
                .isEqualTo(303);
        discussion = cal.get(design + "/questions/" + feel).document();
        assertThat(discussion.select("h1").text()).isEqualTo("How do you feel at school?");
        // Ben agreed to the old words: his agreement lapsed with the change.
        assertThat(discussion.text()).contains("Ben agreed an earlier wording", "words used by Amira");

        // Ben and Cal agree every question; Cal says "not yet" to one first.
        for (String key : List.of(school, feel, help, better)) {
            assertThat(ben.post(design + "/questions/" + key + "/agreement", "agree", "yes").status()).isEqualTo(303);
        }
        assertThat(cal.post(design + "/questions/" + better + "/agreement", "agree", "no").status()).isEqualTo(303);
        for (String key : List.of(school, feel, help)) {
            assertThat(cal.post(design + "/questions/" + key + "/agreement", "agree", "yes").status()).isEqualTo(303);
        }
        overview = lead.get(design).document();
        assertThat(overview.text()).contains("3 of 4 questions agreed");
        assertThat(overview.select("#question-" + better).text()).contains("Not agreed yet", "“Not yet” from Cal");

        // A forum member cannot publish; a lead cannot either without every question agreed or a reason.
        assertThat(amira.post(design + "/status", "to", "live").status()).isEqualTo(403);
        Browser.Page noReason = lead.post(design + "/status", "to", "live");
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.errorSummary()).singleElement().asString().contains("not agreed yet");
        assertThat(cal.post(design + "/questions/" + better + "/agreement", "agree", "yes").status()).isEqualTo(303);
        assertThat(ben.post(design + "/status", "to", "agreed").status()).isEqualTo(303);
        assertThat(lead.get(design).document().select("h1").text()).contains("Agreed");
        Browser.Page madeLive = lead.post(design + "/status", "to", "live");
        assertThat(madeLive.location()).isEqualTo(design + "?moved=live");
        assertThat(lead.get(madeLive.location()).document().select(".govuk-notification-banner").text())
                .contains("The survey is live. Families answer it at /s/" + surveyId);
        overview = lead.get(design).document();
        assertThat(overview.select("h1").text()).contains("Live");
        assertThat(overview.text()).contains("Live (lee@example.org)");

        // A young person answers on a phone: the countdown, the branch skipped for "no", and a reference.
        Browser phone = new Browser(server.getURI());
        Browser.Page start = awaitServed(phone, "/s/" + surveyId);
        assertThat(start.text()).contains("20 days left to take part");
        Browser.Page first = phone.get(phone.get("/s/" + surveyId + "/begin").location());
        assertThat(first.heading()).isEqualTo("Do you go to school or college?");
        String code = first.document().select("form").attr("action").split("/")[3];
        Browser.Page next = phone.submit("/s/" + surveyId + "/" + code + "/page/1", school, "no");
        assertThat(next.heading()).isEqualTo("Help and hopes");
        Browser.Page check = phone.submit("/s/" + surveyId + "/" + code + "/page/3", help, "friends", better,
                "More quiet places");
        assertThat(check.heading()).isEqualTo("Check your answers before sending them");
        assertThat(check.text()).doesNotContain("How do you feel at school?");
        Browser.Page done = phone.submit("/s/" + surveyId + "/" + code + "/submit");
        assertThat(done.text()).contains("Your reference");

        // The live version is frozen; a new version carries the agreements and can be compared.
        Browser.Page frozen = amira.post(design + "/questions/" + feel + "/edit", "type", "faces", "text", "Changed?");
        assertThat(frozen.status()).isEqualTo(409);
        Browser.Page second = amira.post(design + "/new-version");
        assertThat(second.location()).isEqualTo("/staff/codesign/designs/" + surveyId + "/2");
        String v2 = second.location();
        assertThat(amira.post(v2 + "/questions/" + help + "/edit", "type", "multiple-choice", "text",
                "Who helps you most?", "options", "Family\nFriends\nTeachers\nYouth workers").status()).isEqualTo(303);
        overview = amira.get(v2).document();
        assertThat(overview.text()).contains("3 of 4 questions agreed");
        Document compare = amira.get("/staff/codesign/designs/" + surveyId + "/compare?from=1&to=2").document();
        assertThat(compare.select("td ins").text()).contains("most?");
        assertThat(compare.text()).contains("Changed · answers");
        assertThat(HtmlChecker.errors(compare.outerHtml())).isEmpty();

        // The API shows each version's status and who agreed; a forum member gets 403 moving to live.
        String token = StaffFixture.token(server.getURI(), "amira@example.org", StaffFixture.PASSWORD);
        Api api = new Api(server.getURI());
        Api.Reply versions = api.get("/api/v1/surveys/" + surveyId + "/versions", token);
        assertThat(versions.status()).isEqualTo(200);
        assertThat(versions.body()).contains("\"version\":1,\"status\":\"live\"", "\"version\":2,\"status\":\"draft\"",
                "\"agreedBy\":[\"Ben\",\"Cal\"]");
        assertThat(api.post("/api/v1/surveys/" + surveyId + "/versions/2/status", "application/json",
                HttpRequest.BodyPublishers.ofString("{\"status\":\"in-review\"}"), token).status()).isEqualTo(200);
        Api.Reply forbidden = api.post("/api/v1/surveys/" + surveyId + "/versions/2/status", "application/json",
                HttpRequest.BodyPublishers.ofString("{\"status\":\"live\",\"reason\":\"please\"}"), token);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.body()).contains("Only a co-production lead");
    }

    @Test
    void thePreviewIsTheRespondentsJourneyInAPhoneFrameWithItsBranching() {
        LocalDate today = LocalDate.now();
        String design = amira.post("/staff/codesign/designs/new", "title", "Preview me", "audience", "young-people",
                "opens", today.plusDays(30).toString(), "closes", today.plusDays(60).toString(),
                "introduction", "A survey to preview.", "privacyNotice", "Groups of {smallestGroup} or more.").location();
        String first = addQuestion(amira, design, 0, "yes-no", "text", "Do you like sport?", "required", "yes");
        addQuestion(amira, design, 0, "short-text", "text", "Which sport?", "showIf", first + "=yes");
        addQuestion(amira, design, 0, "rating", "text", "How is your week?", "lowLabel", "Awful", "highLabel", "Great");

        Browser.Page phone = amira.get(design + "/preview");
        assertThat(phone.document().select("iframe").attr("src")).isEqualTo(design + "/preview/frame");
        assertThat(HtmlChecker.errors(phone.body())).isEmpty();
        Browser.Page start = amira.get(design + "/preview/frame");
        assertThat(start.headers().firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");
        assertThat(start.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("frame-ancestors 'self'");
        assertThat(start.heading()).isEqualTo("Preview me");
        Browser.Page begun = amira.get(design + "/preview/frame/begin");
        Browser.Page page1 = amira.get(begun.location());
        assertThat(page1.heading()).isEqualTo("Do you like sport?");
        Browser.Page empty = amira.postWithoutCsrf(begun.location());
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.errorSummary()).isNotEmpty();
        Browser.Page skipped = amira.postWithoutCsrf(begun.location(), first, "no");
        assertThat(skipped.location()).endsWith("/page/3");
        assertThat(amira.get(skipped.location()).heading()).isEqualTo("How is your week? (optional)");
        Browser.Page back = amira.postWithoutCsrf(begun.location().replace("/page/1", "/page/1"), first, "yes");
        assertThat(back.location()).endsWith("/page/2");
        // The walk is kept in PostgreSQL (any instance serves its next page), never as a draft, and sending ends it.
        assertThat(count("SELECT count(*) FROM preview_walks")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM drafts WHERE survey_id = '" + design.split("/")[4] + "'")).isZero();
        Browser.Page sent = amira.postWithoutCsrf(begun.location().replace("/page/1", "/send"));
        assertThat(sent.text()).contains("PREVIEW (nothing was sent)");
        assertThat(count("SELECT count(*) FROM preview_walks")).isZero();
        assertThat(amira.get(begun.location()).location()).isEqualTo(design + "/preview/frame");
        // A survey being previewed is not served to the public.
        assertThat(new Api(server.getURI()).get("/api/v1/surveys/" + design.split("/")[4]).status()).isEqualTo(404);
    }

    @Test
    void theApiMakesADraftFromASurveyFileWithTheLoadersChecks() {
        String token = StaffFixture.token(server.getURI(), "ben@example.org", StaffFixture.PASSWORD);
        Api api = new Api(server.getURI());
        String file = """
                id: api-made-2027
                title: Made through the API
                audience: young-people
                wave: 2027
                opens: 2027-01-10
                closes: 2027-02-10
                introduction: Hello.
                privacyNotice: Groups of {smallestGroup} or more.
                pages:
                  - questions:
                      - key: happy
                        type: faces
                        text: How happy are you?
                """;
        Api.Reply made = api.post("/api/v1/surveys", "application/yaml", HttpRequest.BodyPublishers.ofString(file), token);
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        assertThat(made.body()).contains("\"id\":\"api-made-2027\"", "\"status\":\"draft\"");
        Api.Reply again = api.post("/api/v1/surveys", "application/yaml", HttpRequest.BodyPublishers.ofString(file), token);
        assertThat(again.status()).isEqualTo(409);
        Api.Reply broken = api.post("/api/v1/surveys", "application/yaml",
                HttpRequest.BodyPublishers.ofString(file.replace("api-made-2027", "api-broken").replace("faces", "smileys")),
                token);
        assertThat(broken.status()).isEqualTo(422);
        assertThat(broken.body()).containsPattern("api-broken\\.yml:12: Unknown type 'smileys'");

        Api.Reply comment = api.post("/api/v1/surveys/api-made-2027/versions/1/comments", "application/json",
                HttpRequest.BodyPublishers.ofString("{\"question\":\"happy\",\"comment\":\"Good\"}"), token);
        assertThat(comment.status()).as(comment.body()).isEqualTo(201);
        Api.Reply agreed = api.post("/api/v1/surveys/api-made-2027/versions/1/agreements", "application/json",
                HttpRequest.BodyPublishers.ofString("{\"question\":\"happy\",\"agree\":true}"), token);
        assertThat(agreed.body()).contains("\"agreedBy\":[\"Ben\"]", "\"openComments\":1");
        Api.Reply unknown = api.post("/api/v1/surveys/api-made-2027/versions/1/agreements", "application/json",
                HttpRequest.BodyPublishers.ofString("{\"question\":\"nope\",\"agree\":true}"), token);
        assertThat(unknown.status()).isEqualTo(422);
        String parentToken = StaffFixture.token(server.getURI(), "pat@example.org", StaffFixture.PASSWORD);
        assertThat(api.post("/api/v1/surveys/api-made-2027/versions/1/agreements", "application/json",
                HttpRequest.BodyPublishers.ofString("{\"question\":\"happy\",\"agree\":true}"), parentToken).status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/surveys/api-made-2027/versions", parentToken).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/surveys/api-made-2027/versions/1/status", "application/json",
                HttpRequest.BodyPublishers.ofString("{\"status\":\"in-review\"}"), token).status()).isEqualTo(200);
        // The lead publishes with a reason (one agreement of the two needed).
        String leadToken = StaffFixture.token(server.getURI(), "lee@example.org", StaffFixture.PASSWORD);
        Api.Reply live = api.post("/api/v1/surveys/api-made-2027/versions/1/status", "application/json",
                HttpRequest.BodyPublishers.ofString("{\"status\":\"live\",\"reason\":\"The forum met and agreed it.\"}"),
                leadToken);
        assertThat(live.status()).as(live.body()).isEqualTo(200);
        assertThat(live.body()).contains("\"status\":\"live\"", "The forum met and agreed it.");
        assertThat(api.get("/api/v1/surveys/api-made-2027").status()).isEqualTo(200);
    }

    @Test
    void aLeadSetsUpASurveyForAForumAndDesignsGoInAndOutAsFiles() throws Exception {
        LocalDate today = LocalDate.now();
        String design = lead.post("/staff/codesign/designs/new", "title", "For the youth forum", "audience",
                "young-people", "forum", "youth-forum", "opens", today.plusDays(40).toString(), "closes",
                today.plusDays(80).toString(), "countdown", "yes", "introduction", "Hello.",
                "privacyNotice", "Groups of {smallestGroup} or more.").location();
        // The youth forum may change it; the parent carer forum may not.
        String key = addQuestion(cal, design, 0, "agreement", "text", "School listens to me.");
        assertThat(parent.get(design + "/questions/" + key + "/edit").status()).isEqualTo(403);

        // The plain-language checks the question form asks for as the forum types.
        java.net.http.HttpResponse<String> checks = java.net.http.HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(server.getURI().resolve("/staff/codesign/plain-language?audience=young-people&text="
                                + java.net.URLEncoder.encode("Has your SENCo read your EHCP?", java.nio.charset.StandardCharsets.UTF_8)))
                        .header("Cookie", cookie(cal)).header("Accept", "application/json").build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(checks.statusCode()).isEqualTo(200);
        assertThat(checks.body()).contains("Reading age about", "“SENCo” may not be understood");
        Document form = cal.get(design + "/questions/" + key + "/edit").document();
        assertThat(form.select("[data-chorus-plain-age]").text()).startsWith("Reading age about");

        // The version as a survey file reads back to the same definition, countdown and all.
        String file = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        server.getURI().resolve(design + "/export.yml")).header("Cookie", cookie(cal)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        String surveyId = design.split("/")[4];
        assertThat(file).contains("id: " + surveyId, "countdown: true", "forum: youth-forum", "type: agreement");
        var read = new uk.chorus.surveys.SurveyFileParser().parse(surveyId + ".yml", file);
        assertThat(read.problems()).isEmpty();

        // A file checked in the browser starts a design; another forum's file is refused.
        String other = file.replace(surveyId, "from-a-file-2027");
        Browser.Page started = cal.postFileWith("/staff/codesign/check", "file", "from-a-file-2027.yml",
                other.getBytes(java.nio.charset.StandardCharsets.UTF_8), "design", "yes");
        assertThat(started.status()).as(started.text()).isEqualTo(303);
        assertThat(started.location()).isEqualTo("/staff/codesign/designs/from-a-file-2027/1");
        assertThat(cal.get(started.location()).document().select(".govuk-summary-card h4").text())
                .isEqualTo("School listens to me.");
        Browser.Page refused = parent.postFileWith("/staff/codesign/check", "file", "parents-2027.yml",
                file.replace(surveyId, "parents-2027").getBytes(java.nio.charset.StandardCharsets.UTF_8), "design", "yes");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.errorSummary()).singleElement().asString().contains("Members of the Parent carer forum");
    }

    private static String cookie(StaffClient client) {
        return client.cookies().getCookieStore().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .reduce((a, b) -> a + "; " + b).orElse("");
    }

    /** Adds a question through the two builder pages; returns its key. */
    private static String addQuestion(StaffClient who, String design, int page, String type, String... fields) {
        Browser.Page chosen = who.post(design + "/add-question", "page", Integer.toString(page), "type", type);
        assertThat(chosen.location()).isEqualTo(design + "/add-question/" + type + "?page=" + page);
        String[] all = new String[fields.length + 2];
        all[0] = "page";
        all[1] = Integer.toString(page);
        System.arraycopy(fields, 0, all, 2, fields.length);
        Browser.Page added = who.post(design + "/add-question/" + type, all);
        assertThat(added.status()).as(added.text()).isEqualTo(303);
        return added.location().replaceAll(".*/questions/([a-z0-9_]+).*", "$1");
    }

    private StaffClient member(String name, String email, String role) {
        Browser.Page invited = StaffFixture.invitation(admin, email, role);
        String path = URI.create(invited.document().select("code").text()).getPath();
        StaffClient person = new StaffClient(server.getURI());
        assertThat(person.postWithoutCsrf(path, "name", name, "password", StaffFixture.PASSWORD).status()).isEqualTo(303);
        person.get("/staff");
        return person;
    }

    private static Browser.Page awaitServed(Browser phone, String path) {
        await("served " + path).atMost(java.time.Duration.ofSeconds(15)).until(() -> phone.get(path).status() == 200);
        return phone.get(path);
    }
}
