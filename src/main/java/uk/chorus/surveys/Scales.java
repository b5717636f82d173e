package uk.chorus.surveys;

import java.util.Map;

/**
 * Which answers on a scale are positive, neutral or negative, so agreement and faces questions
 * combine in results ("share positive", net agreement) and across waves that used either. "Don't
 * know" is none of them: it is kept apart from the base.
 */
public final class Scales {
    public static final int POSITIVE = 1;
    public static final int NEUTRAL = 0;
    public static final int NEGATIVE = -1;
    private static final Map<String, Integer> POLARITY = Map.ofEntries(
            Map.entry("strongly-agree", POSITIVE), Map.entry("agree", POSITIVE),
            Map.entry("neither", NEUTRAL),
            Map.entry("disagree", NEGATIVE), Map.entry("strongly-disagree", NEGATIVE),
            Map.entry("really-good", POSITIVE), Map.entry("good", POSITIVE),
            Map.entry("okay", NEUTRAL),
            Map.entry("not-good", NEGATIVE), Map.entry("really-bad", NEGATIVE));

    private Scales() {
    }

    /** +1, 0 or -1 for a scale answer; null for "don't know" or a question that is not a scale. */
    public static Integer polarity(QuestionType type, String code) {
        return type.isScale() ? POLARITY.get(code) : null;
    }

    /** Codes kept apart from the base of percentages: no view given. */
    public static boolean isNoView(String code) {
        return "dont-know".equals(code) || "prefer-not-to-say".equals(code);
    }

    /**
     * As isNoView, and "Not sure" to a yes/no question ("Not sure" whether a child has a plan is a
     * group). An about-you question has no view to give: "Prefer not to say" is one of its groups,
     * in its base. (Kept apart, its base was a second published count beside the group's size, and
     * the difference of the two, both large, gave away the few who preferred not to say.)
     */
    public static boolean isNoView(QuestionType type, String code) {
        if (type == QuestionType.ABOUT_YOU) {
            return false;
        }
        return isNoView(code) || (type == QuestionType.YES_NO && "not-sure".equals(code));
    }
}
