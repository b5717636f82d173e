package uk.chorus.responses;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import uk.chorus.support.Browser;
import uk.chorus.support.ChorusTest;
import uk.chorus.surveys.SurveyDefinition;
import uk.chorus.surveys.SurveyFileParser;

import java.io.IOException;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every family can take part: the parent/carer survey in Polish and Urdu (right to left), a
 * language switch part way that keeps answers, responses that record their language and pool by
 * code; three reading levels on the Big Bang survey with "I don't understand" counted per level.
 */
@MicronautTest(transactional = false)
class LanguagesTest extends ChorusTest {
    private static final String FAMILY = "/s/family-voice-2026";
    private static final String BIG_BANG = "/s/big-bang-2026";

    /** A browser that keeps cookies, as a phone does: the language chosen holds on every page after. */
    private final class Phone {
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        private final String acceptLanguage;

        Phone(String acceptLanguage) {
            this.acceptLanguage = acceptLanguage;
        }

        HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return client.send(request.header("Accept", "text/html").header("Accept-Language", acceptLanguage)
                        .build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }

        Document get(String path) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(server.getURL() + path)).GET());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            return Jsoup.parse(response.body());
        }

        String location(String path) {
            return send(HttpRequest.newBuilder(URI.create(server.getURL() + path)).GET()).headers()
                    .firstValue("Location").orElseThrow();
        }

        Document submit(String path, String... fields) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(server.getURL() + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(Browser.encode(fields))));
            assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(303);
            return get(response.headers().firstValue("Location").orElseThrow());
        }
    }

    @Test
    void aParentStartsInPolishSwitchesToUrduPartWayAndKeepsEveryAnswer() {
        Phone phone = new Phone("pl-PL,pl;q=0.9,en;q=0.5");
        Document start = phone.get(FAMILY);
        assertThat(start.select("html").attr("lang")).isEqualTo("pl");
        assertThat(start.select("h1").text()).isEqualTo("Ankieta Family Voice 2026");
        assertThat(start.text()).contains("Rozpocznij").contains("co najmniej 5 rodzin")
                .contains("English").contains("اردو");
        String page1 = phone.location(FAMILY + "/begin");
        String base = page1.substring(0, page1.length() - 1);
        Document first = phone.get(page1);
        assertThat(first.select("label[for=ehcp_status]").text()).isEqualTo("Plan edukacji, zdrowia i opieki (EHCP)");
        assertThat(first.select("input[name=ehcp_status]").eachAttr("value")).contains("ehcp", "sen-support");
        assertThat(first.text()).contains("Dalej").doesNotContain("Continue");

        Document second = phone.submit(base + 1, "ehcp_status", "ehcp", "child_age", "5-10");
        assertThat(second.select("h1").text()).isEqualTo("Jaka jest główna potrzeba Twojego dziecka?");

        // The switch is a link on every page; the answers already given are shown again in Urdu.
        Document urdu = phone.get(base + 1 + "?lang=ur");
        assertThat(urdu.select("html").attr("dir")).isEqualTo("rtl");
        assertThat(urdu.select("html").attr("lang")).isEqualTo("ur");
        assertThat(urdu.select("input[name=ehcp_status][checked]").attr("value")).isEqualTo("ehcp");
        assertThat(urdu.select("input[name=child_age][checked]").attr("value")).isEqualTo("5-10");
        assertThat(urdu.select("label[for=ehcp_status]").text()).isEqualTo("تعلیم، صحت اور نگہداشت کا پلان (EHCP)");
        assertThat(urdu.select("link[href=/assets/chorus/rtl.css]")).hasSize(1);

        // The choice holds by cookie on the pages after, and errors come in Urdu too.
        Document needs = phone.get(base + 2);
        assertThat(needs.select("h1").text()).isEqualTo("آپ کے بچے کی سب سے بڑی ضرورت کیا ہے؟");
        phone.submit(base + 2, "primary_need", "asd");
        phone.submit(base + 3, "school_phase", "primary");
        phone.submit(base + 4, "needs_met_education", "agree", "needs_met_health", "disagree",
                "needs_met_care", "dont-know");
        phone.submit(base + 5, "annual_review_involved", "agree");
        phone.submit(base + 6, "local_offer_aware", "no");
        Document moving = phone.submit(base + 8, "transition_recent", "no");
        assertThat(moving.select("h1").text()).isEqualTo("آپ کی بات سنی جانا");
        phone.submit(base + 10, "feel_listened_to", "agree", "recommend_support", "7");
        Document check = phone.submit(base + 11, "biggest_difference", "مزید شارٹ بریکس");
        assertThat(check.text()).contains("میرے جوابات بھیجیں").contains("متفق");
        String code = base.split("/")[3];
        phone.submit("/s/family-voice-2026/" + code + "/submit");

        // Stored as codes with the language answered in, so results pool every language.
        assertThat(queryText("SELECT language || ' ' || (answers->>'ehcp_status') || ' ' || (answers->>'needs_met_health') "
                + "FROM responses WHERE survey_id = 'family-voice-2026' AND channel = 'web'")).isEqualTo("ur ehcp disagree");
    }

    @Test
    void everyKeyOnRespondentPagesExistsInEveryShippedLanguage() throws IOException {
        Properties english = bundle("messages.properties");
        Set<String> used = new TreeSet<>();
        Pattern key = Pattern.compile("\\{\\{#?\\s*tn?\\s+\"([a-z0-9.-]+)\"|\\(tn?\\s+\"([a-z0-9.-]+)\"");
        try (var files = Files.walk(Path.of("src/main/resources/views/responses"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".hbs")).toList()) {
                Matcher m = key.matcher(Files.readString(file));
                while (m.find()) {
                    used.add(m.group(1) != null ? m.group(1) : m.group(2));
                }
            }
        }
        assertThat(used).contains("start.button", "page.continue", "check.send.button");
        for (String language : uk.chorus.web.Messages.RESPONDENT_LANGUAGES.subList(1, 3)) {
            Properties translated = bundle("messages_" + language + ".properties");
            for (String k : used) {
                boolean present = translated.containsKey(k) || translated.containsKey(k + ".one");
                assertThat(present).as(language + " has " + k).isTrue();
            }
            // Every translated key is one English has, with the same placeholders.
            for (String k : translated.stringPropertyNames()) {
                assertThat(english).as(language + ": " + k + " is a key English has").containsKey(k);
                assertThat(placeholders(translated.getProperty(k))).as(language + ": placeholders of " + k)
                        .isEqualTo(placeholders(english.getProperty(k)));
            }
        }
    }

    @Test
    void bigBangOffersEasyReadAndSymbolsAndCountsQuestionsNotUnderstoodPerLevel() {
        Phone phone = new Phone("en-GB");
        Document start = phone.get(BIG_BANG);
        assertThat(start.text()).doesNotContain("10 minutes").containsOnlyOnce("minutes");
        String page1 = phone.location(BIG_BANG + "/begin");
        String base = page1.substring(0, page1.length() - 1);
        Document standard = phone.get(page1);
        assertThat(standard.select("h1").text()).isEqualTo("How old are you?");
        // The code to keep safe comes after the first page, not before the first question.
        assertThat(standard.select(".chorus-code")).isEmpty();

        Document symbols = phone.get(page1 + "?level=symbols");
        assertThat(symbols.select("h1").text()).isEqualTo("Choose your age.");
        assertThat(symbols.select(".chorus-symbols img").attr("src")).isEqualTo("/assets/chorus/symbols/age.svg");
        assertThat(symbols.select(".chorus-symbols img").attr("alt")).isEqualTo("How old you are");
        assertThat(symbols.text()).contains("OpenMoji").contains("CC BY-SA 4.0");
        assertThat(symbols.select("input[name=reading-level]").attr("value")).isEqualTo("symbols");

        // Not understood and left blank: a required question lets them on, and it is counted.
        Document plan = phone.submit(base + 1, "age_band", "11-15", "reading-level", "symbols");
        assertThat(plan.select(".chorus-code")).hasSize(1);
        assertThat(plan.select("h1").text()).isEqualTo("Do you have a plan that says what help you should get?");
        phone.submit(base + 2, "ehcp_status-unclear", "yes", "reading-level", "symbols");
        Document easy = phone.get(base + 3 + "?level=easy");
        assertThat(easy.select(".chorus-symbols")).isEmpty();
        assertThat(easy.select("legend").eachText()).contains("Where do you go in the day?");
        phone.submit(base + 3, "school_phase", "none", "reading-level", "easy");
        phone.submit(base + 6, "has_friends", "yes", "reading-level", "easy");
        Document safe = phone.get(base + 8 + "?level=standard");
        // Answers that fit the question, faces that differ, codes unchanged.
        assertThat(safe.select(".chorus-faces label").eachText())
                .containsExactly("Very safe", "Safe", "OK", "Not very safe", "Not safe at all", "I don't know");
        assertThat(safe.select("input[name=feel_safe]").eachAttr("value")).startsWith("really-good", "good");
        phone.submit(base + 8, "feel_safe", "good", "feel_safe-unclear", "yes", "reading-level", "standard");
        phone.submit(base + 9, "mental_health_support", "no", "reading-level", "standard");
        phone.submit(base + 11, "listened_to", "okay", "reading-level", "standard");
        String code = base.split("/")[3];
        phone.submit(base + 14, "one_change", "More clubs", "reading-level", "standard");
        phone.submit("/s/big-bang-2026/" + code + "/submit");

        assertThat(queryText("SELECT string_agg(question_key || ':' || reading_level, ',' ORDER BY question_key) "
                + "FROM unclear_questions")).isEqualTo("ehcp_status:symbols,feel_safe:standard");
        assertThat(queryText("SELECT coalesce(answers->>'ehcp_status', 'none') || ' ' || (answers->>'feel_safe') FROM responses "
                + "WHERE survey_id = 'big-bang-2026'"))
                .isEqualTo("none good");
    }

    @Test
    void aTranslationWithBrokenPlaceholdersOrUnknownTextsIsRefusedAndAnIncompleteOneIsNotOffered() throws IOException {
        String file = Files.readString(Path.of("surveys/family-voice-2026.yml"));
        var broken = new SurveyFileParser().parse("family-voice-2026.yml", file
                .replaceFirst("co najmniej \\{smallestGroup} rodzin", "co najmniej 5 rodzin")
                .replaceFirst("      title: \"Ankieta", "      no_such_text: \"x\"\n      title: \"Ankieta"));
        assertThat(broken.problems()).extracting(p -> p.message())
                .anyMatch(m -> m.contains("'privacyNotice' must keep the placeholder {smallestGroup}"))
                .anyMatch(m -> m.contains("'no_such_text' is not a text of this survey"));

        SurveyDefinition partial = new SurveyFileParser().parse("family-voice-2026.yml",
                file.replaceFirst("\n      biggest_difference.easyRead: \"Napisz[^\n]*", "")).definition().orElseThrow();
        assertThat(partial.languages()).containsExactly("en", "ur");
        assertThat(uk.chorus.surveys.SurveyTexts.missing(partial, "pl")).containsExactly("biggest_difference.easyRead");
    }

    @Test
    void theApiGivesTheDefinitionInTheLanguageAskedForAndListsEveryLanguageOffered() {
        var polish = api().get("/api/v1/surveys/family-voice-2026?lang=pl");
        assertThat(polish.status()).isEqualTo(200);
        assertThat(polish.headers().firstValue("Content-Language")).contains("pl");
        assertThat(polish.body()).contains("\"title\":\"Ankieta Family Voice 2026\"")
                .contains("{\"code\":\"ehcp\",\"label\":\"Plan edukacji, zdrowia i opieki (EHCP)\"}")
                .contains("\"language\":\"pl\"")
                .contains("{\"code\":\"ur\",\"name\":\"اردو\",\"direction\":\"rtl\",\"needsReview\":true}")
                // Only the language asked for: other languages' texts are not sent as well.
                .doesNotContain("translations").doesNotContain("تعلیم، صحت");

        var urdu = api().withHeader("Accept-Language", "ur-PK,ur;q=0.9").get("/api/v1/surveys/family-voice-2026");
        assertThat(urdu.body()).contains("\"language\":\"ur\"").contains("تعلیم، صحت اور نگہداشت کا پلان (EHCP)");
        var english = api().withHeader("Accept-Language", "de-DE").get("/api/v1/surveys/family-voice-2026");
        assertThat(english.body()).contains("\"language\":\"en\"").contains("\"title\":\"Family Voice survey 2026\"");

        var german = api().get("/api/v1/surveys/family-voice-2026?lang=de");
        assertThat(german.status()).isEqualTo(400);
        assertThat(german.body()).contains("\"message\":\"This survey is not offered in the language 'de'. "
                + "Ask for one of: en, pl, ur.\"");
    }

    @Test
    void aResponseSentThroughTheApiRecordsItsLanguageAndAnUnknownOneIsRefusedWithNothingStored() {
        String before = databaseState();
        var refused = api().postJson("/api/v1/surveys/family-voice-2026/responses?lang=xx", apiResponse());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("not offered in the language 'xx'");
        assertThat(databaseState()).isEqualTo(before);

        var polish = api().postJson("/api/v1/surveys/family-voice-2026/responses?lang=pl", apiResponse());
        assertThat(polish.status()).as(polish.body()).isEqualTo(201);
        String reference = polish.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        assertThat(queryText("SELECT language FROM responses WHERE reference = '" + reference + "'")).isEqualTo("pl");

        var guessed = api().withHeader("Accept-Language", "ur").postJson("/api/v1/surveys/family-voice-2026/responses",
                apiResponse());
        String second = guessed.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        assertThat(queryText("SELECT language FROM responses WHERE reference = '" + second + "'")).isEqualTo("ur");
    }

    private static String apiResponse() {
        return "{\"submissionId\": \"" + java.util.UUID.randomUUID() + "\", \"answers\": "
                + uk.chorus.support.StaffFixture.FAMILY_VOICE_ANSWERS + "}";
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = Pattern.compile("\\{\\d+}").matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (var in = Files.newInputStream(Path.of("src/main/resources/i18n/" + name))) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
