package uk.chorus.responses;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uk.chorus.support.Browser;
import uk.chorus.support.ChorusTest;
import uk.chorus.support.StaffClient;
import uk.chorus.support.TestDatabase;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Retention, the right to erasure and subject access, each recorded in the audit log. */
@MicronautTest(transactional = false)
class DataProtectionTest extends ChorusTest {
    private static final String ADMIN = "dpo@example.org";
    private static final String PASSWORD = "a long enough passphrase";

    @Inject
    RetentionJob retention;

    @Override
    protected String surveysDir() {
        return "src/test/resources/surveys-fixtures";
    }

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("chorus.admin.email", ADMIN, "chorus.admin.password", PASSWORD);
    }

    private StaffClient admin() {
        StaffClient admin = new StaffClient(server.getURI());
        assertThat(admin.signIn(ADMIN, PASSWORD).status()).isEqualTo(303);
        admin.get("/staff");
        return admin;
    }

    private String apiResponse(String story) {
        var reply = api().postJson("/api/v1/surveys/every-type/responses", "{\"submissionId\": \"" + UUID.randomUUID()
                + "\", \"answers\": {\"colour\": \"red\", \"story\": \"" + story + "\"}}");
        assertThat(reply.status()).isEqualTo(201);
        return reply.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    }

    @Test
    void aResponseIsErasedByItsReferenceAndTheErasureIsAudited() {
        String reference = apiResponse("Please forget this.");
        StaffClient admin = admin();
        Browser.Page done = admin.post("/staff/requests", "code", reference.toLowerCase().replace("-", ""),
                "action", "erase");
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.text()).contains("Everything held under " + reference + " has been erased.");
        assertThat(count("SELECT count(*) FROM responses WHERE reference = '" + reference + "'")).isZero();
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'erasure' AND subject = '" + reference
                + "' AND actor = '" + ADMIN + "'")).isEqualTo(1);
        Browser.Page again = admin.post("/staff/requests", "code", reference, "action", "erase");
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.errorSummary()).containsExactly(
                "We hold nothing under that reference or resume code. Check it and try again");
    }

    @Test
    void aSentWebResponseAndItsDraftAreErasedByTheResumeCode() {
        Browser browser = browser();
        String page1 = browser.post("/s/every-type/start").location();
        String code = page1.split("/")[3];
        browser.post(page1, "colour", "blue", "pets", "cat");
        browser.post(page1.replace("/page/1", "/page/2"), "story", "Erase me");
        assertThat(browser.post(page1.replace("/page/1", "/submit")).status()).isEqualTo(303);
        Browser.Page done = admin().post("/staff/requests", "code", code, "action", "erase");
        assertThat(done.text()).contains("has been erased");
        assertThat(count("SELECT count(*) FROM drafts WHERE resume_code = '" + code + "'")).isZero();
        assertThat(count("SELECT count(*) FROM responses WHERE answers->>'story' = 'Erase me'")).isZero();
    }

    @Test
    void aSubjectAccessExportHoldsEveryAnswerWithItsWording() {
        String reference = apiResponse("Export me");
        Browser.Page export = admin().post("/staff/requests", "code", reference, "action", "export");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type").orElseThrow()).contains("application/json");
        assertThat(export.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("chorus-" + reference + ".json");
        assertThat(export.body()).contains("\"reference\":\"" + reference + "\"")
                .contains("{\"question\":\"Favourite colour?\",\"answer\":[\"Red\"]}")
                .contains("{\"question\":\"Tell us more\",\"answer\":[\"Export me\"]}");
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'subject access export' AND subject = '"
                + reference + "'")).isEqualTo(1);
    }

    @Test
    void rawAnswersAreDeletedWhenTheRetentionPeriodEnds() throws Exception {
        try (var connection = TestDatabase.connect(databaseUrl)) {
            connection.createStatement().execute("INSERT INTO responses (reference, survey_id, survey_version_id, "
                    + "channel, submission_id, answers) SELECT 'OLD1-OLD1', 'closed-2020', id, 'api', gen_random_uuid(), "
                    + "'{\"happy\": \"yes\"}' FROM survey_versions WHERE survey_id = 'closed-2020'");
        }
        String kept = apiResponse("Still within retention");
        assertThat(retention.runNow()).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM responses WHERE survey_id = 'closed-2020'")).isZero();
        assertThat(count("SELECT count(*) FROM responses WHERE reference = '" + kept + "'")).isEqualTo(1);
        assertThat(queryText("SELECT detail FROM audit_log WHERE action = 'retention deletion'"))
                .isEqualTo("1 responses past 2020-03-01");
        assertThat(retention.runNow()).isZero();
    }
}
