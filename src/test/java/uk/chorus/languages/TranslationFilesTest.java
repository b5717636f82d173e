package uk.chorus.languages;

import org.junit.jupiter.api.Test;
import uk.chorus.surveys.SurveyDefinition;
import uk.chorus.surveys.SurveyFileParser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The translator's files alone: what goes out comes back the same, and hostile or broken files are named, not read. */
class TranslationFilesTest {
    private static SurveyDefinition survey(String replace, String with) throws IOException {
        String file = Files.readString(Path.of("src/test/resources/surveys-languages/languages-test.yml"));
        return new SurveyFileParser().parse("languages-test.yml", file.replace(replace, with)).definition().orElseThrow();
    }

    @Test
    void aCsvComesBackAsItWentOutEvenWhereASpreadsheetWouldSeeAFormula() throws IOException {
        SurveyDefinition survey = survey("\"Samochód\"", "\"-Samochód, \\\"osobowy\\\"\"");
        String csv = TranslationCsv.write(survey, "pl");
        assertThat(csv.lines().findFirst()).contains("key,en,pl,source_hash");
        // Guarded on the way out, so a spreadsheet shows it as text...
        assertThat(csv).contains("\"'-Samochód, \"\"osobowy\"\"\"");

        TranslatorFile read = TranslationCsv.read("\uFEFF" + csv);
        assertThat(read.readable()).isTrue();
        assertThat(read.language()).isEqualTo("pl");
        // ...and taken off again on the way back in.
        assertThat(read.lines()).extracting(TranslatorFile.Line::row).containsExactlyElementsOf(TranslationRow.of(survey, "pl"));
        assertThat(read.lines().get(0).where()).isEqualTo(2);
    }

    @Test
    void anXliffComesBackAsItWentOut() throws IOException {
        SurveyDefinition survey = survey("\"Samochód\"", "\"Samochód & <rower>\"");
        String xliff = TranslationXliff.write(survey, "pl");
        assertThat(xliff).contains("<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\"")
                .contains("version=\"2.0\" srcLang=\"en\" trgLang=\"pl\"")
                .contains("<unit id=\"transport.option.car\" chorus:sourceHash=\"" + TranslationRow.hash("Car") + "\">")
                .contains("<target>Samochód &amp; &lt;rower&gt;</target>");

        TranslatorFile read = TranslationXliff.read(xliff);
        assertThat(read.surveyId()).isEqualTo("languages-test");
        assertThat(read.language()).isEqualTo("pl");
        assertThat(read.lines()).extracting(TranslatorFile.Line::row).containsExactlyElementsOf(TranslationRow.of(survey, "pl"));
    }

    @Test
    void anXliffThatReachesForAnotherFileOrCarriesMarkupIsRefusedWhole() throws IOException {
        String xliff = TranslationXliff.write(survey("x", "x"), "pl");
        TranslatorFile entity = TranslationXliff.read(xliff.replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE xliff [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>")
                .replace("<target>Tak</target>", "<target>&secret;</target>"));
        assertThat(xliff).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        assertThat(entity.readable()).isFalse();
        assertThat(entity.unreadable().key()).isEqualTo("languages.import.error.xliff.broken");
        assertThat(entity.lines()).isEmpty();

        TranslatorFile markup = TranslationXliff.read(xliff.replace("<target>Tak</target>",
                "<target>Tak <pc id=\"1\">!</pc></target>"));
        assertThat(markup.unreadable().key()).isEqualTo("languages.import.error.xliff.markup");
        assertThat(markup.unreadable().args()).containsExactly("ready.option.yes");

        assertThat(TranslationXliff.read("<xliff version=\"1.2\"/>").unreadable().key())
                .isEqualTo("languages.import.error.xliff.version");
    }

    @Test
    void aCsvWithoutTheColumnsItNeedsSaysWhichItHas() {
        TranslatorFile read = TranslationCsv.read("id,text\ntitle,Hello\n");
        assertThat(read.unreadable().key()).isEqualTo("languages.import.error.csv.columns");
        assertThat(read.unreadable().args()).containsExactly("id, text");
        TranslatorFile unclosed = TranslationCsv.read("key,en,pl,source_hash\ntitle,Hi,Cześć,abc\nintro,\"Hello,x,y\n");
        assertThat(unclosed.unreadable().key()).isEqualTo("languages.import.error.csv.broken");
        assertThat(unclosed.unreadable().args()).containsExactly(3L);
        assertThat(TranslationCsv.read("\"key,en,pl,source_hash\n").unreadable().key())
                .isEqualTo("languages.import.error.csv.broken");
        assertThat(TranslationCsv.read("key,key,pl,source_hash\n").unreadable().key())
                .isEqualTo("languages.import.error.csv.broken");
    }
}
