package uk.chorus.results;

import uk.chorus.surveys.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Who answered against who lives in the area. With the population of each group of an about-you
 * question, each group's share of respondents is set beside its share of the population (flagging
 * a group over- or under-represented), and, when a lead asks, each respondent is weighted so the
 * groups count in their population shares (post-stratification on one question). People who did
 * not answer that question, or are in a group with no population entered, keep a weight of 1.
 */
final class Weighting {
    /** A difference this large (and this much relatively) between the two shares is worth a warning. */
    private static final double WARN_POINTS = 0.05;
    private static final double WARN_RATIO = 1.25;

    private Weighting() {
    }

    enum Flag { OVER, UNDER, NONE }

    record Group(String code, String label, long population, double populationShare, long respondents,
                 double respondentShare, double weight, Flag flag) {
    }

    /** Every group of {@code by} that has a population entered, in the question's order. */
    static List<Group> groups(Wave wave, Wave.Column by, Map<String, Long> populations, Counting.Selection selection) {
        long[] respondents = new long[by.options.size()];
        for (int row = 0; row < wave.size; row++) {
            if (selection.included()[row] && by.chosen[row] != Wave.NONE) {
                respondents[by.chosen[row]]++;
            }
        }
        long populationTotal = 0;
        long populationWithRespondents = 0;
        long respondentTotal = 0;
        for (int g = 0; g < by.options.size(); g++) {
            long population = populations.getOrDefault(by.options.get(g).code(), 0L);
            if (population > 0) {
                populationTotal += population;
                respondentTotal += respondents[g];
                populationWithRespondents += respondents[g] > 0 ? population : 0;
            }
        }
        List<Group> groups = new ArrayList<>();
        for (int g = 0; g < by.options.size(); g++) {
            Option option = by.options.get(g);
            long population = populations.getOrDefault(option.code(), 0L);
            if (population <= 0) {
                continue;
            }
            double populationShare = population / (double) populationTotal;
            double respondentShare = respondentTotal == 0 ? 0 : respondents[g] / (double) respondentTotal;
            double weight = respondents[g] == 0 ? 0
                    : (population / (double) populationWithRespondents) / (respondents[g] / (double) respondentTotal);
            Flag flag = Flag.NONE;
            if (Math.abs(respondentShare - populationShare) >= WARN_POINTS) {
                double ratio = populationShare == 0 ? Double.POSITIVE_INFINITY : respondentShare / populationShare;
                flag = ratio > WARN_RATIO ? Flag.OVER : ratio < 1 / WARN_RATIO ? Flag.UNDER : Flag.NONE;
            }
            groups.add(new Group(option.code(), option.label(), population, populationShare, respondents[g],
                    respondentShare, weight, flag));
        }
        return groups;
    }

    /** Each row's weight: its group's, or 1. */
    static double[] weights(Wave wave, Wave.Column by, List<Group> groups) {
        double[] byOption = new double[by.options.size()];
        java.util.Arrays.fill(byOption, 1);
        for (Group group : groups) {
            int option = by.indexOf(group.code());
            if (option != Wave.NONE && group.respondents() > 0) {
                byOption[option] = group.weight();
            }
        }
        double[] weights = new double[wave.size];
        for (int row = 0; row < wave.size; row++) {
            weights[row] = by.chosen[row] == Wave.NONE ? 1 : byOption[by.chosen[row]];
        }
        return weights;
    }
}
