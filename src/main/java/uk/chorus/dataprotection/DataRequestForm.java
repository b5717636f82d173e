package uk.chorus.dataprotection;

import io.micronaut.core.annotation.Introspected;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A data-protection request as staff type it: the person's reference or resume code, what they ask for, and why. */
@Introspected
record DataRequestForm(
        @NotBlank(message = "{requests.code.missing}")
        @Size(max = DataRequestForm.LONGEST_CODE, message = "{requests.code.missing}") String code,
        @Pattern(regexp = "export|erase", message = "{requests.action.missing}") String action,
        // One constraint for empty and too long, so the sentence can name the limit.
        @Size(min = 1, max = DataRequests.LONGEST_REASON, message = "{requests.reason.missing}") String reason) {
    static final int LONGEST_CODE = 40;

    /** Spaces around a code or a reason are a slip of the keyboard, not part of them. */
    DataRequestForm {
        code = code.strip();
        reason = reason.strip();
    }

    static DataRequestForm blank() {
        return new DataRequestForm("", "export", "");
    }

    boolean erasing() {
        return action.equals("erase");
    }

    /** What the form shows again: too long a code is not shown, too long a reason is cut to fit. */
    DataRequestForm shown() {
        return new DataRequestForm(code.length() > LONGEST_CODE ? "" : code, action,
                reason.length() > DataRequests.LONGEST_REASON ? reason.substring(0, DataRequests.LONGEST_REASON) : reason);
    }
}
