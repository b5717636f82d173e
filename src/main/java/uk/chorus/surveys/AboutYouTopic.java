package uk.chorus.surveys;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The "about you" questions that results are broken down by. Each has standard options so that
 * every survey and every wave groups families the same way; "Prefer not to say" is always offered.
 */
@Serdeable
public enum AboutYouTopic {
    EHCP("ehcp", List.of(
            new Option("ehcp", "Education, Health and Care plan (EHCP)"),
            new Option("sen-support", "SEN Support (help at school or college without a plan)"),
            new Option("neither", "Neither"),
            new Option("not-sure", "Not sure"))),
    AGE_BAND("age-band", List.of(
            new Option("0-4", "0 to 4"),
            new Option("5-10", "5 to 10"),
            new Option("11-15", "11 to 15"),
            new Option("16-18", "16 to 18"),
            new Option("19-25", "19 to 25"))),
    // The school census categories of primary need.
    PRIMARY_NEED("primary-need", List.of(
            new Option("spld", "Specific learning difficulty (SpLD)"),
            new Option("mld", "Moderate learning difficulty (MLD)"),
            new Option("sld", "Severe learning difficulty (SLD)"),
            new Option("pmld", "Profound and multiple learning difficulty (PMLD)"),
            new Option("semh", "Social, emotional and mental health (SEMH)"),
            new Option("slcn", "Speech, language and communication needs (SLCN)"),
            new Option("hi", "Hearing impairment (HI)"),
            new Option("vi", "Vision impairment (VI)"),
            new Option("msi", "Multi-sensory impairment (MSI)"),
            new Option("pd", "Physical disability (PD)"),
            new Option("asd", "Autistic spectrum disorder (ASD)"),
            new Option("other", "Other difficulty or disability"),
            new Option("not-known", "Not known yet"))),
    SCHOOL_PHASE("school-phase", List.of(
            new Option("early-years", "Early years (nursery or pre-school)"),
            new Option("primary", "Primary school"),
            new Option("secondary", "Secondary school"),
            new Option("post-16", "College, sixth form or training (post-16)"),
            new Option("not-in-education", "Not in education, employment or training"),
            new Option("home-educated", "Educated at home"))),
    // Areas differ in every local authority, so the survey file must list them.
    AREA("area", List.of());

    public static final Option PREFER_NOT_TO_SAY = new Option("prefer-not-to-say", "Prefer not to say");

    private final String fileName;
    private final List<Option> standardOptions;

    AboutYouTopic(String fileName, List<Option> standardOptions) {
        this.fileName = fileName;
        this.standardOptions = standardOptions;
    }

    @JsonValue
    public String fileName() {
        return fileName;
    }

    public List<Option> standardOptions() {
        return standardOptions;
    }

    public boolean needsOptionsFromFile() {
        return standardOptions.isEmpty();
    }

    @JsonCreator
    static AboutYouTopic fromJson(String name) {
        return fromFileName(name).orElseThrow(() -> new IllegalArgumentException("Unknown: " + name));
    }

    public static Optional<AboutYouTopic> fromFileName(String name) {
        return Arrays.stream(values()).filter(t -> t.fileName.equals(name)).findFirst();
    }

    public static List<String> fileNames() {
        return Arrays.stream(values()).map(AboutYouTopic::fileName).toList();
    }
}
