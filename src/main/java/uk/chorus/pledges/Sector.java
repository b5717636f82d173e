package uk.chorus.pledges;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where an organisation on the circulation list works, as the tracking counts it. */
public enum Sector {
    EARLY_YEARS, SCHOOL, COLLEGE, HEALTH, SOCIAL_CARE, VOLUNTARY, OTHER;

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String labelKey() {
        return "pledges.sector." + code();
    }

    /** A sector from its code or, in a CSV file, its words ("Early years", "social care"). */
    public static Optional<Sector> fromText(String text) {
        String code = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", "-");
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
    }
}
