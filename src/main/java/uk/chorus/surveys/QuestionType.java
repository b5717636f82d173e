package uk.chorus.surveys;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The kinds of question a survey file may use, by the name written in the file. */
@Serdeable
public enum QuestionType {
    SINGLE_CHOICE("single-choice"),
    MULTIPLE_CHOICE("multiple-choice"),
    AGREEMENT("agreement"),
    // A 3- or 5-point scale shown with faces and words, for readers to whom "strongly agree" is
    // abstract; its answers count as positive, neutral or negative like agreement's.
    FACES("faces"),
    RATING("rating"),
    YES_NO("yes-no"),
    SHORT_TEXT("short-text"),
    LONG_TEXT("long-text"),
    NUMBER("number"),
    MONTH_YEAR("month-year"),
    ABOUT_YOU("about-you");

    private final String fileName;

    QuestionType(String fileName) {
        this.fileName = fileName;
    }

    @JsonValue
    public String fileName() {
        return fileName;
    }

    @JsonCreator
    static QuestionType fromJson(String name) {
        return fromFileName(name).orElseThrow(() -> new IllegalArgumentException("Unknown: " + name));
    }

    public static Optional<QuestionType> fromFileName(String name) {
        return Arrays.stream(values()).filter(t -> t.fileName.equals(name)).findFirst();
    }

    public static List<String> fileNames() {
        return Arrays.stream(values()).map(QuestionType::fileName).toList();
    }

    /** Types whose answer is one code picked from a fixed list of options. */
    public boolean isSingleCode() {
        return this == SINGLE_CHOICE || this == AGREEMENT || this == FACES || this == YES_NO || this == ABOUT_YOU;
    }

    /** Scales whose answers are positive, neutral or negative (net agreement, share positive). */
    public boolean isScale() {
        return this == AGREEMENT || this == FACES;
    }

    public boolean isText() {
        return this == SHORT_TEXT || this == LONG_TEXT;
    }

    /** Types another question's showIf may depend on: the answer is one or more known codes. */
    public boolean canBeConditionedOn() {
        return isSingleCode() || this == MULTIPLE_CHOICE || this == RATING;
    }
}
