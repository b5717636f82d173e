package uk.chorus.pledges;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.Size;
import uk.chorus.web.DateFields;
import uk.chorus.web.FormErrors;
import uk.chorus.web.Messages;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A new pledge campaign as the lead typed it. The two texts are checked by their constraints; the
 * list of commitments, the target and the dates by {@link #checks}, as they are read from more
 * than one box or need reading first. The whole form is kept for the dates' three boxes each.
 */
@Introspected
record NewCampaignForm(@Size(min = 1, max = 200, message = "{pledges.new.error.title}") String title,
                       @Size(min = 1, max = 5000, message = "{pledges.new.error.pledge}") String pledge,
                       String commitments, String target, Map<String, List<String>> fields) {
    NewCampaignForm {
        title = title.strip();
        pledge = pledge.strip();
        commitments = commitments.strip();
        target = target.strip();
    }

    List<String> commitmentList() {
        return Arrays.stream(commitments.split("\\R")).map(String::strip).filter(c -> !c.isEmpty()).toList();
    }

    /** The target as a percentage, from "85", "85%" or "85.5"; null when it is not a number. */
    @Nullable BigDecimal targetPercent() {
        try {
            return new BigDecimal(target.replace("%", "").strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    DateFields.Typed launch() {
        return typed("launch");
    }

    DateFields.Typed review() {
        return typed("review");
    }

    /** The checks beyond the constraints, in the order the boxes come on the page. */
    FormErrors checks(Messages messages) {
        FormErrors errors = FormErrors.none();
        List<String> listed = commitmentList();
        if (listed.isEmpty() || listed.size() > 20 || listed.stream().anyMatch(c -> c.length() > 500)) {
            errors.add("commitments", messages.get("pledges.new.error.commitments"));
        }
        BigDecimal percent = targetPercent();
        if (percent == null || percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
            errors.add("target", messages.get("pledges.new.error.target"));
        }
        LocalDate launch = launch().date();
        LocalDate review = review().date();
        if (launch == null) {
            errors.add("launch", messages.get("pledges.new.error.launch"));
        }
        if (review == null || launch != null && review.isBefore(launch)) {
            errors.add("review", messages.get("pledges.new.error.review"));
        }
        return errors;
    }

    /**
     * A date from GOV.UK's three boxes (name-day, name-month, name-year); a client that sends one
     * field in ISO form (2026-01-15), as scripts and older forms do, is read too.
     */
    private DateFields.Typed typed(String name) {
        List<String> values = fields.getOrDefault(name, List.of());
        String iso = values.isEmpty() ? "" : values.get(0).strip();
        if (!iso.isEmpty() && !fields.containsKey(name + "-day")) {
            try {
                return DateFields.of(LocalDate.parse(iso));
            } catch (DateTimeParseException e) {
                return new DateFields.Typed("", "", "", null);
            }
        }
        return DateFields.read(fields, name);
    }
}
