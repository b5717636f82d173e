package uk.chorus.results;

import uk.chorus.surveys.QuestionType;
import uk.chorus.surveys.Scales;

import java.util.ArrayList;
import java.util.List;

/**
 * What each question is measured by when waves are compared: for a scale, the share positive of
 * those who gave a view; for yes/no, the share saying yes; for a 0-10 rating, the share rating it 7
 * or more (its mean is shown beside); for a choice, each option's share; for a number, its mean.
 * "Don't know" and "prefer not to say" are never in a base.
 */
final class Measures {
    private Measures() {
    }

    /** A share (successes out of base) or, for numbers, a mean. */
    record Measure(String labelKey, String optionCode, String optionLabel, double successes, double base,
                   WaveSummary.Numbers mean) {
        /** Whether two waves' measures are the same thing measured. */
        boolean sameAs(Measure other) {
            return labelKey.equals(other.labelKey) && java.util.Objects.equals(optionCode, other.optionCode);
        }

        boolean isMean() {
            return mean != null;
        }

        /** A published measure that needs a withheld count. */
        boolean withheld() {
            return Double.isNaN(successes);
        }

        double value() {
            return isMean() ? mean.mean() : base == 0 ? Double.NaN : successes / base;
        }

        long size() {
            return isMean() ? mean.n() : Math.round(base);
        }
    }

    /** The message key of a question type's one headline measure (scales, yes/no, ratings, numbers). */
    static String headlineKey(QuestionType type) {
        return switch (type) {
            case AGREEMENT, FACES -> "results.measure.positive";
            case YES_NO -> "results.measure.yes";
            case RATING -> "results.measure.seven.plus";
            default -> "results.measure.mean";
        };
    }

    /**
     * A wave's measures from its counts. Published counts may be withheld (negative): a measure
     * that would need one is withheld too (its share NaN), never worked out around the gap.
     */
    static List<Measure> of(QuestionType type, List<String> codes, List<String> labels, long[] counts,
                            long respondents, WaveSummary.Numbers numbers) {
        boolean withheld = respondents < 0;
        for (long count : counts) {
            withheld |= count < 0;
        }
        if (!withheld) {
            return measured(type, codes, labels, counts, respondents, numbers);
        }
        long[] known = counts.clone();
        for (int i = 0; i < known.length; i++) {
            known[i] = Math.max(0, known[i]);
        }
        return measured(type, codes, labels, known, Math.max(0, respondents), null).stream()
                .map(m -> new Measure(m.labelKey(), m.optionCode(), m.optionLabel(), Double.NaN, Math.max(1, m.base()), null))
                .toList();
    }

    private static List<Measure> measured(QuestionType type, List<String> codes, List<String> labels, long[] counts,
                                          long respondents, WaveSummary.Numbers numbers) {
        List<Measure> measures = new ArrayList<>();
        switch (type) {
            case AGREEMENT, FACES -> {
                double positive = 0;
                double base = 0;
                for (int i = 0; i < codes.size() && i < counts.length; i++) {
                    Integer polarity = Scales.polarity(type, codes.get(i));
                    if (polarity != null) {
                        base += counts[i];
                        positive += polarity == Scales.POSITIVE ? counts[i] : 0;
                    }
                }
                measures.add(new Measure("results.measure.positive", null, null, positive, base, null));
            }
            case YES_NO -> {
                int yes = codes.indexOf("yes");
                double base = 0;
                for (int i = 0; i < codes.size() && i < counts.length; i++) {
                    base += Scales.isNoView(type, codes.get(i)) ? 0 : counts[i];
                }
                measures.add(new Measure("results.measure.yes", null, null, yes < 0 || yes >= counts.length ? 0 : counts[yes],
                        base, null));
            }
            case RATING -> {
                double high = 0;
                double base = 0;
                for (int i = 0; i < codes.size() && i < counts.length; i++) {
                    int score = parse(codes.get(i));
                    base += score >= 0 ? counts[i] : 0;
                    high += score >= 7 ? counts[i] : 0;
                }
                measures.add(new Measure("results.measure.seven.plus", null, null, high, base, null));
            }
            case NUMBER -> {
                if (numbers != null) {
                    measures.add(new Measure("results.measure.mean", null, null, 0, numbers.n(), numbers));
                }
            }
            case SINGLE_CHOICE, ABOUT_YOU, MULTIPLE_CHOICE -> {
                double base = 0;
                for (int i = 0; i < codes.size() && i < counts.length; i++) {
                    base += Scales.isNoView(type, codes.get(i)) ? 0 : counts[i];
                }
                if (type == QuestionType.MULTIPLE_CHOICE) {
                    base = respondents;
                }
                for (int i = 0; i < codes.size() && i < counts.length; i++) {
                    if (!Scales.isNoView(type, codes.get(i))) {
                        measures.add(new Measure("results.measure.option", codes.get(i), labels.get(i), counts[i], base, null));
                    }
                }
            }
            default -> {
                // Text and months are counted, not compared.
            }
        }
        return measures;
    }

    private static int parse(String code) {
        try {
            return Integer.parseInt(code);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
