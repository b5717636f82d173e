package uk.chorus.feedback;

import java.util.Arrays;
import java.util.Optional;

/** Where a piece of feedback came from, by the name stored and used in the API and CSV files. */
public enum Channel {
    LOCAL_OFFER("local-offer"),
    SERVICE("service"),
    FOCUS_GROUP("focus-group"),
    COFFEE_MORNING("coffee-morning"),
    FORUM_REPORT("forum-report"),
    YOUNG_INSPECTORS("young-inspectors"),
    COMPLAINT("complaint"),
    COMPLIMENT("compliment");

    private final String code;

    Channel(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public String labelKey() {
        return "feedback.channel." + code;
    }

    /** What people send themselves (the public form and API); the rest staff record from meetings and reports. */
    public boolean fromThePublic() {
        return this == LOCAL_OFFER || this == SERVICE || this == COMPLAINT || this == COMPLIMENT;
    }

    /** What the staff form for meeting notes offers (Young Inspectors have their own form). */
    public boolean recordedAsNotes() {
        return this != LOCAL_OFFER && this != YOUNG_INSPECTORS;
    }

    public static Optional<Channel> fromCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }
}
