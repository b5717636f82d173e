package uk.chorus.surveys;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Arrays;
import java.util.Optional;

/** Who a survey is for; young people's surveys get stricter access to raw answers. */
@Serdeable
public enum Audience {
    PARENTS_CARERS("parents-carers"),
    YOUNG_PEOPLE("young-people"),
    PROFESSIONALS("professionals");

    private final String fileName;

    Audience(String fileName) {
        this.fileName = fileName;
    }

    @JsonValue
    public String fileName() {
        return fileName;
    }

    @JsonCreator
    static Audience fromJson(String name) {
        return fromFileName(name).orElseThrow(() -> new IllegalArgumentException("Unknown: " + name));
    }

    public static Optional<Audience> fromFileName(String name) {
        return Arrays.stream(values()).filter(a -> a.fileName.equals(name)).findFirst();
    }
}
