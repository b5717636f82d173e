package uk.chorus.responses;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import uk.chorus.support.Api;
import uk.chorus.support.Browser;
import uk.chorus.support.ChorusTest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile and broken input on every public form and API endpoint: each gets a clear 4xx with no
 * stack trace and the database is unchanged; text with markup is stored as typed and shown
 * escaped. A fuzz test throws random mutations of valid submissions at both.
 */
@MicronautTest(transactional = false)
class HostileInputTest extends ChorusTest {
    private static final String SURVEY = "/s/every-type";
    private static final String RESPONSES = "/api/v1/surveys/every-type/responses";
    private final HttpClient raw = HttpClient.newHttpClient();

    @Override
    protected String surveysDir() {
        return "src/test/resources/surveys-fixtures";
    }

    private String page1(Browser browser) {
        return browser.post(SURVEY + "/start").location();
    }

    private HttpResponse<String> postBytes(String path, String contentType, byte[] body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.getURI().resolve(path))
                .header("Content-Type", contentType)
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return raw.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void assertRefusedCleanly(int status, String body, int expected) {
        assertThat(status).isEqualTo(expected);
        assertThat(body).doesNotContain("Exception").doesNotContain("at uk.chorus").doesNotContain("at io.micronaut");
    }

    @Test
    void anOversizedFormIsRefusedWithFourThirteen() throws Exception {
        String page = page1(browser());
        String before = databaseState();
        HttpResponse<String> reply = postBytes(page, "application/x-www-form-urlencoded",
                ("colour=red&story=" + "a".repeat(300_000)).getBytes(StandardCharsets.UTF_8));
        assertRefusedCleanly(reply.statusCode(), reply.body(), 413);
        assertThat(databaseState()).isEqualTo(before);
    }

    @Test
    void textOverItsMaximumIsExplainedAndNotSaved() {
        Browser browser = browser();
        String page = page1(browser);
        browser.post(page, "colour", "red");
        String page2 = page.replace("/page/1", "/page/2");
        String before = databaseState();
        Browser.Page reply = browser.post(page2, "story", "b".repeat(50_000));
        assertThat(reply.status()).isEqualTo(303);
        assertThat(browser.get(reply.location()).errorSummary()).contains("Tell us more – Your answer must be 100 "
                + "characters or fewer. You have written 50,000.");
        assertThat(databaseState()).isEqualTo(before);
    }

    @Test
    void invalidUtf8InAFormIsRefused() throws Exception {
        Browser browser = browser();
        String page = page1(browser);
        browser.post(page, "colour", "red");
        String before = databaseState();
        byte[] rawBytes = {'c', 'o', 'l', 'o', 'u', 'r', '=', (byte) 0xC3, (byte) 0x28};
        HttpResponse<String> bytes = postBytes(page, "application/x-www-form-urlencoded", rawBytes);
        assertRefusedCleanly(bytes.statusCode(), bytes.body(), 400);
        HttpResponse<String> encoded = postBytes(page.replace("/page/1", "/page/2"),
                "application/x-www-form-urlencoded", "story=%C3%28%FF".getBytes(StandardCharsets.US_ASCII));
        assertRefusedCleanly(encoded.statusCode(), encoded.body(), 400);
        assertThat(encoded.body()).contains("Nothing was saved");
        HttpResponse<String> badPercent = postBytes(page, "application/x-www-form-urlencoded",
                "colour=%ZZ".getBytes(StandardCharsets.US_ASCII));
        assertRefusedCleanly(badPercent.statusCode(), badPercent.body(), 400);
        assertThat(databaseState()).isEqualTo(before);
    }

    @Test
    void controlCharactersAreRefusedWithAMessage() {
        Browser browser = browser();
        String page = page1(browser);
        browser.post(page, "colour", "red");
        String before = databaseState();
        Browser.Page reply = browser.postRaw(page.replace("/page/1", "/page/2"), "story=hello%00world%1B");
        assertThat(reply.status()).isEqualTo(303);
        assertThat(browser.get(reply.location()).text()).contains("Remove the hidden control characters from your answer");
        assertThat(databaseState()).isEqualTo(before);

        Api.Reply api = api().postJson(RESPONSES, "{\"submissionId\": \"" + UUID.randomUUID()
                + "\", \"answers\": {\"colour\": \"red\", \"story\": \"a\\u0000b\", \"name_of_service\": \"\\ud800\"}}");
        assertThat(api.status()).isEqualTo(422);
        assertThat(api.body()).contains("\"story\":\"Remove the hidden control characters")
                .contains("\"name_of_service\":\"Remove the hidden control characters");
        assertThat(databaseState()).isEqualTo(before);
    }

    @Test
    void markupAndSqlAreStoredAsTypedAndShownEscaped() {
        Browser browser = browser();
        String page = page1(browser);
        browser.post(page, "colour", "red");
        String typed = "<script>alert('x')</script> Robert'); DROP TABLE responses;-- \"quoted\" & <b>";
        browser.post(page.replace("/page/1", "/page/2"), "story", typed);
        Browser.Page check = browser.get(page.replace("/page/1", "/check"));
        assertThat(check.document().select("main script")).isEmpty();
        assertThat(check.document().select(".govuk-summary-list b")).isEmpty();
        assertThat(check.text()).contains("<script>alert('x')</script> Robert'); DROP TABLE responses;--");
        assertThat(check.body()).contains("&lt;script&gt;");
        String code = page.split("/")[3];
        assertThat(queryText("SELECT answers->>'story' FROM drafts WHERE resume_code = '" + code + "'"))
                .isEqualTo(typed);
        assertThat(count("SELECT count(*) FROM information_schema.tables WHERE table_name = 'responses'")).isEqualTo(1);
    }

    @Test
    void aFormPostedFromAnotherSiteIsRefused() throws Exception {
        String page = page1(browser());
        String before = databaseState();
        HttpResponse<String> forged = postBytes(page, "application/x-www-form-urlencoded",
                "colour=blue".getBytes(StandardCharsets.US_ASCII), "Origin", "https://evil.example");
        assertRefusedCleanly(forged.statusCode(), forged.body(), 403);
        HttpResponse<String> forgedStart = postBytes(SURVEY + "/start", "application/x-www-form-urlencoded",
                new byte[0], "Origin", "https://evil.example");
        assertRefusedCleanly(forgedStart.statusCode(), forgedStart.body(), 403);
        assertThat(databaseState()).isEqualTo(before);
    }

    @Test
    void wrongContentTypesAreRefusedWithFourFifteen() throws Exception {
        String page = page1(browser());
        String before = databaseState();
        for (String type : new String[]{"application/json", "text/plain", "application/xml"}) {
            HttpResponse<String> reply = postBytes(page, type, "colour=blue".getBytes(StandardCharsets.US_ASCII));
            assertRefusedCleanly(reply.statusCode(), reply.body(), 415);
        }
        assertThat(databaseState()).isEqualTo(before);
    }

    @Test
    void aFormWithMoreFieldsThanAnyPageHasIsRefusedWholeAndChangesNothing() {
        Browser browser = browser();
        String page = page1(browser);
        assertThat(browser.post(page, "colour", "red").status()).isEqualTo(303);
        String before = databaseState();
        // 600 fields: the decoder would have kept the first 500 and dropped colour, clearing the answer.
        Browser.Page reply = browser.postRaw(page, "x=1&".repeat(600) + "colour=blue");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text()).contains("Nothing was saved");
        assertThat(databaseState()).isEqualTo(before);
        String code = page.split("/")[3];
        assertThat(queryText("SELECT answers->>'colour' FROM drafts WHERE resume_code = '" + code + "'"))
                .isEqualTo("red");
    }

    @Test
    void theApiRefusesABodyThatDoesNotSayItIsJson() throws Exception {
        String before = databaseState();
        String json = "{\"submissionId\": \"" + UUID.randomUUID() + "\", \"answers\": {\"colour\": \"red\"}}";
        HttpResponse<String> untyped = raw.send(HttpRequest.newBuilder(server.getURI().resolve(RESPONSES))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertRefusedCleanly(untyped.statusCode(), untyped.body(), 415);
        assertThat(untyped.body()).contains("Content-Type: application/json");
        HttpResponse<String> asText = postBytes(RESPONSES, "text/plain", json.getBytes(StandardCharsets.UTF_8),
                "Accept", "application/json");
        assertRefusedCleanly(asText.statusCode(), asText.body(), 415);
        assertThat(databaseState()).isEqualTo(before);
    }

    @Test
    void pathTraversalAndOddIdsFindNothing() throws Exception {
        for (String path : new String[]{"/s/..%2F..%2Fetc%2Fpasswd", "/s/every-type/..%2F..%2Fsecret/page/1",
                "/s/every-type/%00/page/1", "/s/EVERY-TYPE", "/api/v1/surveys/..%2F..%2Fetc",
                "/s/every-type/" + "A".repeat(500) + "/page/1", "/assets/govuk/..%2F..%2Fapplication.yml",
                "/assets/chorus/../../application.yml"}) {
            HttpResponse<String> reply = raw.send(HttpRequest.newBuilder(URI.create(server.getURI() + path))
                    .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(reply.statusCode()).as(path).isBetween(400, 499);
            assertThat(reply.body()).as(path).doesNotContain("datasources").doesNotContain("Exception");
        }
    }

    @Test
    void randomMutationsOfValidSubmissionsNeverCauseAServerError() throws Exception {
        Random random = new Random(20261123);
        String valid = "{\"submissionId\": \"" + UUID.randomUUID() + "\", \"answers\": {\"colour\": \"blue\", "
                + "\"pets\": [\"dog\"], \"score\": 7, \"weeks\": 12, \"since\": \"2024-09\", \"story\": \"Long waits\", "
                + "\"dog_name_known\": \"no\"}}";
        for (int i = 0; i < 300; i++) {
            byte[] body = mutate(valid.replace(valid.substring(18, 54), UUID.randomUUID().toString())
                    .getBytes(StandardCharsets.UTF_8), random);
            long before = count("SELECT count(*) FROM responses");
            HttpResponse<String> reply = postBytes(RESPONSES, "application/json", body, "Accept", "application/json");
            assertThat(reply.statusCode()).as("mutation %d: %s", i, new String(body, StandardCharsets.UTF_8))
                    .isLessThan(500);
            long after = count("SELECT count(*) FROM responses");
            assertThat(after - before).as("mutation %d stored", i).isEqualTo(reply.statusCode() == 201 ? 1 : 0);
        }
        Browser browser = browser();
        String page = page1(browser);
        String validForm = "colour=red&pets=dog&pets=cat&agree=agree&score=4&sure=yes&phase=primary";
        for (int i = 0; i < 200; i++) {
            byte[] body = mutate(validForm.getBytes(StandardCharsets.UTF_8), random);
            String before = databaseState();
            HttpResponse<String> reply = postBytes(page, "application/x-www-form-urlencoded", body);
            assertThat(reply.statusCode()).as("form mutation %d: %s", i, new String(body, StandardCharsets.UTF_8))
                    .isLessThan(500);
            if (reply.statusCode() != 303) {
                assertThat(databaseState()).as("form mutation %d", i).isEqualTo(before);
            }
        }
    }

    /** One to three random edits: flip, insert, delete or duplicate bytes, or splice in nasty text. */
    private static byte[] mutate(byte[] input, Random random) {
        byte[] out = input.clone();
        String[] nasties = {"\\u0000", "%00", "\u0000", "\"", "{", "[", "]]]]", "%", "%C3%28", "'; DROP TABLE x;--",
                "<script>", "\\ud800", "99999999999999999999", "-1", "null", "true", "1e309", "&&&&", "=", "\n"};
        for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
            int at = out.length == 0 ? 0 : random.nextInt(out.length);
            switch (random.nextInt(5)) {
                case 0 -> {
                    if (out.length > 0) {
                        out[at] = (byte) random.nextInt(256);
                    }
                }
                case 1 -> out = splice(out, at, 1, new byte[0]);
                case 2 -> out = splice(out, at, 0, new byte[]{(byte) random.nextInt(256)});
                case 3 -> out = splice(out, at, 0, java.util.Arrays.copyOfRange(out, at,
                        Math.min(out.length, at + random.nextInt(20))));
                default -> out = splice(out, at, 0, nasties[random.nextInt(nasties.length)]
                        .getBytes(StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static byte[] splice(byte[] input, int at, int remove, byte[] insert) {
        int cut = Math.min(remove, input.length - at);
        byte[] out = new byte[input.length - cut + insert.length];
        System.arraycopy(input, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(input, at + cut, out, at + insert.length, input.length - at - cut);
        return out;
    }
}
