package uk.chorus.demo;

import uk.chorus.responses.Answers;
import uk.chorus.surveys.LiveSurvey;
import uk.chorus.surveys.Option;
import uk.chorus.surveys.Question;
import uk.chorus.surveys.Scales;
import uk.chorus.surveys.SurveyDefinition;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Made-up families answering a survey, realistic enough to be worth looking at: groups of very
 * different sizes (some deliberately small, so disclosure control has something to hide), answers
 * that differ by group, and a second wave that is better on some questions, the same on others and
 * worse on one, so one-year-on results have something honest to say. Seeded, so every demo is the same.
 */
final class DemoFamilies {
    /** How likely a positive answer is, per question key, in the first and second wave. */
    private static final Map<String, double[]> POSITIVE = Map.ofEntries(
            Map.entry("needs_met_education", new double[]{0.42, 0.51}),
            Map.entry("needs_met_health", new double[]{0.36, 0.35}),
            Map.entry("needs_met_care", new double[]{0.28, 0.30}),
            Map.entry("local_offer_found", new double[]{0.36, 0.56}),
            Map.entry("annual_review_involved", new double[]{0.56, 0.44}),
            Map.entry("feel_listened_to", new double[]{0.47, 0.49}),
            Map.entry("school_help", new double[]{0.50, 0.62}),
            Map.entry("school_happy", new double[]{0.46, 0.49}),
            Map.entry("feel_safe", new double[]{0.60, 0.58}),
            Map.entry("mental_health_got_help", new double[]{0.30, 0.41}),
            Map.entry("listened_to", new double[]{0.42, 0.55}),
            Map.entry("adulthood_ready", new double[]{0.34, 0.36}));
    /** How likely "yes" is, per question key, in the first and second wave. */
    private static final Map<String, double[]> YES = Map.of(
            "local_offer_aware", new double[]{0.52, 0.66},
            "transition_recent", new double[]{0.34, 0.36},
            "has_friends", new double[]{0.52, 0.55},
            "mental_health_support", new double[]{0.42, 0.40},
            "plan_say", new double[]{0.48, 0.60});
    /** Mean of a 0 to 10 rating, per key, first and second wave. */
    private static final Map<String, double[]> RATING = Map.of(
            "recommend_support", new double[]{5.3, 5.9},
            "transition_rating", new double[]{5.1, 5.3});

    private static final String[] PLANS = {"College then work with animals", "Be a chef", "Go to university",
            "Get a job in a shop", "Work with computers", "Live on my own", "An apprenticeship in mechanics",
            "Work in a nursery", "Be a youtuber", "I don't know yet", "Drive a car and get a job",
            "Work in a garage", "Do art at college", "Help other young people like me"};
    private static final String[] LEARNING = {"A quiet room at lunch", "Teachers who explain things twice",
            "Not being moved between classes so much", "Extra time in tests", "Someone to check in with me",
            "Smaller classes", "Less noise", "A job coach", "Being allowed to wear ear defenders"};

    private final DemoComments comments = new DemoComments();
    private final Random random;

    DemoFamilies(long seed) {
        this.random = new Random(seed);
    }

    /** One complete set of answers to the survey, as a family in that wave would give them. */
    Map<String, Object> answers(LiveSurvey survey, boolean secondWave) {
        SurveyDefinition definition = survey.definition();
        boolean young = definition.audience() == uk.chorus.surveys.Audience.YOUNG_PEOPLE;
        Map<String, Object> answers = new LinkedHashMap<>();
        for (Question q : definition.questionList()) {
            if (!new Answers(definition, answers).isShown(q)) {
                continue;
            }
            Object value = answer(q, answers, young, secondWave ? 1 : 0);
            if (value != null) {
                answers.put(q.key(), value);
            }
        }
        return answers;
    }

    /** The answers to the first pages only: someone who started and stopped. */
    Map<String, Object> partial(LiveSurvey survey, int pages) {
        Map<String, Object> all = answers(survey, true);
        Map<String, Object> kept = new LinkedHashMap<>();
        for (int i = 0; i < Math.min(pages, survey.definition().pages().size()); i++) {
            for (Question q : survey.definition().pages().get(i).questions()) {
                if (all.containsKey(q.key())) {
                    kept.put(q.key(), all.get(q.key()));
                }
            }
        }
        return kept;
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    private Object answer(Question q, Map<String, Object> so, boolean young, int wave) {
        return switch (q.type()) {
            case ABOUT_YOU -> aboutYou(q, young);
            case AGREEMENT, FACES -> scale(q, so, wave);
            case YES_NO -> yesNo(q, wave);
            case RATING -> rating(q, wave);
            case MULTIPLE_CHOICE -> ticks(q);
            case NUMBER -> q.required() || random.nextDouble() < 0.8
                    ? (long) Math.max(6, Math.min(104, Math.round((wave == 0 ? 27 : 23) + random.nextGaussian() * 10)))
                    : null;
            case MONTH_YEAR -> random.nextDouble() < 0.75 ? monthInTheLastTwoYears() : null;
            case SHORT_TEXT -> random.nextDouble() < 0.5
                    ? (q.key().contains("plan") ? PLANS[random.nextInt(PLANS.length)] : LEARNING[random.nextInt(LEARNING.length)])
                    : null;
            case LONG_TEXT -> random.nextDouble() < (young ? 0.6 : 0.72) ? text(so, young) : null;
            case SINGLE_CHOICE -> q.options().get(random.nextInt(q.options().size())).code();
        };
    }

    private String aboutYou(Question q, boolean young) {
        double[] weights = switch (q.about()) {
            case EHCP -> young ? new double[]{0.38, 0.34, 0.14, 0.14} : new double[]{0.41, 0.38, 0.09, 0.07, 0.05};
            case AGE_BAND -> young ? new double[]{0.52, 0.36, 0.08, 0.04} : new double[]{0.07, 0.36, 0.33, 0.16, 0.06, 0.02};
            // Hearing, vision and multi-sensory needs are rare: small groups on purpose.
            case PRIMARY_NEED -> new double[]{0.08, 0.10, 0.05, 0.02, 0.15, 0.15, 0.006, 0.004, 0.002, 0.05, 0.30,
                    0.04, 0.02, 0.02};
            case SCHOOL_PHASE -> young ? new double[]{0.55, 0.25, 0.06, 0.05, 0.06, 0.03}
                    : new double[]{0.08, 0.35, 0.32, 0.15, 0.04, 0.05, 0.01};
            case AREA -> new double[]{0.30, 0.36, 0.30, 0.03, 0.01};
        };
        return pick(q.options(), weights);
    }

    private String scale(Question q, Map<String, Object> so, int wave) {
        double positive = POSITIVE.getOrDefault(q.key(), new double[]{0.5, 0.5})[wave] + shift(q.key(), so);
        if (q.option("dont-know").isPresent() && random.nextDouble() < 0.06) {
            return "dont-know";
        }
        double draw = random.nextDouble();
        int polarity = draw < positive ? Scales.POSITIVE : draw < positive + 0.18 ? Scales.NEUTRAL : Scales.NEGATIVE;
        List<String> matching = q.options().stream().map(Option::code)
                .filter(code -> Integer.valueOf(polarity).equals(Scales.polarity(q.type(), code))).toList();
        if (matching.size() == 1) {
            return matching.get(0);
        }
        // Options run from most positive to most negative; the milder answer ("agree") is commoner.
        String mild = polarity == Scales.POSITIVE ? matching.get(matching.size() - 1) : matching.get(0);
        String strong = polarity == Scales.POSITIVE ? matching.get(0) : matching.get(matching.size() - 1);
        return random.nextDouble() < 0.65 ? mild : strong;
    }

    /** Families' circumstances move their answers: plans, social and emotional needs, older children. */
    private static double shift(String key, Map<String, Object> so) {
        double shift = 0;
        if ("ehcp".equals(so.get("ehcp_status")) && key.startsWith("needs_met")) {
            shift -= 0.07;
        }
        if ("semh".equals(so.get("primary_need"))) {
            shift -= 0.09;
        }
        if ("post-16".equals(so.get("school_phase")) && key.equals("needs_met_education")) {
            shift -= 0.06;
        }
        if ("south".equals(so.get("area"))) {
            shift += 0.05;
        }
        if ("19-25".equals(so.get("age_band")) && key.equals("adulthood_ready")) {
            shift += 0.08;
        }
        return shift;
    }

    private String yesNo(Question q, int wave) {
        double yes = YES.getOrDefault(q.key(), new double[]{0.5, 0.5})[wave];
        double draw = random.nextDouble();
        return draw < yes ? "yes" : draw < yes + (1 - yes) * 0.8 ? "no" : "not-sure";
    }

    private Object rating(Question q, int wave) {
        if (!q.required() && random.nextDouble() < 0.1) {
            return null;
        }
        double mean = RATING.getOrDefault(q.key(), new double[]{5.5, 5.5})[wave];
        return (long) Math.max(0, Math.min(10, Math.round(mean + random.nextGaussian() * 2.4)));
    }

    private List<String> ticks(Question q) {
        List<String> ticked = new ArrayList<>();
        for (Option option : q.options()) {
            if (random.nextDouble() < 0.3) {
                ticked.add(option.code());
            }
        }
        if (ticked.isEmpty()) {
            ticked.add(q.options().get(random.nextInt(q.options().size())).code());
        }
        return ticked;
    }

    private String monthInTheLastTwoYears() {
        LocalDate month = LocalDate.of(2024, 1, 1).plusMonths(random.nextInt(23));
        return String.format("%d-%02d", month.getYear(), month.getMonthValue());
    }

    private String text(Map<String, Object> so, boolean young) {
        Map<String, Double> leaning = new LinkedHashMap<>();
        if ("ehcp".equals(so.get("ehcp_status"))) {
            leaning.put("ehcp", 2.5);
            leaning.put("annual-reviews", 2.0);
        }
        if ("asd".equals(so.get("primary_need"))) {
            leaning.put("assessment-waits", 1.8);
            leaning.put("staff-training", 1.5);
        }
        if ("semh".equals(so.get("primary_need"))) {
            leaning.put("mental-health", 2.5);
            leaning.put("inclusion", 1.8);
        }
        if ("pd".equals(so.get("primary_need")) || "pmld".equals(so.get("primary_need"))) {
            leaning.put("equipment", 3.0);
            leaning.put("therapies", 2.0);
        }
        Object phase = so.get("school_phase");
        if ("post-16".equals(phase) || "college".equals(phase) || "16-18".equals(so.get("age_band"))) {
            leaning.put("transition", 2.5);
        }
        leaning.put("none", 0.6);
        return young ? comments.fromYoungPerson(random, leaning) : comments.fromParent(random, leaning);
    }

    private String pick(List<Option> options, double[] weights) {
        double total = 0;
        for (int i = 0; i < options.size(); i++) {
            total += i < weights.length ? weights[i] : 0.01;
        }
        double draw = random.nextDouble() * total;
        for (int i = 0; i < options.size(); i++) {
            draw -= i < weights.length ? weights[i] : 0.01;
            if (draw <= 0) {
                return options.get(i).code();
            }
        }
        return options.get(options.size() - 1).code();
    }
}
