package uk.chorus.surveys;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/**
 * The fewest people a published figure may describe: CHORUS_SMALLEST_GROUP (default 5), or a
 * a survey's own smallestGroup when that is larger. It is one number for both the rule and the promise: results
 * suppress counts below it, and a privacy notice that says "{smallestGroup}" is shown with it.
 */
@Singleton
public class SmallestGroup {
    public static final int DEFAULT = 5;
    public static final String PLACEHOLDER = "{smallestGroup}";
    private final int configured;

    SmallestGroup(@Value("${chorus.disclosure.smallest-group:5}") int configured) {
        if (configured < 2) {
            throw new IllegalArgumentException("CHORUS_SMALLEST_GROUP must be 2 or more, not " + configured + ".");
        }
        this.configured = configured;
    }

    /**
     * A survey file or design may raise the area's rule for its own figures, never lower it: a
     * survey that said {@code smallestGroup: 2} would otherwise publish counts of 2 and 3.
     */
    public int of(SurveyDefinition survey) {
        return survey.smallestGroup() == null ? configured : Math.max(configured, survey.smallestGroup());
    }

    /** For figures that belong to no one survey (feedback, themes across sources). */
    public int standard() {
        return configured;
    }

    /** The survey's privacy notice with its promise filled in from the same number. */
    public String privacyNotice(SurveyDefinition survey) {
        return survey.privacyNotice().replace(PLACEHOLDER, Integer.toString(of(survey)));
    }
}
