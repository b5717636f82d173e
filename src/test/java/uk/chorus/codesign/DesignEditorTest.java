package uk.chorus.codesign;

import org.junit.jupiter.api.Test;
import uk.chorus.surveys.Audience;
import uk.chorus.surveys.Page;
import uk.chorus.surveys.Question;
import uk.chorus.surveys.QuestionType;
import uk.chorus.surveys.ShowIf;
import uk.chorus.surveys.SurveyDefinition;
import uk.chorus.surveys.SurveyFileParser;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The builder's edits, the loader's checks tied to questions and pages, and word-by-word differences. */
class DesignEditorTest {
    private static Question question(String key, QuestionType type, String text, ShowIf showIf) {
        return new Question(key, type, text, null, null, false, SurveyFileParser.fixedOptions(type, 5),
                type.isText() ? 200 : null, null, null, showIf, null, null, null, null, null, null);
    }

    private static SurveyDefinition survey(List<Page> pages) {
        return new SurveyDefinition("test-2027", "Test", Audience.YOUNG_PEOPLE, "Hello.", "Groups of {smallestGroup}.",
                LocalDate.of(2027, 1, 1), LocalDate.of(2027, 2, 1), 2027, null, null, "youth-forum", null, null, pages);
    }

    private static final Question A = question("a", QuestionType.YES_NO, "Do you go to school?", null);
    private static final Question B = question("b", QuestionType.FACES, "How is school?", new ShowIf("a", List.of("yes")));
    private static final Question C = question("c", QuestionType.SHORT_TEXT, "Anything else?", null);

    private static List<String> keys(SurveyDefinition survey) {
        return survey.pages().stream().map(p -> String.join("+", p.questions().stream().map(Question::key).toList()))
                .toList();
    }

    @Test
    void questionsMoveWithinAndAcrossPagesAndEmptyPagesGo() {
        SurveyDefinition s = survey(List.of(new Page(null, null, List.of(A)), new Page("Two", null, List.of(B, C))));
        assertThat(keys(DesignEditor.moveQuestion(s, "c", -1))).containsExactly("a", "c+b");
        assertThat(keys(DesignEditor.moveQuestion(s, "b", -1))).containsExactly("a+b", "c");
        assertThat(keys(DesignEditor.moveQuestion(s, "a", 1))).containsExactly("a+b+c");
        assertThat(keys(DesignEditor.moveQuestion(s, "a", -1))).containsExactly("a", "b+c");
        assertThat(keys(DesignEditor.movePage(s, 2, -1))).containsExactly("b+c", "a");
        assertThat(keys(DesignEditor.addQuestion(s, 0, question("d", QuestionType.NUMBER, "Age?", null))))
                .containsExactly("a", "b+c", "d");
        assertThat(keys(DesignEditor.removeQuestion(s, "c"))).containsExactly("a", "b");
        assertThat(keys(DesignEditor.addQuestion(s, 1, question("c", QuestionType.SHORT_TEXT, "Anything else?", null))))
                .as("the same question added twice").containsExactly("a", "b+c");
        assertThat(keys(DesignEditor.removePage(s, 2))).containsExactly("a");
        // A question another one depends on stays until that one changes.
        assertThatThrownBy(() -> DesignEditor.removeQuestion(s, "a")).isInstanceOf(DesignEditor.Refused.class);
        assertThat(DesignEditor.newKey(s, "Do you go to school?")).isEqualTo("do_you_go_to_school");
        assertThat(DesignEditor.newKey(s, "A")).isEqualTo("a_2");
        assertThat(DesignEditor.newKey(s, "2 things?")).isEqualTo("q_2_things");
    }

    @Test
    void theLoadersChecksAreTiedToTheirQuestionOrPage() {
        SurveyDefinition s = survey(List.of(new Page(null, null, List.of(A)),
                new Page(null, null, List.of(question("b", QuestionType.SINGLE_CHOICE, "Pick one", null), C))));
        List<DesignChecks.Problem> problems = DesignChecks.problems(s);
        assertThat(problems).extracting(DesignChecks.Problem::questionKey, DesignChecks.Problem::pageNumber)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("b", 2),
                        org.assertj.core.groups.Tuple.tuple(null, 2));
        assertThat(DesignChecks.problems(survey(List.of(new Page(null, null, List.of(A)))))).isEmpty();
        assertThat(DesignChecks.problems(survey(List.of()))).singleElement()
                .satisfies(p -> assertThat(p.pageNumber()).isZero());
    }

    @Test
    void wordingsDifferWordByWord() {
        assertThat(WordDiff.between("How do you feel about school?", "How do you feel at school?"))
                .extracting(WordDiff.Segment::text, WordDiff.Segment::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("How do you feel ", "same"),
                        org.assertj.core.groups.Tuple.tuple("about", "removed"),
                        org.assertj.core.groups.Tuple.tuple("at", "added"),
                        org.assertj.core.groups.Tuple.tuple(" school?", "same"));
        DesignComparison.Result result = DesignComparison.compare(
                survey(List.of(new Page(null, null, List.of(A)), new Page("Two", null, List.of(B, C)))),
                survey(List.of(new Page("One", null, List.of(A, C)),
                        new Page(null, null, List.of(question("d", QuestionType.NUMBER, "Age?", null))))));
        assertThat(result.questions()).extracting(DesignComparison.QuestionChange::key,
                        DesignComparison.QuestionChange::kind, DesignComparison.QuestionChange::moved)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a", "same", false),
                        org.assertj.core.groups.Tuple.tuple("c", "same", true),
                        org.assertj.core.groups.Tuple.tuple("d", "added", false),
                        org.assertj.core.groups.Tuple.tuple("b", "removed", false));
    }
}
