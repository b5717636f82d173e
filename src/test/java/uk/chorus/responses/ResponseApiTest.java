package uk.chorus.responses;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.chorus.support.Api;
import uk.chorus.support.ChorusTest;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON API: listing, definitions, idempotent submission and every kind of bad input. */
@MicronautTest(transactional = false)
class ResponseApiTest extends ChorusTest {
    private static final String RESPONSES = "/api/v1/surveys/every-type/responses";

    @Override
    protected String surveysDir() {
        return "src/test/resources/surveys-fixtures";
    }

    private static String submission(UUID id, String answers) {
        return "{\"submissionId\": \"" + id + "\", \"answers\": " + answers + "}";
    }

    @Test
    void listsOnlyOpenSurveys() {
        Api.Reply list = api().get("/api/v1/surveys");
        assertThat(list.status()).isEqualTo(200);
        // Soonest closing first; closed and not-yet-open surveys are not listed.
        assertThat(list.body()).isEqualTo("[{\"id\":\"second-open\",\"title\":\"Second open survey\","
                + "\"audience\":\"parents-carers\",\"closes\":\"2999-12-30\"},"
                + "{\"id\":\"every-type\",\"title\":\"Every question type\","
                + "\"audience\":\"professionals\",\"closes\":\"2999-12-31\"}]");
    }

    @Test
    void givesADefinitionWithKeysTypesAndCodedOptions() {
        Api.Reply definition = api().get("/api/v1/surveys/every-type");
        assertThat(definition.status()).isEqualTo(200);
        assertThat(definition.body())
                .contains("\"key\":\"colour\",\"type\":\"single-choice\"")
                .contains("\"required\":true")
                .contains("{\"code\":\"red\",\"label\":\"Red\"}")
                .contains("{\"code\":\"strongly-agree\",\"label\":\"Strongly agree\"}")
                .contains("{\"code\":\"prefer-not-to-say\",\"label\":\"Prefer not to say\"}")
                .contains("\"showIf\":{\"question\":\"pets\",\"anyOf\":[\"dog\"]}")
                .contains("\"baseline\":\"every-type-2025\"");
        assertThat(api().get("/api/v1/surveys/no-such-survey").status()).isEqualTo(404);
        assertThat(api().get("/api/v1/surveys/closed-2020").status()).isEqualTo(200);
    }

    @Test
    void aSubmissionIsStoredOnceHoweverOftenItIsSent() {
        UUID id = UUID.randomUUID();
        String body = submission(id, "{\"colour\": \"blue\", \"pets\": [\"dog\", \"cat\"], \"score\": 7, "
                + "\"weeks\": 12, \"since\": \"2024-09\", \"story\": \"<script>alert(1)</script>\", "
                + "\"dog_name_known\": \"no\", \"phase\": \"primary\"}");
        Api.Reply first = api().postJson(RESPONSES, body);
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.body()).matches("\\{\"id\":\"[0-9A-Z]{4}-[0-9A-Z]{4}\"}");

        Api.Reply again = api().postJson(RESPONSES, body);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(count("SELECT count(*) FROM responses WHERE submission_id = '" + id + "'")).isEqualTo(1);
        assertThat(queryText("SELECT answers::text FROM responses WHERE submission_id = '" + id + "'"))
                .contains("\"pets\": [\"cat\", \"dog\"]")
                .contains("\"story\": \"<script>alert(1)</script>\"");
    }

    @Test
    void retriesRacingEachOtherStillStoreOneResponse() throws Exception {
        UUID id = UUID.randomUUID();
        String body = submission(id, "{\"colour\": \"red\"}");
        List<Callable<Integer>> racers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            racers.add(() -> api().postJson(RESPONSES, body).status());
        }
        try (var pool = Executors.newFixedThreadPool(12)) {
            List<Integer> statuses = new ArrayList<>();
            for (var future : pool.invokeAll(racers)) {
                statuses.add(future.get());
            }
            assertThat(statuses).containsOnly(200, 201);
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        }
        assertThat(count("SELECT count(*) FROM responses WHERE submission_id = '" + id + "'")).isEqualTo(1);
    }

    @Test
    void invalidAnswersGetAMessagePerQuestionAndNothingIsStored() {
        String before = databaseState();
        Api.Reply reply = api().postJson(RESPONSES, submission(UUID.randomUUID(),
                "{\"pets\": [\"dog\", \"unicorn\"], \"score\": 11, \"weeks\": 53, \"since\": \"2024-13\", "
                        + "\"name_of_service\": \"" + "x".repeat(21) + "\", \"nonsense\": 1, \"agree\": true}"));
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.body())
                .contains("\"colour\":\"Select an answer\"")
                .contains("\"pets\":\"Select one of the answers shown\"")
                .contains("\"score\":\"Select a number from 0 to 10\"")
                .contains("\"weeks\":\"Enter a number from 0 to 52\"")
                .contains("\"since\":\"Enter a month from 1 to 12\"")
                .contains("\"name_of_service\":\"Your answer must be 20 characters or fewer. You have written 21.\"")
                .contains("\"nonsense\":\"There is no question with this key in the survey\"")
                .contains("\"agree\":\"Send this answer as text\"");
        assertThat(databaseState()).isEqualTo(before);
    }

    @Test
    void anAnswerToAQuestionThatDoesNotApplyIsRefused() {
        Api.Reply reply = api().postJson(RESPONSES, submission(UUID.randomUUID(),
                "{\"colour\": \"red\", \"pets\": [\"cat\"], \"dog_name_known\": \"yes\"}"));
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.body()).contains("\"dog_name_known\":\"This question does not apply, because of the answer to pets\"");
        Api.Reply required = api().postJson(RESPONSES, submission(UUID.randomUUID(),
                "{\"colour\": \"red\", \"pets\": [\"dog\"]}"));
        assertThat(required.status()).isEqualTo(422);
        assertThat(required.body()).contains("\"dog_name_known\":\"Select an answer\"");
    }

    @Test
    void closedUnknownAndNotYetOpenSurveysSaySo() {
        String body = submission(UUID.randomUUID(), "{\"happy\": \"yes\"}");
        Api.Reply closed = api().postJson("/api/v1/surveys/closed-2020/responses", body);
        assertThat(closed.status()).isEqualTo(410);
        assertThat(closed.body()).contains("This survey closed on 1 February 2020");
        Api.Reply future = api().postJson("/api/v1/surveys/future-2099/responses", body);
        assertThat(future.status()).isEqualTo(409);
        assertThat(future.body()).contains("This survey opens on 1 January 2099");
        Api.Reply unknown = api().postJson("/api/v1/surveys/nope/responses", body);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("There is no survey with the id 'nope'");
        assertThat(count("SELECT count(*) FROM responses WHERE survey_id IN ('closed-2020', 'future-2099')")).isZero();
    }

    @Test
    void aSubmissionIdUsedForAnotherSurveyIsAConflict() {
        UUID id = UUID.randomUUID();
        assertThat(api().postJson(RESPONSES, submission(id, "{\"colour\": \"red\"}")).status()).isEqualTo(201);
        Api.Reply elsewhere = api().postJson("/api/v1/surveys/second-open/responses",
                submission(id, "{\"colour\": \"green\"}"));
        assertThat(elsewhere.status()).isEqualTo(409);
        assertThat(elsewhere.body()).contains("already used for a response to another survey");
        // A retry with different answers is still the first response, unchanged.
        Api.Reply same = api().postJson(RESPONSES, submission(id, "{\"colour\": \"blue\"}"));
        assertThat(same.status()).isEqualTo(200);
        assertThat(queryText("SELECT answers->>'colour' FROM responses WHERE submission_id = '" + id + "'"))
                .isEqualTo("red");
        assertThat(count("SELECT count(*) FROM responses WHERE submission_id = '" + id + "'")).isEqualTo(1);
    }

    static Stream<Object[]> badBodies() {
        String valid = submission(UUID.randomUUID(), "{\"colour\": \"red\"}");
        return Stream.of(
                new Object[]{"malformed JSON", "{\"submissionId\": ", "not valid JSON"},
                new Object[]{"a JSON array", "[1, 2]", "must be a JSON object"},
                new Object[]{"an unknown field", valid.replace("}$", "") .replaceFirst("^\\{", "{\"extra\": 1, "),
                        "Unknown field 'extra'"},
                new Object[]{"no submission id", "{\"answers\": {}}", "submissionId is required"},
                new Object[]{"a submission id that is not a UUID", "{\"submissionId\": \"../../etc/passwd\", "
                        + "\"answers\": {}}", "submissionId must be a UUID"},
                new Object[]{"answers that are not an object", "{\"submissionId\": \"" + UUID.randomUUID()
                        + "\", \"answers\": \"red\"}", "answers is required"},
                new Object[]{"enormous nesting", "{\"submissionId\": \"" + UUID.randomUUID() + "\", \"answers\": "
                        + "[".repeat(5000) + "]".repeat(5000) + "}", "nested too deeply"},
                new Object[]{"an empty body", "", "not valid JSON"});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void badBodiesGetAClearFourHundredAndWriteNothing(String what, String body, String message) {
        String before = databaseState();
        Api.Reply reply = api().postJson(RESPONSES, body);
        assertThat(reply.status()).as(what).isEqualTo(400);
        assertThat(reply.body()).as(what).contains(message).doesNotContain("Exception").doesNotContain("at uk.");
        assertThat(databaseState()).isEqualTo(before);
    }

    @Test
    void invalidUtf8IsRefused() {
        byte[] prefix = ("{\"submissionId\": \"" + UUID.randomUUID() + "\", \"answers\": {\"story\": \"")
                .getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[prefix.length + 5];
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        body[prefix.length] = (byte) 0xC3;
        body[prefix.length + 1] = (byte) 0x28;
        body[prefix.length + 2] = '"';
        body[prefix.length + 3] = '}';
        body[prefix.length + 4] = '}';
        String before = databaseState();
        Api.Reply reply = api().post(RESPONSES, "application/json", HttpRequest.BodyPublishers.ofByteArray(body));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).contains("not valid UTF-8");
        assertThat(databaseState()).isEqualTo(before);
    }

    @Test
    void aBodyOverTheLimitIsRefusedWithFourThirteen() {
        String huge = submission(UUID.randomUUID(), "{\"story\": \"" + "a".repeat(300_000) + "\"}");
        String before = databaseState();
        Api.Reply reply = api().postJson(RESPONSES, huge);
        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.body()).contains("too large");
        assertThat(databaseState()).isEqualTo(before);
    }

    @Test
    void theWrongContentTypeIsRefusedWithFourFifteen() {
        Api.Reply reply = api().post(RESPONSES, "text/plain",
                HttpRequest.BodyPublishers.ofString(submission(UUID.randomUUID(), "{\"colour\": \"red\"}")));
        assertThat(reply.status()).isEqualTo(415);
        assertThat(reply.body()).doesNotContain("Exception");
    }

    @Test
    void countsCompleteAndPartialResponses() {
        long complete = count("SELECT count(*) FROM responses WHERE survey_id = 'every-type'");
        long partial = count("SELECT count(*) FROM drafts WHERE survey_id = 'every-type' AND response_id IS NULL "
                + "AND answers <> '{}'::jsonb");
        assertThat(api().postJson(RESPONSES, submission(UUID.randomUUID(), "{\"colour\": \"red\"}")).status())
                .isEqualTo(201);
        assertThat(api().get("/api/v1/surveys/every-type/counts").status()).isEqualTo(401);
        Api.Reply counts = api().get("/api/v1/surveys/every-type/counts", adminToken());
        assertThat(counts.status()).isEqualTo(200);
        assertThat(counts.body()).isEqualTo("{\"surveyId\":\"every-type\",\"complete\":" + (complete + 1)
                + ",\"partial\":" + partial + "}");
    }

    @Test
    void aRatingIsAcceptedAsTheCodeTheDefinitionListsOrAsANumber() {
        assertThat(api().get("/api/v1/surveys/every-type").body()).contains("{\"code\":\"7\",\"label\":\"7\"}");
        UUID asCode = UUID.randomUUID();
        assertThat(api().postJson(RESPONSES, submission(asCode, "{\"colour\": \"red\", \"score\": \"7\"}")).status())
                .isEqualTo(201);
        UUID asNumber = UUID.randomUUID();
        assertThat(api().postJson(RESPONSES, submission(asNumber, "{\"colour\": \"red\", \"score\": 7}")).status())
                .isEqualTo(201);
        assertThat(queryText("SELECT string_agg(answers->>'score', ',') FROM responses WHERE submission_id IN ('"
                + asCode + "', '" + asNumber + "')")).isEqualTo("7,7");
        Api.Reply notACode = api().postJson(RESPONSES, submission(UUID.randomUUID(),
                "{\"colour\": \"red\", \"score\": \"seven\"}"));
        assertThat(notACode.status()).isEqualTo(422);
        assertThat(notACode.body()).contains("\"score\":\"Select a number from 0 to 10\"");
    }
}
