package uk.chorus.dataprotection;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.chorus.support.Browser;
import uk.chorus.support.ChorusTest;
import uk.chorus.support.StaffClient;
import uk.chorus.support.StaffFixture;
import uk.chorus.support.TestDatabase;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The right to erasure, subject access and retention, through the staff pages: every request
 * checked against who may see the answers, confirmed before anything goes, audited with its reason
 * and never with a resume code, and driven by what PostgreSQL holds rather than by survey files.
 */
@MicronautTest(transactional = false)
class DataProtectionTest extends ChorusTest {
    @Inject
    RetentionJob retention;

    private StaffClient admin;
    private StaffClient assignedLead;
    private StaffClient otherLead;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("chorus.admin.email", StaffFixture.ADMIN_EMAIL, "chorus.admin.password",
                StaffFixture.ADMIN_PASSWORD);
    }

    @BeforeAll
    void staff() {
        admin = StaffFixture.signedIn(server.getURI(), StaffFixture.ADMIN_EMAIL, StaffFixture.ADMIN_PASSWORD);
        assignedLead = StaffFixture.invite(server.getURI(), admin, "assigned@example.org", "lead");
        otherLead = StaffFixture.invite(server.getURI(), admin, "other@example.org", "lead");
        assertThat(admin.post("/staff/accounts/leads", "survey", "big-bang-2026", "lead", "assigned@example.org")
                .status()).isEqualTo(303);
    }

    private String youngPersonsResponse() {
        return StaffFixture.respond(server.getURI(), "big-bang-2026", StaffFixture.BIG_BANG_ANSWERS);
    }

    @Test
    void erasureIsConfirmedNamingWhatWillGoThenErasesAndAuditsTheReason() {
        String reference = StaffFixture.respond(server.getURI(), "family-voice-2026", StaffFixture.FAMILY_VOICE_ANSWERS);
        Browser.Page confirm = assignedLead.post("/staff/requests", "code", reference.toLowerCase().replace("-", ""),
                "action", "erase", "reason", "Email from the parent, 20 November");
        assertThat(confirm.status()).isEqualTo(200);
        assertThat(confirm.heading()).isEqualTo("Are you sure you want to erase these answers?");
        assertThat(confirm.text()).contains("Family Voice survey 2026").contains("The response " + reference)
                .contains("Email from the parent, 20 November");
        assertThat(count("SELECT count(*) FROM responses WHERE reference = '" + reference + "'"))
                .as("nothing goes before it is confirmed").isEqualTo(1);

        Browser.Page erased = assignedLead.post("/staff/requests/erase", "code", reference, "action", "erase",
                "reason", "Email from the parent, 20 November");
        assertThat(erased.status()).isEqualTo(303);
        assertThat(erased.location()).isEqualTo("/staff/requests?done=erased");
        assertThat(assignedLead.get(erased.location()).text())
                .contains("Everything held under that reference or resume code has been erased.");
        assertThat(count("SELECT count(*) FROM responses WHERE reference = '" + reference + "'")).isZero();
        assertThat(queryText("SELECT detail FROM audit_log WHERE action = 'erasure' AND subject = '" + reference + "'"))
                .isEqualTo("family-voice-2026 – reason: Email from the parent, 20 November");
        assertThat(count("SELECT count(*) FROM change_log WHERE kind = 'response-erased'")).isPositive();

        Browser.Page again = assignedLead.post("/staff/requests", "code", reference, "action", "erase",
                "reason", "Asked twice");
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.errorSummary()).containsExactly(
                "We hold nothing under that reference or resume code. Check it and try again");
    }

    @Test
    void anErasedCommentsWordsLeaveTheSearchIndexFilesNotOnlyItsResults() throws Exception {
        String word = "zephyrquill";
        String reference = StaffFixture.respond(server.getURI(), "family-voice-2026",
                StaffFixture.FAMILY_VOICE_ANSWERS.replace("Speech therapy in school sooner.",
                        "Our " + word + " worry is the bus to school."));
        for (int i = 0; i < 9; i++) {
            StaffFixture.respond(server.getURI(), "family-voice-2026", StaffFixture.FAMILY_VOICE_ANSWERS);
        }
        // Rebuilt, the index holds every comment in one segment: erasing one of ten only marks it deleted
        // there (Lucene reclaims a segment's deleted documents by itself only past a share of them).
        assertThat(assignedLead.post("/staff/themes/index/rebuild").status()).isEqualTo(303);
        assertThat(waitFor(() -> indexHolds(word), true)).as("indexed").isTrue();
        await("the rebuild finished").atMost(java.time.Duration.ofSeconds(30))
                .until(() -> assignedLead.get("/staff/themes/index").text().contains("and finished"));
        Browser.Page erased = assignedLead.post("/staff/requests/erase", "code", reference, "action", "erase",
                "reason", "Parent asked by email");
        assertThat(erased.location()).isEqualTo("/staff/requests?done=erased");
        // The review: the text stayed readable in the segment files until a merge happened to run.
        assertThat(waitFor(() -> indexHolds(word), false)).as("still in the index files").isFalse();
    }

    /** Whether any segment on disk, deleted documents included, still has the word in its terms. */
    private boolean indexHolds(String word) {
        try (var directory = org.apache.lucene.store.FSDirectory.open(dataDir.resolve("index"));
             var reader = org.apache.lucene.index.DirectoryReader.open(directory)) {
            for (var leaf : reader.leaves()) {
                for (var field : leaf.reader().getFieldInfos()) {
                    var terms = leaf.reader().terms(field.name);
                    if (terms == null) {
                        continue;
                    }
                    // Any form of the word (a stemmed field keeps "zephyrquil"): the first term at or after its start.
                    var iterator = terms.iterator();
                    String stem = word.substring(0, 7);
                    if (iterator.seekCeil(new org.apache.lucene.util.BytesRef(stem))
                            != org.apache.lucene.index.TermsEnum.SeekStatus.END
                            && iterator.term().utf8ToString().startsWith(stem)) {
                        return true;
                    }
                }
            }
            return false;
        } catch (org.apache.lucene.index.IndexNotFoundException e) {
            return false;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean waitFor(java.util.function.BooleanSupplier check, boolean wanted) {
        await().atMost(java.time.Duration.ofSeconds(15)).until(() -> check.getAsBoolean() == wanted);
        return wanted;
    }

    @Test
    void aLeadNotAssignedToAYoungPeoplesSurveyCanNeitherEraseNorExportItsAnswers() {
        String reference = youngPersonsResponse();
        String before = databaseState();
        // Refused exactly as a reference that does not exist is: the lead cannot tell that it does.
        Browser.Page unknown = otherLead.post("/staff/requests", "code", "ZZZZ-ZZZZ", "action", "erase",
                "reason", "Trying");
        Browser.Page asked = otherLead.post("/staff/requests", "code", reference, "action", "erase",
                "reason", "Trying");
        assertThat(asked.status()).isEqualTo(unknown.status()).isEqualTo(422);
        assertThat(asked.errorSummary()).isEqualTo(unknown.errorSummary()).containsExactly(
                "We hold nothing under that reference or resume code. Check it and try again");
        Browser.Page direct = otherLead.post("/staff/requests/erase", "code", reference, "action", "erase",
                "reason", "Trying the confirm step directly");
        Browser.Page directUnknown = otherLead.post("/staff/requests/erase", "code", "ZZZZ-ZZZZ", "action", "erase",
                "reason", "Trying the confirm step directly");
        assertThat(direct.status()).isEqualTo(303);
        assertThat(direct.location()).isEqualTo(directUnknown.location()).isEqualTo("/staff/requests?done=nothing");
        Browser.Page export = otherLead.post("/staff/requests", "code", reference, "action", "export",
                "reason", "Trying");
        assertThat(export.status()).isEqualTo(422);
        assertThat(databaseState()).isEqualTo(before);
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'erasure refused' AND subject = '"
                + reference + "' AND actor = 'other@example.org'")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'export refused' AND subject = '"
                + reference + "'")).isEqualTo(1);

        // The assigned lead can, and so can an administrator (who handles such requests).
        assertThat(assignedLead.post("/staff/requests", "code", reference, "action", "export", "reason",
                "Subject access request by letter").status()).isEqualTo(200);
        assertThat(admin.post("/staff/requests/erase", "code", reference, "action", "erase", "reason",
                "Young person asked at the youth forum").status()).isEqualTo(303);
        assertThat(count("SELECT count(*) FROM responses WHERE reference = '" + reference + "'")).isZero();
    }

    @Test
    void aDraftIsErasedByItsResumeCodeAndTheCodeIsNeverWrittenDown() {
        Browser browser = browser();
        String page1 = browser.post("/s/family-voice-2026/start").location();
        String code = page1.split("/")[3];
        assertThat(browser.post(page1, "ehcp_status", "ehcp", "child_age", "5-10").status()).isEqualTo(303);
        long draftId = count("SELECT id FROM drafts WHERE resume_code = '" + code + "'");

        Browser.Page confirm = assignedLead.post("/staff/requests", "code", code.toLowerCase(), "action", "erase",
                "reason", "Phone call from the parent");
        assertThat(confirm.text()).contains("An unfinished survey that was never sent").doesNotContain(code + " ");
        assertThat(assignedLead.post("/staff/requests/erase", "code", code, "action", "erase", "reason",
                "Phone call from the parent").location()).isEqualTo("/staff/requests?done=erased");
        assertThat(count("SELECT count(*) FROM drafts WHERE resume_code = '" + code + "'")).isZero();
        assertThat(queryText("SELECT subject FROM audit_log WHERE action = 'erasure' ORDER BY id DESC LIMIT 1"))
                .isEqualTo("draft " + draftId);
        assertThat(count("SELECT count(*) FROM audit_log WHERE actor || action || subject || detail LIKE '%"
                + code + "%'")).as("resume code in the audit log").isZero();
    }

    @Test
    void aSubjectAccessExportHoldsEveryAnswerWithItsWordingAndTheReason() {
        String reference = StaffFixture.respond(server.getURI(), "family-voice-2026", StaffFixture.FAMILY_VOICE_ANSWERS);
        Browser.Page export = admin.post("/staff/requests", "code", reference, "action", "export",
                "reason", "Subject access request, letter of 18 November");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type").orElseThrow()).contains("application/json");
        assertThat(export.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("chorus-" + reference + ".json");
        assertThat(export.body()).contains("\"reference\":\"" + reference + "\"")
                .contains("\"answer\":[\"Speech therapy in school sooner.\"]");
        assertThat(queryText("SELECT detail FROM audit_log WHERE action = 'subject access export' AND subject = '"
                + reference + "'")).isEqualTo("family-voice-2026 – reason: Subject access request, letter of 18 November");
    }

    @Test
    void aRequestWithoutAReasonOrWithAnOverLongOneIsRefusedAndWritesNothing() {
        String reference = StaffFixture.respond(server.getURI(), "family-voice-2026", StaffFixture.FAMILY_VOICE_ANSWERS);
        long audited = count("SELECT count(*) FROM audit_log");
        Browser.Page blank = admin.post("/staff/requests", "code", reference, "action", "export", "reason", " ");
        assertThat(blank.status()).isEqualTo(422);
        assertThat(blank.errorSummary()).containsExactly("Enter the reason for this request, in 500 characters or fewer");
        Browser.Page long_ = admin.post("/staff/requests/erase", "code", reference, "action", "erase",
                "reason", "x".repeat(501));
        assertThat(long_.status()).isEqualTo(422);
        assertThat(count("SELECT count(*) FROM audit_log")).isEqualTo(audited);
        assertThat(count("SELECT count(*) FROM responses WHERE reference = '" + reference + "'")).isEqualTo(1);
    }

    @Test
    void privacyDutiesFollowWhatPostgresHoldsEvenWhenASurveyFileIsGone() throws Exception {
        // A survey whose file has been removed: only its stored version and one response remain.
        try (var connection = TestDatabase.connect(databaseUrl)) {
            connection.createStatement().execute("INSERT INTO survey_versions (survey_id, version, content_hash, "
                    + "definition) SELECT 'gone-2019', 1, 'gone', jsonb_set(jsonb_set(jsonb_set(definition, '{id}', "
                    + "'\"gone-2019\"'), '{opens}', '\"2019-01-01\"'), '{closes}', '\"2019-02-01\"') "
                    + "FROM survey_versions WHERE survey_id = 'family-voice-2026' ORDER BY version DESC LIMIT 1");
            connection.createStatement().execute("INSERT INTO responses (reference, survey_id, survey_version_id, "
                    + "channel, submission_id, answers) SELECT 'GONE-2019', 'gone-2019', id, 'api', gen_random_uuid(), "
                    + "'{\"biggest_difference\": \"Kept too long\"}' FROM survey_versions WHERE survey_id = 'gone-2019'");
            // A report published then, quoting that response (as publishing records it).
            connection.createStatement().execute("INSERT INTO reports (slug, title, period_from, period_to, sources, "
                    + "created_by) VALUES ('old-report', 'Old report', '2019-01-01', '2019-02-01', "
                    + "ARRAY['survey:gone-2019'], 'lead@example.org')");
            connection.createStatement().execute("INSERT INTO report_versions (report_id, version, content, published_by) "
                    + "SELECT id, 1, '{\"slug\": \"old-report\", \"title\": \"Old report\", \"period\": \"2019\", "
                    + "\"sources\": [\"Family Voice 2019\"], \"people\": null, \"peopleText\": \"[c]\", "
                    + "\"smallestGroup\": 5, \"themes\": [{\"rank\": 1, \"themeId\": \"waiting\", \"name\": \"Waiting\", "
                    + "\"youSaid\": \"You said you waited.\", \"people\": null, \"peopleText\": \"[c]\", "
                    + "\"shareText\": \"[c]\", \"quotes\": [{\"text\": \"Kept too long\", \"attribution\": null}], "
                    + "\"actions\": [], \"measures\": []}], \"notActedOn\": []}', 'lead@example.org' "
                    + "FROM reports WHERE slug = 'old-report'");
            connection.createStatement().execute("INSERT INTO report_version_quotes (report_id, version, theme_id, "
                    + "quote_digest, response_id) SELECT v.report_id, 1, 'waiting', "
                    + "encode(sha256(convert_to('Kept too long', 'UTF8')), 'hex'), r.id FROM report_versions v, responses r "
                    + "WHERE r.reference = 'GONE-2019'");
        }
        assertThat(browser().get("/reports/old-report").text()).contains("Kept too long");
        Browser.Page export = assignedLead.post("/staff/requests", "code", "GONE-2019", "action", "export",
                "reason", "Subject access request");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.body()).contains("Kept too long");

        String kept = StaffFixture.respond(server.getURI(), "family-voice-2026", StaffFixture.FAMILY_VOICE_ANSWERS);
        assertThat(retention.runNow()).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM responses WHERE survey_id = 'gone-2019'")).isZero();
        assertThat(count("SELECT count(*) FROM responses WHERE reference = '" + kept + "'")).isEqualTo(1);
        assertThat(queryText("SELECT detail FROM audit_log WHERE action = 'retention deletion' AND subject = 'gone-2019'"))
                .isEqualTo("raw answers past 2021-02-01");
        assertThat(count("SELECT count(*) FROM change_log WHERE kind = 'raw-answers-expired' AND survey_id = 'gone-2019'"))
                .isEqualTo(1);
        // The quote leaves the published report with the words it came from.
        await("the expired quote taken out").atMost(java.time.Duration.ofSeconds(30))
                .until(() -> !browser().get("/reports/old-report").text().contains("Kept too long"));
        String report = browser().get("/reports/old-report").text();
        assertThat(report).doesNotContain("Kept too long").contains("You said you waited.")
                .contains("one quote has been taken out of this version");
        assertThat(retention.runNow()).isZero();
    }
}
