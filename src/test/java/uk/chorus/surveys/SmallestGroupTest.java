package uk.chorus.surveys;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A survey file can raise the area's smallest group for its own figures, never lower it. */
class SmallestGroupTest {
    private static SurveyDefinition survey(String smallestGroup) {
        return new SurveyFileParser().parse("small.yml", """
                id: small
                title: Small
                audience: parents-carers
                wave: 2026
                opens: 2026-01-01
                closes: 2026-12-31
                """ + smallestGroup + """
                introduction: Hello.
                privacyNotice: Groups of {smallestGroup} or more.
                pages:
                  - title: One
                    questions:
                      - key: q
                        type: yes-no
                        text: Yes?
                """).definition().orElseThrow();
    }

    @Test
    void aSurveyCannotPublishSmallerGroupsThanTheAreaAllows() {
        SmallestGroup rule = new SmallestGroup(5);
        assertThat(rule.of(survey("smallestGroup: 2\n"))).isEqualTo(5);
        assertThat(rule.privacyNotice(survey("smallestGroup: 2\n"))).isEqualTo("Groups of 5 or more.");
        assertThat(rule.of(survey("smallestGroup: 10\n"))).isEqualTo(10);
        assertThat(rule.of(survey(""))).isEqualTo(5);
    }
}
