package uk.chorus.surveys;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uk.chorus.support.Browser;
import uk.chorus.support.ChorusTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Editing a survey file: answers stay attached to the wording they answered; a broken file loads nothing. */
@MicronautTest(transactional = false)
class SurveyVersionsTest extends ChorusTest {
    private final Path dir = temporaryFolder();
    private final Path file = dir.resolve("versioned.yml");

    @Inject
    SurveyCatalogue catalogue;

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("chorus-surveys");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected String surveysDir() {
        write("Are you happy?");
        return dir.toString();
    }

    private void write(String questionText) {
        try {
            Files.writeString(file, """
                    id: versioned
                    title: Versioned survey
                    audience: parents-carers
                    wave: 2026
                    opens: 2020-01-01
                    closes: 2999-12-31
                    introduction: Hello.
                    privacyNotice: Private.
                    pages:
                      - questions:
                          - key: happy
                            type: yes-no
                            required: true
                            text: %s
                      - questions:
                          - key: more
                            type: short-text
                            text: Anything else?
                    """.formatted(questionText));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aDefinitionWithAnswersGetsANewVersionAndOldAnswersKeepTheirWording() throws IOException {
        assertThat(count("SELECT count(*) FROM survey_versions WHERE survey_id = 'versioned'")).isEqualTo(1);

        // Corrected before anyone answered: the same version is corrected in place.
        write("Are you happy with support?");
        assertThat(catalogue.reload()).isEmpty();
        assertThat(count("SELECT count(*) FROM survey_versions WHERE survey_id = 'versioned'")).isEqualTo(1);
        assertThat(catalogue.find("versioned").orElseThrow().version()).isEqualTo(1);

        Browser early = browser();
        String earlyPage = early.post("/s/versioned/start").location();
        assertThat(early.get(earlyPage).heading()).isEqualTo("Are you happy with support?");
        // Their first page is saved: from now on their draft answers this wording.
        assertThat(early.post(earlyPage, "happy", "yes").status()).isEqualTo(303);

        // Reloading an unchanged file changes nothing.
        assertThat(catalogue.reload()).isEmpty();
        assertThat(count("SELECT count(*) FROM survey_versions WHERE survey_id = 'versioned'")).isEqualTo(1);

        write("Are you happy with the support your family gets?");
        assertThat(catalogue.reload()).isEmpty();
        assertThat(catalogue.find("versioned").orElseThrow().version()).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM survey_versions WHERE survey_id = 'versioned'")).isEqualTo(2);

        Browser late = browser();
        assertThat(late.get(late.post("/s/versioned/start").location()).heading())
                .isEqualTo("Are you happy with the support your family gets?");
        // The respondent who started earlier still sees, and answers, the wording they began with.
        assertThat(early.get(earlyPage).heading()).isEqualTo("Are you happy with support?");
        early.post(earlyPage.replace("/page/1", "/page/2"), "more", "No");
        String code = earlyPage.split("/")[3];
        assertThat(early.post("/s/versioned/" + code + "/submit").status()).isEqualTo(303);
        assertThat(queryText("SELECT v.definition::text FROM responses r JOIN survey_versions v "
                + "ON v.id = r.survey_version_id JOIN drafts d ON d.id = r.draft_id WHERE d.resume_code = '"
                + code + "'")).contains("Are you happy with support?");

        // A broken edit loads nothing and leaves the last good version live.
        Files.writeString(file, Files.readString(file).replace("type: yes-no", "type: yes-or-no"));
        assertThat(catalogue.reload()).extracting(Object::toString)
                .containsExactly("versioned.yml:12: Unknown type 'yes-or-no'. Use one of: single-choice, "
                        + "multiple-choice, agreement, faces, rating, yes-no, short-text, long-text, number, month-year, "
                        + "about-you.");
        assertThat(catalogue.find("versioned").orElseThrow().version()).isEqualTo(2);
        assertThat(browser().get("/s/versioned").status()).isEqualTo(200);
        // Every change of wording is in the audit log.
        assertThat(queryText("SELECT string_agg(detail, ' | ' ORDER BY id) FROM audit_log WHERE subject = 'versioned'"))
                .isEqualTo("version 1 | version 1 corrected before any answers | new version 2 (earlier answers stay "
                        + "with version 1)");
        assertThat(count("SELECT count(*) FROM survey_versions WHERE survey_id = 'versioned'")).isEqualTo(2);
    }
}
