package uk.chorus.surveys;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The survey file checker: each mistake is named with its file, line and what to do. */
class SurveyFileParserTest {
    private final SurveyFileParser parser = new SurveyFileParser();

    private static final String HEADER = """
            id: test-survey
            title: Test survey
            audience: parents-carers
            wave: 2026
            opens: 2026-01-01
            closes: 2026-12-31
            introduction: Hello.
            privacyNotice: Private.
            """;

    private SurveyFileResult parse(String pages) {
        return parser.parse("test-survey.yml", HEADER + pages);
    }

    static Stream<Path> shippedSurveys() throws IOException {
        return Files.list(Path.of("surveys")).filter(p -> p.toString().endsWith(".yml"));
    }

    @ParameterizedTest
    @MethodSource("shippedSurveys")
    void everyShippedSurveyLoadsWithAboutYouQuestions(Path file) throws IOException {
        SurveyFileResult result = parser.parse(file.getFileName().toString(), Files.readString(file));
        assertThat(result.problems()).isEmpty();
        SurveyDefinition survey = result.definition().orElseThrow();
        assertThat(survey.wave()).isEqualTo(2026);
        assertThat(survey.questions().filter(q -> q.type() == QuestionType.ABOUT_YOU))
                .allSatisfy(q -> assertThat(q.options()).contains(AboutYouTopic.PREFER_NOT_TO_SAY));
        assertThat(survey.questions().map(Question::about)).contains(AboutYouTopic.EHCP, AboutYouTopic.AGE_BAND,
                AboutYouTopic.SCHOOL_PHASE, AboutYouTopic.AREA);
        assertThat(survey.questions().filter(q -> q.type() == QuestionType.LONG_TEXT)).isNotEmpty();
    }

    @Test
    void aGoodFileExpandsTheStandardAnswers() {
        SurveyFileResult result = parse("""
                pages:
                  - questions:
                      - key: need
                        type: about-you
                        about: primary-need
                        text: Main need?
                      - key: ok
                        type: agreement
                        text: Things are ok.
                        required: true
                    title: Two questions
                """);
        assertThat(result.problems()).isEmpty();
        SurveyDefinition survey = result.definition().orElseThrow();
        Question need = survey.question("need").orElseThrow();
        assertThat(need.options()).extracting(Option::code).contains("spld", "mld", "sld", "pmld", "semh", "slcn",
                "hi", "vi", "msi", "pd", "asd", "other", "prefer-not-to-say");
        assertThat(survey.question("ok").orElseThrow().options()).extracting(Option::label)
                .containsExactly("Strongly agree", "Agree", "Neither agree nor disagree", "Disagree",
                        "Strongly disagree", "Don't know");
    }

    @Test
    void anUnknownTypeIsNamedWithItsLine() {
        SurveyFileResult result = parse("""
                pages:
                  - questions:
                      - key: q1
                        type: dropdown
                        text: Pick one
                """);
        assertThat(result.ok()).isFalse();
        assertThat(result.problems()).extracting(Object::toString).containsExactly(
                "test-survey.yml:12: Unknown type 'dropdown'. Use one of: single-choice, multiple-choice, agreement, "
                        + "faces, rating, yes-no, short-text, long-text, number, month-year, about-you.");
    }

    @Test
    void aDuplicateKeyPointsAtTheFirstUse() {
        SurveyFileResult result = parse("""
                pages:
                  - questions:
                      - key: same
                        type: yes-no
                        text: One
                  - questions:
                      - key: same
                        type: yes-no
                        text: Two
                """);
        assertThat(result.problems()).extracting(Object::toString).containsExactly(
                "test-survey.yml:15: Duplicate key 'same': it is already used on line 11. Every question needs its "
                        + "own key.");
    }

    @Test
    void showIfMustPointAtAnEarlierPage() {
        SurveyFileResult later = parse("""
                pages:
                  - questions:
                      - key: first
                        type: yes-no
                        text: One
                        showIf:
                          question: second
                          equals: "yes"
                  - questions:
                      - key: second
                        type: yes-no
                        text: Two
                """);
        assertThat(later.problems()).extracting(DefinitionProblem::line).containsExactly(15);
        assertThat(later.problems().get(0).message()).isEqualTo("showIf on 'first' points at 'second', which is not "
                + "an earlier question. It must point at a question on an earlier page (it may be later or missing).");

        SurveyFileResult samePage = parse("""
                pages:
                  - title: Both
                    questions:
                      - key: first
                        type: yes-no
                        text: One
                      - key: second
                        type: yes-no
                        text: Two
                        showIf:
                          question: first
                          equals: "yes"
                """);
        assertThat(samePage.problems()).extracting(DefinitionProblem::message)
                .containsExactly("showIf on 'second' points at 'first', which is on the same page. It must point at "
                        + "a question on an earlier page, so the survey works without JavaScript.");

        SurveyFileResult badCode = parse("""
                pages:
                  - questions:
                      - key: first
                        type: yes-no
                        text: One
                  - questions:
                      - key: second
                        type: short-text
                        text: Two
                        showIf:
                          question: first
                          equals: maybe
                """);
        assertThat(badCode.problems()).extracting(DefinitionProblem::message)
                .containsExactly("showIf on 'second' uses 'maybe', which is not an answer of 'first'. Its codes are: "
                        + "yes, no, not-sure.");
    }

    @Test
    void everyMistakeInAFileIsReportedAtOnce() {
        SurveyFileResult result = parser.parse("test-survey.yml", """
                id: Test Survey
                title: Test
                audience: parents
                wave: twenty
                opens: 2026-12-31
                closes: 2026-01-01
                introduction: Hello.
                privacyNotice: Private.
                colour: blue
                pages:
                  - questions:
                      - key: q1
                        type: single-choice
                        text: Pick
                        options:
                          - code: a
                            label: A
                      - key: q2
                        type: about-you
                        about: area
                        text: Where?
                      - key: q3
                        type: long-text
                        text: Tell us
                        maxLength: 0
                """);
        assertThat(result.ok()).isFalse();
        assertThat(result.problems()).extracting(Object::toString).containsExactlyInAnyOrder(
                "test-survey.yml:1: The id 'Test Survey' may use only lower-case letters, digits and hyphens (like "
                        + "family-voice-2026).",
                "test-survey.yml:3: Unknown audience 'parents'. Use parents-carers, young-people or professionals.",
                "test-survey.yml:4: The field 'wave' must be a whole number, not 'twenty'.",
                "test-survey.yml:6: The survey closes before it opens: 'closes' must be on or after 2026-12-31.",
                "test-survey.yml:9: Unknown field 'colour' in the survey. Known fields are: id, title, audience, "
                        + "introduction, privacyNotice, opens, closes, wave, baseline, retentionMonths, forum, smallestGroup, countdown, pages, translations.",
                "test-survey.yml:16: A single-choice question needs 'options': at least two, each with a code and a "
                        + "label.",
                "test-survey.yml:18: An about-you question on 'area' needs 'options': the areas of your local "
                        + "authority.",
                "test-survey.yml:25: 'maxLength' must be between 1 and 10000.",
                "test-survey.yml:11: A page with more than one question needs a 'title', used as its heading.");
    }

    @Test
    void brokenYamlIsReportedWithItsLine() {
        SurveyFileResult result = parser.parse("test-survey.yml", "id: test-survey\ntitle: [unclosed\n");
        assertThat(result.problems()).hasSize(1);
        assertThat(result.problems().get(0).message()).startsWith("This is not valid YAML");
        assertThat(parser.parse("test-survey.yml", "").problems()).extracting(DefinitionProblem::message)
                .containsExactly("The file is empty.");
    }

    @Test
    void theIdMustMatchTheFileName() {
        SurveyFileResult result = parser.parse("other-name.yml", HEADER + """
                pages:
                  - questions:
                      - key: q1
                        type: yes-no
                        text: One
                """);
        assertThat(result.problems()).extracting(DefinitionProblem::message)
                .containsExactly("The id 'test-survey' must match the file name: call the file test-survey.yml.");
    }
}
