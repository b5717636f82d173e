package uk.chorus.results;

import org.junit.jupiter.api.Test;
import uk.chorus.surveys.Question;
import uk.chorus.surveys.SurveyDefinition;
import uk.chorus.surveys.SurveyFileParser;
import uk.chorus.web.Messages;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The pure arithmetic behind honest verdicts, each against a worked answer. */
class VerdictMathsTest {

    @Test
    void welchUsesTWithSatterthwaitesDegreesOfFreedomAtSmallSizes() {
        // 5 + 5 people, both variance 4: df = (0.8 + 0.8)^2 / (0.8^2/4 + 0.8^2/4) = 8, t(0.975, 8) = 2.306,
        // se = sqrt(1.6) = 1.2649, so 4 +/- 2.9169 (z = 1.96 would have given the narrower +/- 2.479).
        Significance.Welch welch = Significance.welch(10, 4, 5, 14, 4, 5);
        assertThat(welch.degreesOfFreedom()).isCloseTo(8, within(1e-9));
        assertThat(welch.lower()).isCloseTo(4 - 2.306004 * Math.sqrt(1.6), within(1e-5));
        assertThat(welch.upper()).isCloseTo(4 + 2.306004 * Math.sqrt(1.6), within(1e-5));
        // t = 4 / 1.2649 = 3.162 on 8 df: p = 0.0134.
        assertThat(welch.p()).isCloseTo(0.0134, within(0.0002));
        // Unequal variances and sizes: df = (9/10 + 1/20)^2 / ((9/10)^2/9 + (1/20)^2/19) = 0.9025 / 0.09013 = 10.013.
        assertThat(Significance.welch(0, 9, 10, 1, 1, 20).degreesOfFreedom()).isCloseTo(10.013, within(0.001));
        // Large waves: t's quantile comes close to z's.
        Significance.Welch large = Significance.welch(10, 4, 5000, 10.2, 4, 5000);
        assertThat(large.upper() - 0.2).isCloseTo(Significance.Z95 * Math.sqrt(8.0 / 5000), within(1e-4));
    }

    @Test
    void theNewcombePValueAgreesWithItsInterval() {
        // Newcombe's 56/70 against 48/80: the interval 0.0524 to 0.3339 leaves out 0, so p < 0.05.
        double p = Significance.newcombeP(48, 80, 56, 70);
        assertThat(p).isLessThan(0.05).isGreaterThan(0.001);
        // 50/100 against 56/100: the interval spans 0, so p > 0.05.
        assertThat(Significance.newcombeP(50, 100, 56, 100)).isGreaterThan(0.05);
        assertThat(Significance.newcombeP(5, 10, 5, 10)).isEqualTo(1);
    }

    @Test
    void benjaminiHochbergKeepsOnlyWhatSurvivesTheStepUp() {
        // m = 8, q = 0.05: thresholds k x 0.00625. 0.001 and 0.008 pass; 0.039 (above 0.01875) does
        // not, nor does anything after it, although five are below 0.05 on their own.
        double[] p = {0.039, 0.001, 0.041, 0.008, 0.042, 0.06, 0.074, 0.205};
        assertThat(Significance.benjaminiHochberg(p, 0.05))
                .containsExactly(false, true, false, true, false, false, false, false);
        // Step-up: 0.04 is the largest p with p(k) <= k q / m (4 x 0.05 / 4), so all four pass.
        assertThat(Significance.benjaminiHochberg(new double[]{0.01, 0.04, 0.03, 0.005}, 0.05))
                .containsExactly(true, true, true, true);
        // Six tests, none below its threshold.
        assertThat(Significance.benjaminiHochberg(new double[]{0.01, 0.02, 0.03, 0.04, 0.05, 0.2}, 0.05))
                .containsOnly(false);
    }

    @Test
    void chiSquareOfATwoByTwoAndItsExpectedCountCheck() {
        // Expected 25 in every cell, each off by 5: 4 x 25/25 = 4.0 on 1 df, p = 0.0455.
        Significance.ChiSquare test = Significance.chiSquare(new long[][]{{20, 30}, {30, 20}});
        assertThat(test.statistic()).isCloseTo(4.0, within(1e-9));
        assertThat(test.degreesOfFreedom()).isEqualTo(1);
        assertThat(test.p()).isCloseTo(0.0455, within(0.0001));
        assertThat(test.assumptionsMet()).isTrue();
        // An empty row is left out; the smallest expected count is 4 x 4 / 9, and all four are below 5.
        Significance.ChiSquare small = Significance.chiSquare(new long[][]{{3, 1}, {0, 0}, {1, 4}});
        assertThat(small.degreesOfFreedom()).isEqualTo(1);
        assertThat(small.smallestExpected()).isCloseTo(4 * 4 / 9.0, within(1e-9));
        assertThat(small.assumptionsMet()).isFalse();
        assertThat(Significance.chiSquare(new long[][]{{3, 1}, {0, 0}})).isNull();
    }

    @Test
    void aChangeIsShownAsTheDifferenceOfTheFiguresShown() {
        // 37.6% to 47.4% is shown as 38% and 47%: "+9", never the "+10" of the unrounded 9.8.
        assertThat(Figures.points(Figures.roundedChange(0.376, 0.474, 100))).isEqualTo("+9");
        assertThat(Figures.points(0.474 - 0.376)).isEqualTo("+10");
        assertThat(Figures.signedDecimal(Figures.roundedChange(20.04, 26.06, 10))).isEqualTo("+6.1");
    }

    @Test
    void theDemosChangedBigBangQuestionsAreTheOnlyOnesNotComparedWithTheBaseline() throws Exception {
        SurveyDefinition before = parse("src/main/resources/demo/surveys/big-bang-2025.yml");
        SurveyDefinition now = parse("surveys/big-bang-2026.yml");
        List<String> differ = new ArrayList<>();
        for (Question question : now.questionList()) {
            Question was = before.question(question.key()).orElse(null);
            if (Comparisons.difference(was, question, new Messages()) != null) {
                differ.add(question.key());
            }
        }
        // Two were reworded; three kept their question and codes but now answer in words that fit
        // them ("Very safe" for "How safe do you feel"): changed answer words are a change too, so
        // a lead decides whether to compare them.
        assertThat(differ).containsExactlyInAnyOrder("school_help", "listened_to", "school_happy", "feel_safe",
                "adulthood_ready");
        assertThat(Comparisons.difference(before.question("listened_to").orElseThrow(),
                now.question("listened_to").orElseThrow(), new Messages()))
                .contains("the wording and the answer scale changed");
    }

    private static SurveyDefinition parse(String file) throws Exception {
        Path path = Path.of(file);
        return new SurveyFileParser().parse(path.getFileName().toString(), Files.readString(path)).definition()
                .orElseThrow();
    }
}
