package uk.chorus.codesign;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The plain-language checks on sentences whose right answers are known. */
class PlainLanguageTest {
    private final PlainLanguage plain = new PlainLanguage("");

    private List<String> kinds(String text, boolean young) {
        return plain.check(text, young).flags().stream().map(PlainLanguage.Flag::kind).toList();
    }

    @Test
    void syllablesAreCountedTheWayTheFormulaExpects() {
        assertThat(PlainLanguage.syllables("help")).isEqualTo(1);
        assertThat(PlainLanguage.syllables("school")).isEqualTo(1);
        assertThat(PlainLanguage.syllables("needed")).isEqualTo(2);
        assertThat(PlainLanguage.syllables("education")).isEqualTo(4);
        assertThat(PlainLanguage.syllables("understanding")).isEqualTo(4);
    }

    @Test
    void aShortPlainQuestionPassesAndAnAcademicOneIsHardToRead() {
        PlainLanguage.Checked easy = plain.check("Did you get the help you needed?", true);
        assertThat(easy.flags()).isEmpty();
        assertThat(easy.readingAge()).isLessThanOrEqualTo(8);
        PlainLanguage.Checked hard = plain.check("To what extent do you consider that the multidisciplinary "
                + "assessment arrangements adequately facilitate the identification of appropriate educational provision "
                + "for your child?", false);
        assertThat(hard.grade()).isGreaterThan(15);
        assertThat(hard.flags()).extracting(PlainLanguage.Flag::kind).contains("reading", "jargon");
    }

    @Test
    void youngPeoplesQuestionsAreHeldToAStricterLevel() {
        String middling = "Do the adults at your school understand what helps you to concentrate?";
        PlainLanguage.Checked checked = plain.check(middling, false);
        assertThat(checked.grade()).isBetween(PlainLanguage.YOUNG_PEOPLE_GRADE, PlainLanguage.FAMILY_GRADE);
        assertThat(kinds(middling, false)).doesNotContain("reading");
        assertThat(kinds(middling, true)).contains("reading");
        String long20 = "When you think about the last year at school or college what was the one thing that helped "
                + "you most of all";
        assertThat(kinds(long20, false)).doesNotContain("long");
        assertThat(kinds(long20, true)).contains("long");
    }

    @Test
    void jargonIsFlaggedWithAPlainerWordUnlessItIsExplained() {
        List<PlainLanguage.Flag> flags = plain.check("Has the SENCo talked to you about the EHCP?", false).flags();
        assertThat(flags).filteredOn(f -> f.kind().equals("jargon")).extracting(PlainLanguage.Flag::detail)
                .containsExactlyInAnyOrder("SENCo", "EHCP");
        assertThat(flags).filteredOn(f -> f.detail().equals("EHCP")).first()
                .extracting(PlainLanguage.Flag::suggestion).asString().contains("education, health and care plan");
        assertThat(kinds("Did CAMHS (the NHS service for children's mental health) help you?", false))
                .doesNotContain("jargon");
        // "sent" contains "SEN" but is not it; "ot" in "not" is not occupational therapy.
        assertThat(kinds("Was the letter sent on time or not?", false)).doesNotContain("jargon");
    }

    @Test
    void doubleBarrelledAndLeadingQuestionsAreFlagged() {
        assertThat(kinds("How happy are you with the school and the transport?", false)).contains("two-things");
        assertThat(kinds("How happy are you with the transport?", false)).doesNotContain("two-things");
        assertThat(kinds("Don't you agree that the new service is better?", false)).contains("leading");
        assertThat(kinds("How good was the new service?", false)).contains("leading");
        assertThat(kinds("What did you think of the new service?", false)).doesNotContain("leading");
    }
}
