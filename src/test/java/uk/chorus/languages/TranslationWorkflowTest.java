package uk.chorus.languages;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.chorus.support.Api;
import uk.chorus.support.Browser;
import uk.chorus.support.ChorusTest;
import uk.chorus.support.StaffClient;
import uk.chorus.support.StaffFixture;
import uk.chorus.surveys.SurveyCatalogue;
import uk.chorus.surveys.SurveyFileParser;
import uk.chorus.surveys.SurveyFileWriter;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lead sends a survey's texts to a translator and brings them back: a CSV and an XLIFF round
 * trip through the pages, every kind of broken file refused with its problems listed and nothing
 * changed, the coverage page, a language with texts missing kept from families until it is complete,
 * and the questions respondents did not understand, by language and reading level.
 */
@MicronautTest(transactional = false)
class TranslationWorkflowTest extends ChorusTest {
    private static final String SURVEY = "languages-test";
    private static final String PAGE = "/staff/languages/" + SURVEY;
    private StaffClient lead;

    @Inject
    SurveyCatalogue catalogue;

    @Override
    protected String surveysDir() {
        return "src/test/resources/surveys-languages";
    }

    @BeforeAll
    void aLead() {
        StaffClient admin = StaffFixture.signedIn(server.getURI(), TEST_ADMIN, TEST_ADMIN_PASSWORD);
        lead = StaffFixture.invite(server.getURI(), admin, "lead@example.org", "lead");
    }

    @Test
    void aCsvGoesToATranslatorAndComesBackIntoANewVersionOfTheSurvey() {
        // Someone has answered, so changed words must make a new version, leaving theirs as it was.
        Api.Reply answered = api().postJson("/api/v1/surveys/" + SURVEY + "/responses?lang=pl", "{\"submissionId\": \""
                + UUID.randomUUID() + "\", \"answers\": {\"transport\": \"car\"}}");
        assertThat(answered.status()).as(answered.body()).isEqualTo(201);
        String reference = answered.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        long versionsBefore = count("SELECT count(*) FROM survey_versions WHERE survey_id = '" + SURVEY + "'");

        Browser.Page list = lead.get("/staff/languages");
        assertThat(list.document().select("nav a[href=/staff/languages]")).hasSize(1);
        assertThat(list.text()).contains("Getting to school").contains("Polski: 14 of 14 texts");

        Browser.Page exported = lead.get(PAGE + "/export/pl/translation.csv");
        assertThat(exported.status()).isEqualTo(200);
        assertThat(exported.headers().firstValue("Content-Disposition")).contains("attachment; filename=\"languages-test-pl.csv\"");
        assertThat(exported.body()).startsWith("key,en,pl,source_hash\r\n")
                .contains("transport.option.car,Car,Samochód," + TranslationRow.hash("Car") + "\r\n");

        String edited = exported.body().replace(",Samochód,", ",Samochodem,");
        Browser.Page imported = lead.postFile(PAGE + "/import", "file", "languages-test-pl.csv",
                edited.getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.text()).isEqualTo(303);
        assertThat(imported.location()).isEqualTo(PAGE + "/coverage/pl?imported=1");
        Browser.Page coverage = lead.get(imported.location());
        assertThat(coverage.text()).contains("1 text changed. Families now see version " + (versionsBefore + 1));

        // Served at once, to families and to the API, as a new version; the earlier answer keeps its own.
        assertThat(count("SELECT count(*) FROM survey_versions WHERE survey_id = '" + SURVEY + "'"))
                .isEqualTo(versionsBefore + 1);
        assertThat(api().get("/api/v1/surveys/" + SURVEY + "?lang=pl").body())
                .contains("{\"code\":\"car\",\"label\":\"Samochodem\"}");
        assertThat(queryText("SELECT v.version || ' ' || r.language FROM responses r JOIN survey_versions v "
                + "ON v.id = r.survey_version_id WHERE r.reference = '" + reference + "'")).isEqualTo(versionsBefore + " pl");
        assertThat(queryText("SELECT detail FROM audit_log WHERE action = 'translation imported' AND detail LIKE 'pl:%'"))
                .isEqualTo("pl: 1 texts changed, served as version " + (versionsBefore + 1));

        // Later the English of one text is edited, as the builder would: its Polish now needs a look.
        String file = SurveyFileWriter.write(catalogue.find(SURVEY).orElseThrow().definition());
        assertThat(file).contains("sources:");
        catalogue.publish(new SurveyFileParser().parse(SURVEY + ".yml", file.replace("Select how your child gets to school",
                "Choose how your child gets to school")).definition().orElseThrow());
        Browser.Page review = lead.get(PAGE + "/coverage/pl");
        assertThat(review.document().select("#english-changed tbody tr").eachText())
                .containsExactly("transport.errorMessage Choose how your child gets to school "
                        + "Wybierz, jak Twoje dziecko dociera do szkoły");
    }

    @Test
    void aFileWithProblemsListsEachOneAndChangesNothing() {
        String csv = lead.get(PAGE + "/export/pl/translation.csv").body();
        List<String> lines = new ArrayList<>();
        for (String line : csv.split("\r\n")) {
            if (line.startsWith("ready.option.no,")) {
                continue;                                                       // a text missing
            } else if (line.startsWith("ready.text,")) {
                line = line.replaceAll(",[0-9a-f]{16}$", ",0123456789abcdef");  // English changed since export
            } else if (line.startsWith("transport.option.bus,")) {
                line = line.replace("Autobus szkolny", "");                     // left empty
            } else if (line.startsWith("privacyNotice,")) {
                line = line.replace("{smallestGroup}", "5");                    // a placeholder dropped
            } else if (line.startsWith("ready.easyRead,")) {
                line = line.replace("na czas?", "na czas? {0}");                // a placeholder added
            }
            lines.add(line);
            if (line.startsWith("title,")) {
                lines.add(line);                                                // the same text twice
            }
        }
        lines.add("no_such.text,Whatever,Cokolwiek,0123456789abcdef");          // a text the survey lacks
        String before = survey();
        long imports = count("SELECT count(*) FROM audit_log WHERE action = 'translation imported'");

        Browser.Page refused = lead.postFile(PAGE + "/import", "file", "pl.csv",
                (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.document().title()).startsWith("Error: ");
        assertThat(refused.errorSummary()).containsExactly(
                "The file was not imported: it has 7 problems, listed below. Nothing was changed.");
        assertThat(refused.document().select("#problems + ul li").eachText()).containsExactlyInAnyOrder(
                "Row 3: 'title' appears more than once. Keep only one.",
                "Row 5: 'privacyNotice' must keep the placeholder {smallestGroup} exactly as in English.",
                "Row 10: 'transport.option.bus' has no translation. Translate: \"School bus\"",
                "Row 12: the English of 'ready.text' has changed since the file was exported. It now says: "
                        + "\"Does the transport arrive on time?\". Export the file again and translate the new words.",
                "Row 13: 'ready.easyRead' must keep no placeholders exactly as in English, but has {0}.",
                "Row 16: 'no_such.text' is not a text of this survey. Remove it.",
                "'ready.option.no' is missing from the file. Add it with the translation of: \"No\"");
        assertThat(survey()).isEqualTo(before);
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'translation imported'")).isEqualTo(imports);
    }

    @Test
    void unreadableFilesAndFilesForAnotherSurveyOrLanguageAreRefusedWithOneClearSentence() {
        String before = survey();
        assertThat(problems(lead.postFile(PAGE + "/import", "file", "pl.csv", new byte[]{'k', 'e', 'y', (byte) 0xC3, '\n'})))
                .containsExactly("The file is not saved as UTF-8 text. Save it again as \"CSV UTF-8\" (or UTF-8 XLIFF) and import that.");
        assertThat(problems(lead.postFile(PAGE + "/import", "file", "pl.csv", "id,text\r\ntitle,Hello\r\n".getBytes(StandardCharsets.UTF_8))))
                .containsExactly("The CSV needs the columns key, en, the language's code (like pl) and source_hash, as exported. "
                        + "This file has: id, text.");
        String xliff = lead.get(PAGE + "/export/pl/translation.xlf").body();
        assertThat(problems(lead.postFile(PAGE + "/import", "file", "x.xlf",
                xliff.replace("<file id=\"languages-test\"", "<file id=\"family-voice-2026\"").getBytes(StandardCharsets.UTF_8))))
                .containsExactly("The file is for the survey 'family-voice-2026', not this one.");
        assertThat(problems(lead.postFile(PAGE + "/import", "file", "x.xlf",
                xliff.replace("trgLang=\"pl\"", "trgLang=\"fr\"").getBytes(StandardCharsets.UTF_8))))
                .containsExactly("The file is for the language 'fr', which this survey has no translation for (it has: pl, de). "
                        + "To add a language, add it under translations in the survey file.");
        String hostile = xliff.replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<!DOCTYPE xliff [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>").replace("<target>Tak</target>", "<target>&secret;</target>");
        Browser.Page entity = lead.postFile(PAGE + "/import", "file", "x.xlf", hostile.getBytes(StandardCharsets.UTF_8));
        assertThat(problems(entity)).singleElement().asString().startsWith("The file is not well-formed XML");
        assertThat(entity.body()).doesNotContain("root:");
        assertThat(problems(lead.postFile(PAGE + "/import", "file", "x.csv", new byte[0])))
                .containsExactly("Choose the translated CSV or XLIFF file.");
        assertThat(survey()).isEqualTo(before);
    }

    @Test
    void aLanguageWithTextsMissingIsNotOfferedUntilAnXliffCompletesIt() {
        Browser.Page page = lead.get(PAGE);
        assertThat(page.document().select(".govuk-warning-text").text())
                .contains("Deutsch: not offered to families, because 13 texts are not translated.");
        Browser.Page coverage = lead.get(PAGE + "/coverage/de");
        assertThat(coverage.text()).contains("1 of 14 texts (7%)").contains("Every text needs review by a native speaker");
        assertThat(coverage.document().select("#missing tbody tr")).hasSize(13);
        assertThat(coverage.document().select("#missing tbody tr").first().text()).isEqualTo("introduction "
                + "A short survey about how your child gets to school.");

        // Families asking for German meet the survey in English, never half in German.
        Document start = Jsoup.parse(get("/s/" + SURVEY, "de-DE"));
        assertThat(start.select("html").attr("lang")).isEqualTo("en");
        assertThat(start.select("h1").text()).isEqualTo("Getting to school");
        assertThat(start.text()).contains("Polski").doesNotContain("Deutsch");
        assertThat(api().get("/api/v1/surveys/" + SURVEY + "?lang=de").status()).isEqualTo(400);

        String xliff = lead.get(PAGE + "/export/de/translation.xlf").body();
        assertThat(xliff).contains("trgLang=\"de\"").contains("<segment state=\"initial\">");
        String done = xliff.replaceAll("<source>([^<]*)</source>(\\s*)</segment>",
                "<source>$1</source>$2<target>DE $1</target></segment>");
        Browser.Page imported = lead.postFile(PAGE + "/import", "file", "languages-test-de.xlf",
                done.getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.text()).isEqualTo(303);
        assertThat(lead.get(imported.location()).text()).contains("14 of 14 texts (100%)").contains("Every text is translated.");

        Document german = Jsoup.parse(get("/s/" + SURVEY, "de-DE"));
        assertThat(german.select("html").attr("lang")).isEqualTo("de");
        assertThat(german.select("h1").text()).isEqualTo("Der Schulweg");
        assertThat(api().get("/api/v1/surveys/" + SURVEY + "?lang=de").body()).contains("\"label\":\"DE School bus\"");
    }

    @Test
    void leadsSeeWhichQuestionsWereNotUnderstoodByLanguageAndReadingLevel() {
        answerNotUnderstanding("pl", "easy");
        answerNotUnderstanding("pl", "standard");
        answerNotUnderstanding("en", "standard");

        Browser.Page page = lead.get(PAGE + "/unclear");
        assertThat(page.status()).isEqualTo(200);
        var header = page.document().select("thead th").eachText();
        assertThat(header.get(0)).isEqualTo("Question");
        int polish = -1;
        int english = -1;
        for (int i = 0; i < header.size(); i++) {
            polish = header.get(i).startsWith("Polski") ? i : polish;
            english = header.get(i).startsWith("English") ? i : english;
        }
        var rows = page.document().select("tbody tr");
        assertThat(rows).hasSize(1);
        var cells = rows.get(0).select("th, td").eachText();
        assertThat(cells.get(0)).isEqualTo("How does your child get to school? (transport)");
        assertThat(cells.get(polish)).isEqualTo("2");
        assertThat(cells.get(english)).isEqualTo("1");
        assertThat(cells.get(cells.size() - 2)).isEqualTo("3");
        assertThat(cells.get(cells.size() - 1)).isEqualTo("Standard: 2 Easy Read: 1");
    }

    @Test
    void everyLanguagesPagePassesTheHtmlChecker() {
        java.util.Map<String, String> pages = new java.util.LinkedHashMap<>();
        for (String path : List.of("/staff/languages", PAGE, PAGE + "/coverage/pl", PAGE + "/coverage/de",
                PAGE + "/coverage/pl?imported=0", PAGE + "/unclear")) {
            Browser.Page page = lead.get(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            pages.put(path, page.body());
        }
        pages.put("a refused import", lead.postFile(PAGE + "/import", "file", "x.csv", new byte[0]).body());
        pages.forEach((name, html) -> assertThat(uk.chorus.browser.HtmlChecker.errors(html)).as(name).isEmpty());
    }

    /** A family answers on a phone in one language, ticking "I don't understand" on the first question. */
    private void answerNotUnderstanding(String language, String level) {
        HttpClient phone = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String page1 = send(phone, HttpRequest.newBuilder(server.getURI().resolve("/s/" + SURVEY + "/begin")).GET(), language)
                .headers().firstValue("Location").orElseThrow();
        String code = page1.split("/")[3];
        HttpResponse<String> saved = send(phone, HttpRequest.newBuilder(server.getURI().resolve(page1))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Browser.encode("transport-unclear", "yes", "ready", "yes",
                        "reading-level", level))), language);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        HttpResponse<String> sent = send(phone, HttpRequest.newBuilder(server.getURI().resolve("/s/" + SURVEY + "/" + code
                + "/submit")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("")), language);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(303);
    }

    private String get(String path, String acceptLanguage) {
        return send(HttpClient.newHttpClient(), HttpRequest.newBuilder(server.getURI().resolve(path)).GET(), acceptLanguage).body();
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request, String acceptLanguage) {
        try {
            return client.send(request.header("Accept", "text/html").header("Accept-Language", acceptLanguage).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> problems(Browser.Page refused) {
        assertThat(refused.status()).as(refused.text()).isEqualTo(422);
        return refused.document().select("#problems + ul li").eachText();
    }

    /** Every stored version of the test survey, to prove a refused file changed nothing. */
    private String survey() {
        return queryText("SELECT count(*) || ':' || md5(string_agg(definition::text, ',' ORDER BY id)) FROM survey_versions "
                + "WHERE survey_id = '" + SURVEY + "'");
    }
}
